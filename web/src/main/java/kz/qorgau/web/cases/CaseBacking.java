package kz.qorgau.web.cases;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.IncidentContext;
import kz.qorgau.casefile.IncidentDetails;
import kz.qorgau.casefile.Relationship;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.casefile.SafetyPlan;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.Permission;
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

    private RiskLevel riskLevel;
    private LocalDate riskDate = LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN);
    private ConsentScope consentScope;
    private LocalDate consentDate = LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN);
    private String closureComment;
    private final IncidentForm incident = new IncidentForm();

    /** View action: an unknown number, or one outside the caller's partition, is the not-found page. */
    public void load() throws IOException {
        try {
            details = work.details(user.caller(), number);
            timeline = work.timeline(user.caller(), number);
            if (user.caller().may(Permission.SAFETY_PLAN_READ)) {
                var plan = work.safetyPlan(user.caller(), number);
                safetyPlanText = plan.map(SafetyPlan::text).orElse("");
                safetyPlanVersion = plan.map(SafetyPlan::version).orElse(-1L);
            }
        } catch (NotFoundException | IllegalArgumentException missing) {
            jakarta.faces.context.FacesContext faces = jakarta.faces.context.FacesContext.getCurrentInstance();
            faces.getExternalContext().responseSendError(404, null);
            faces.responseComplete();
        }
    }

    private void act(Runnable action, String doneKey) {
        try {
            action.run();
            Messages.info(doneKey);
        } catch (QorgauException refused) {
            Messages.refused(refused);
        }
        reload();
    }

    /** After a change made in another section of the page: status, version and timeline as now saved. */
    public void reload() {
        details = work.details(user.caller(), number);
        timeline = work.timeline(user.caller(), number);
    }

    public void activate() {
        act(() -> work.activate(user.caller(), number, details.version()), "case.saved");
    }

    public void requestClosure() {
        act(() -> work.requestClosure(user.caller(), number, details.version()), "case.saved");
    }

    public void approveClosure() {
        act(() -> work.approveClosure(user.caller(), number, details.version(), closureComment), "case.saved");
    }

    public void rejectClosure() {
        act(() -> work.rejectClosure(user.caller(), number, details.version(), closureComment), "case.saved");
    }

    public void reopen() {
        act(() -> work.reopen(user.caller(), number, details.version()), "case.saved");
    }

    public void assessRisk() {
        act(() -> work.assessRisk(user.caller(), number, details.version(), riskLevel, riskDate), "case.saved");
    }

    public void giveConsent() {
        act(() -> work.giveConsent(user.caller(), number, details.version(), consentScope, consentDate), "case.saved");
    }

    public void withdrawConsent() {
        act(() -> work.withdrawConsent(user.caller(), number, details.version(), consentScope, consentDate), "case.saved");
    }

    public void recordIncident() {
        act(() -> work.recordIncident(user.caller(), number, details.version(), incident.toDetails()), "case.saved");
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

    public boolean may(String permission) {
        return user.caller().may(Permission.valueOf(permission));
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

        IncidentDetails toDetails() {
            return new IncidentDetails(occurredOn, type, context, null, settlement,
                    legalArticleCode == null || legalArticleCode.isBlank() ? null : legalArticleCode,
                    null, relationship, reportedToPoliceOn);
        }

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
