package kz.qorgau.web.cases;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.access.CaseAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.caseview.CaseView;
import kz.qorgau.caseview.CaseViewService;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.IncidentContext;
import kz.qorgau.casefile.IncidentDetails;
import kz.qorgau.casefile.Relationship;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.casefile.PersonDetails;
import kz.qorgau.casefile.Sex;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/**
 * One case, as the caller may see it: one {@link CaseView} read per page view and after each change, never an entity.
 * Each section of the page is its own form; each action sends back the version shown.
 */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    @Inject
    CaseWorkService work;

    @Inject
    CaseViewService views;

    @Inject
    CurrentUser user;

    private String number;
    private CaseView view;
    private String safetyPlanText;
    private String secretAddress;
    private String secretShelter;

    private RiskLevel riskLevel;
    private LocalDate riskDate = LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN);
    private ConsentScope consentScope;
    private LocalDate consentDate = LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN);
    private ConsentScope withdrawnScope;
    private LocalDate withdrawalDate = LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN);
    private String closureComment;
    private final IncidentForm incident = new IncidentForm();
    private final PartyForm party = new PartyForm();

    /** View action: an unknown number, or one outside the caller's partition, is the not-found page. */
    public void load() throws IOException {
        try {
            reload();
        } catch (NotFoundException | IllegalArgumentException missing) {
            jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, null);
            faces.responseComplete();
        }
    }

    private void act(Runnable action) {
        Messages.attempt(action);
        reload();
    }

    /** After a change, in whichever section: the whole case as now saved, read once. */
    public void reload() {
        view = views.open(user.caller(), number);
        safetyPlanText = view.plan().map(CaseView.Plan::text).orElse("");
        secretAddress = view.secretAddress().map(CaseView.Address::currentAddress).orElse("");
        secretShelter = view.secretAddress().map(CaseView.Address::shelterLocation).orElse("");
    }

    public CaseView getView() {
        return view;
    }

    private CaseDetails details() {
        return view.details();
    }

    public void activate() {
        act(() -> work.activate(user.caller(), number, details().version()));
    }

    public void requestClosure() {
        act(() -> work.requestClosure(user.caller(), number, details().version()));
    }

    public void approveClosure() {
        act(() -> work.approveClosure(user.caller(), number, details().version(), closureComment));
    }

    public void rejectClosure() {
        act(() -> work.rejectClosure(user.caller(), number, details().version(), closureComment));
    }

    public void reopen() {
        act(() -> work.reopen(user.caller(), number, details().version()));
    }

    public void assessRisk() {
        act(() -> work.assessRisk(user.caller(), number, details().version(), riskLevel, riskDate));
    }

    public void giveConsent() {
        act(() -> work.giveConsent(user.caller(), number, details().version(), consentScope, consentDate));
    }

    /** A consent row's withdrawal: the row names the scope, the dialog the date. */
    public void chooseConsent(ConsentScope scope) {
        withdrawnScope = scope;
    }

    public void withdrawConsent() {
        act(() -> work.withdrawConsent(user.caller(), number, details().version(), withdrawnScope, withdrawalDate));
    }

    public ConsentScope getWithdrawnScope() {
        return withdrawnScope;
    }

    public LocalDate getWithdrawalDate() {
        return withdrawalDate;
    }

    public void setWithdrawalDate(LocalDate withdrawalDate) {
        this.withdrawalDate = withdrawalDate;
    }

    public void recordIncident() {
        act(() -> work.recordIncident(user.caller(), number, details().version(), incident.toDetails(details().regionCode())));
    }

    private String courtCode;

    /** The courts the case was brought before, by name. */
    public String getCourtsText() {
        return view.courts().isEmpty() ? "—"
                : String.join(", ", view.courts().stream().map(options::organisationName).toList());
    }

    @Inject
    kz.qorgau.web.faces.Options options;

    public void bringBeforeCourt() {
        act(() -> work.bringBeforeCourt(user.caller(), number, courtCode));
    }

    public String getCourtCode() {
        return courtCode;
    }

    public void setCourtCode(String courtCode) {
        this.courtCode = courtCode;
    }

    public void addRelatedPerson() {
        act(() -> work.addRelatedPerson(user.caller(), number, details().version(), party.toDetails(), party.relation, party.dependent));
    }

    public PartyForm getParty() {
        return party;
    }

    /** A child or family member as the page fills it. */
    public static class PartyForm implements Serializable {
        private String familyName;
        private String givenName;
        private Sex sex;
        private LocalDate birthDate;
        private kz.qorgau.casefile.PartyRelation relation;
        private boolean dependent;

        PersonDetails toDetails() {
            return new PersonDetails(familyName, givenName, null, null, null, sex, birthDate, null, null, null, null, null);
        }

        public String getFamilyName() { return familyName; }
        public void setFamilyName(String v) { familyName = v; }
        public String getGivenName() { return givenName; }
        public void setGivenName(String v) { givenName = v; }
        public Sex getSex() { return sex; }
        public void setSex(Sex v) { sex = v; }
        public LocalDate getBirthDate() { return birthDate; }
        public void setBirthDate(LocalDate v) { birthDate = v; }
        public kz.qorgau.casefile.PartyRelation getRelation() { return relation; }
        public void setRelation(kz.qorgau.casefile.PartyRelation v) { relation = v; }
        public boolean isDependent() { return dependent; }
        public void setDependent(boolean v) { dependent = v; }
    }

    public kz.qorgau.casefile.PartyRelation[] getPartyRelations() {
        return kz.qorgau.casefile.PartyRelation.values();
    }

    public void saveSafetyPlan() {
        long version = view.plan().map(CaseView.Plan::version).orElse(-1L);
        String text = safetyPlanText;
        act(() -> work.reviseSafetyPlan(user.caller(), number, version, text));
        if (jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            safetyPlanText = text; // refused: what she typed stays on the page
        }
    }

    public void saveSecret() {
        long version = view.secretAddress().map(CaseView.Address::version).orElse(-1L);
        String address = secretAddress;
        String shelter = secretShelter;
        act(() -> work.recordSecretAddress(user.caller(), number, version, address, shelter));
        if (jakarta.faces.context.FacesContext.getCurrentInstance().isValidationFailed()) {
            secretAddress = address;
            secretShelter = shelter;
        }
    }

    public String getSecretAddress() {
        return secretAddress;
    }

    public void setSecretAddress(String secretAddress) {
        this.secretAddress = secretAddress;
    }

    public String getSecretShelter() {
        return secretShelter;
    }

    public void setSecretShelter(String secretShelter) {
        this.secretShelter = secretShelter;
    }

    /**
     * A case summary to print, for a provider, the police or a court: cut by the domain from what she sees, audited as
     * an export, written in her language.
     */
    public org.primefaces.model.StreamedContent summary(String recipient) {
        kz.qorgau.caseview.SummaryRecipient forWhom = kz.qorgau.caseview.SummaryRecipient.valueOf(recipient);
        CaseView cut = views.summary(user.caller(), number, forWhom);
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        CaseSummaryPdf pdf = new CaseSummaryPdf(bundle(), faces.getViewRoot().getLocale(), options);
        String by = user.getUsername() + user.caller().organisationCode().map(code -> " (" + options.organisationName(code) + ")").orElse("");
        java.time.Instant at = java.time.Instant.now();
        return org.primefaces.model.DefaultStreamedContent.builder()
                .name(number + "-" + forWhom.name().toLowerCase(java.util.Locale.ROOT) + ".pdf")
                .contentType("application/pdf")
                .writer(out -> pdf.write(cut, forWhom, by, at, out))
                .build();
    }

    /** "Who saw this", what was done, in the reader's words: the action, the record, and the parts a view disclosed. */
    public String auditWhat(kz.qorgau.audit.AuditEntry entry) {
        java.util.ResourceBundle bundle = bundle();
        StringBuilder what = new StringBuilder(text(bundle, "audit." + entry.action(), entry.action().name()));
        if (entry.recordType() != null) {
            what.append(" · ").append(text(bundle, "recordType." + entry.recordType(), entry.recordType()));
        }
        if (entry.action() == kz.qorgau.audit.AuditAction.READ && entry.detail() != null
                && "CaseFile".equals(entry.recordType())) {
            what.append(": ").append(String.join(", ", java.util.Arrays.stream(entry.detail().split(" "))
                    .map(part -> text(bundle, "disclosed." + part, part)).toList()));
        }
        return what.toString();
    }

    /** The roles of an audit line ("social-worker,police"), by name. */
    public String roleNames(String roles) {
        if (roles == null || roles.isBlank()) {
            return "—";
        }
        java.util.ResourceBundle bundle = bundle();
        return String.join(", ", java.util.Arrays.stream(roles.split(",")).map(r -> text(bundle, "role." + r, r)).toList());
    }

    private static java.util.ResourceBundle bundle() {
        jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
        return faces.getApplication().getResourceBundle(faces, "msg");
    }

    private static String text(java.util.ResourceBundle bundle, String key, String otherwise) {
        return bundle.containsKey(key) ? bundle.getString(key) : otherwise;
    }

    // --- assignment, by the region's supervisor ---

    @Inject
    kz.qorgau.staff.StaffDirectory staff;

    private String assignee;
    private List<Worker> socialWorkers;

    /** A social worker the case may be handed to, as the choice shows her. */
    public record Worker(String username, String label) implements Serializable {
    }

    /** The region's supervisor, on an open case of her region: as the policy answers. */
    public boolean isAssignable() {
        return details().access().may(CaseAction.ASSIGN);
    }

    public List<Worker> getSocialWorkers() {
        if (socialWorkers == null) {
            socialWorkers = !isAssignable() ? List.of() : staff.socialWorkersOfMyRegion(user.caller()).stream()
                    .map(w -> new Worker(w.username(), w.displayName() + " (" + w.organisationCode().map(options::organisationName).orElse("—") + ")"))
                    .toList();
        }
        return socialWorkers;
    }

    public void assign() {
        act(() -> work.assign(user.caller(), number, details().version(), assignee));
    }

    public void unassign() {
        act(() -> work.unassign(user.caller(), number, details().version()));
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    /** The access policy's answer for this caller and this case: what the page offers, nothing it works out itself. */
    public CaseAccess getAccess() {
        return view.access();
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public CaseDetails getDetails() {
        return view == null ? null : view.details();
    }

    public String getSafetyPlanText() {
        return safetyPlanText;
    }

    public void setSafetyPlanText(String safetyPlanText) {
        this.safetyPlanText = safetyPlanText;
    }

    public RiskLevel getRiskLevel() {
        return riskLevel;
    }

    public void setRiskLevel(RiskLevel riskLevel) {
        this.riskLevel = riskLevel;
    }

    public LocalDate getRiskDate() {
        return riskDate;
    }

    public void setRiskDate(LocalDate riskDate) {
        this.riskDate = riskDate;
    }

    public ConsentScope getConsentScope() {
        return consentScope;
    }

    public void setConsentScope(ConsentScope consentScope) {
        this.consentScope = consentScope;
    }

    public LocalDate getConsentDate() {
        return consentDate;
    }

    public void setConsentDate(LocalDate consentDate) {
        this.consentDate = consentDate;
    }

    public String getClosureComment() {
        return closureComment;
    }

    public void setClosureComment(String closureComment) {
        this.closureComment = closureComment;
    }

    public IncidentForm getIncident() {
        return incident;
    }

    /** The fields of a further incident, as the page fills them. */
    public static class IncidentForm implements Serializable {
        private LocalDate occurredOn;
        private GbvType type;
        private IncidentContext context;
        private String settlement;
        private String legalArticleCode;
        private Relationship relationship;
        private LocalDate reportedToPoliceOn;
        private String perpetratorFamilyName;
        private String perpetratorGivenName;
        private Sex perpetratorSex;
        private LocalDate perpetratorBirthDate;
        private Integer perpetratorAge;

        IncidentDetails toDetails(String caseRegion) {
            boolean named = perpetratorFamilyName != null && !perpetratorFamilyName.isBlank();
            PersonDetails perpetrator = named ? new PersonDetails(perpetratorFamilyName, perpetratorGivenName, null, null, null,
                    perpetratorSex, perpetratorBirthDate, perpetratorAge, null, null, null, null) : null;
            return new IncidentDetails(occurredOn, type, context, caseRegion, settlement,
                    legalArticleCode == null || legalArticleCode.isBlank() ? null : legalArticleCode,
                    perpetrator, relationship, reportedToPoliceOn);
        }

        public String getPerpetratorFamilyName() { return perpetratorFamilyName; }
        public void setPerpetratorFamilyName(String v) { perpetratorFamilyName = v; }
        public String getPerpetratorGivenName() { return perpetratorGivenName; }
        public void setPerpetratorGivenName(String v) { perpetratorGivenName = v; }
        public Sex getPerpetratorSex() { return perpetratorSex; }
        public void setPerpetratorSex(Sex v) { perpetratorSex = v; }
        public LocalDate getPerpetratorBirthDate() { return perpetratorBirthDate; }
        public void setPerpetratorBirthDate(LocalDate v) { perpetratorBirthDate = v; }
        public Integer getPerpetratorAge() { return perpetratorAge; }
        public void setPerpetratorAge(Integer v) { perpetratorAge = v; }

        public LocalDate getOccurredOn() { return occurredOn; }
        public void setOccurredOn(LocalDate occurredOn) { this.occurredOn = occurredOn; }
        public GbvType getType() { return type; }
        public void setType(GbvType type) { this.type = type; }
        public IncidentContext getContext() { return context; }
        public void setContext(IncidentContext context) { this.context = context; }
        public String getSettlement() { return settlement; }
        public void setSettlement(String settlement) { this.settlement = settlement; }
        public String getLegalArticleCode() { return legalArticleCode; }
        public void setLegalArticleCode(String legalArticleCode) { this.legalArticleCode = legalArticleCode; }
        public Relationship getRelationship() { return relationship; }
        public void setRelationship(Relationship relationship) { this.relationship = relationship; }
        public LocalDate getReportedToPoliceOn() { return reportedToPoliceOn; }
        public void setReportedToPoliceOn(LocalDate reportedToPoliceOn) { this.reportedToPoliceOn = reportedToPoliceOn; }
    }
}
