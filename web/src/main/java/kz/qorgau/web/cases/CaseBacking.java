package kz.qorgau.web.cases;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.access.CaseAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.IncidentContext;
import kz.qorgau.casefile.IncidentDetails;
import kz.qorgau.casefile.Relationship;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.casefile.PersonSecret;
import kz.qorgau.casefile.PersonDetails;
import kz.qorgau.casefile.SafetyPlan;
import kz.qorgau.casefile.Sex;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.timeline.CaseEvent;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.IOException;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;

/** One case, as the caller may see it; each action sends back the version shown, and reloads what is now saved. */
@Named
@ViewScoped
public class CaseBacking implements Serializable {

    @Inject
    CaseWorkService work;

    @Inject
    CurrentUser user;

    private String number;
    private CaseDetails details;
    private List<CaseEvent> timeline;
    private String safetyPlanText;
    private long safetyPlanVersion = -1;
    private boolean secretShown;
    private String secretAddress;
    private String secretShelter;
    private long secretVersion = -1;

    private RiskLevel riskLevel;
    private LocalDate riskDate = LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN);
    private ConsentScope consentScope;
    private LocalDate consentDate = LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN);
    private String closureComment;
    private final IncidentForm incident = new IncidentForm();
    private final PartyForm party = new PartyForm();

    /** View action: an unknown number, or one outside the caller's partition, is the not-found page. */
    public void load() throws IOException {
        try {
            details = work.details(user.caller(), number);
            timeline = work.timeline(user.caller(), number);
            if (details.access().granted(CaseAction.READ_SAFETY_PLAN)) {
                var plan = work.safetyPlan(user.caller(), number);
                safetyPlanText = plan.map(SafetyPlan::text).orElse("");
                safetyPlanVersion = plan.map(SafetyPlan::version).orElse(-1L);
            }
            loadSecret();
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

    /** After a change made in another section of the page: status, version and timeline as now saved. */
    public void reload() {
        details = work.details(user.caller(), number);
        timeline = work.timeline(user.caller(), number);
    }

    public void activate() {
        act(() -> work.activate(user.caller(), number, details.version()));
    }

    public void requestClosure() {
        act(() -> work.requestClosure(user.caller(), number, details.version()));
    }

    public void approveClosure() {
        act(() -> work.approveClosure(user.caller(), number, details.version(), closureComment));
    }

    public void rejectClosure() {
        act(() -> work.rejectClosure(user.caller(), number, details.version(), closureComment));
    }

    public void reopen() {
        act(() -> work.reopen(user.caller(), number, details.version()));
    }

    public void assessRisk() {
        act(() -> work.assessRisk(user.caller(), number, details.version(), riskLevel, riskDate));
    }

    public void giveConsent() {
        act(() -> work.giveConsent(user.caller(), number, details.version(), consentScope, consentDate));
    }

    public void withdrawConsent() {
        act(() -> work.withdrawConsent(user.caller(), number, details.version(), consentScope, consentDate));
    }

    public void recordIncident() {
        act(() -> work.recordIncident(user.caller(), number, details.version(), incident.toDetails(details.regionCode())));
    }

    private String courtCode;
    private List<String> courts;

    public List<String> getCourts() {
        if (courts == null) {
            courts = work.courtsOf(user.caller(), number);
        }
        return courts;
    }

    public String getCourtsText() {
        return getCourts().isEmpty() ? "—" : String.join(", ", getCourts());
    }

    public void bringBeforeCourt() {
        act(() -> work.bringBeforeCourt(user.caller(), number, courtCode));
        courts = null;
    }

    public String getCourtCode() {
        return courtCode;
    }

    public void setCourtCode(String courtCode) {
        this.courtCode = courtCode;
    }

    public void addRelatedPerson() {
        act(() -> work.addRelatedPerson(user.caller(), number, details.version(), party.toDetails(), party.relation, party.dependent));
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
        try {
            work.reviseSafetyPlan(user.caller(), number, safetyPlanVersion, safetyPlanText);
            Messages.info("case.saved");
            var plan = work.safetyPlan(user.caller(), number);
            safetyPlanVersion = plan.map(SafetyPlan::version).orElse(-1L);
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
        timeline = work.timeline(user.caller(), number);
    }

    /** Only those the policy gives the address ever receive it; for everyone else the section is absent. */
    private void loadSecret() {
        secretShown = details.access().granted(CaseAction.READ_ADDRESS);
        if (secretShown) {
            var secret = work.secretAddress(user.caller(), number);
            secretAddress = secret.flatMap(PersonSecret::currentAddress).orElse("");
            secretShelter = secret.flatMap(PersonSecret::shelterLocation).orElse("");
            secretVersion = secret.map(PersonSecret::version).orElse(-1L);
        }
    }

    public void saveSecret() {
        Messages.attempt(() -> work.recordSecretAddress(user.caller(), number, secretVersion, secretAddress, secretShelter));
        reload();
        loadSecret();
    }

    public boolean isSecretShown() {
        return secretShown;
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

    private List<kz.qorgau.audit.AuditEntry> whoSaw;

    /** Shown to those the policy lets see it; for anyone else the section is absent. */
    public List<kz.qorgau.audit.AuditEntry> getWhoSaw() {
        if (whoSaw == null) {
            whoSaw = details.access().granted(CaseAction.WHO_SAW) ? work.whoSaw(user.caller(), number) : List.of();
        }
        return whoSaw;
    }

    // --- assignment, by the region's supervisor ---

    @Inject
    kz.qorgau.staff.StaffDirectory staff;

    private String assignee;
    private List<kz.qorgau.staff.StaffMember> socialWorkers;

    /** The region's supervisor, on an open case of her region: as the policy answers. */
    public boolean isAssignable() {
        return details.access().may(CaseAction.ASSIGN);
    }

    public List<kz.qorgau.staff.StaffMember> getSocialWorkers() {
        if (socialWorkers == null) {
            socialWorkers = isAssignable() ? staff.socialWorkersOfMyRegion(user.caller()) : List.of();
        }
        return socialWorkers;
    }

    public void assign() {
        act(() -> work.assign(user.caller(), number, details.version(), assignee));
    }

    public void unassign() {
        act(() -> work.unassign(user.caller(), number, details.version()));
    }

    public String getAssignee() {
        return assignee;
    }

    public void setAssignee(String assignee) {
        this.assignee = assignee;
    }

    /** The access policy's answer for this caller and this case: what the page offers, nothing it works out itself. */
    public CaseAccess getAccess() {
        return details.access();
    }

    public String getNumber() {
        return number;
    }

    public void setNumber(String number) {
        this.number = number;
    }

    public CaseDetails getDetails() {
        return details;
    }

    public List<CaseEvent> getTimeline() {
        return timeline;
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
