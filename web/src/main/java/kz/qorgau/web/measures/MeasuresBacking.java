package kz.qorgau.web.measures;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import kz.qorgau.mandate.Attendance;
import kz.qorgau.mandate.DecisionView;
import kz.qorgau.mandate.MandateService;
import kz.qorgau.mandate.NonComplianceReason;
import kz.qorgau.mandate.Requirement;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.protection.OrderView;
import kz.qorgau.protection.ViolationConsequence;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.web.faces.Options;
import kz.qorgau.shared.Clocks;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.security.CurrentUser;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** The protective measures of a case page: police orders and court decisions, each written by its own body. */
@Named
@ViewScoped
public class MeasuresBacking implements Serializable {

    @Inject
    ProtectionService protection;

    @Inject
    MandateService mandates;

    @Inject
    Options options;

    @Inject
    CurrentUser user;

    @Inject
    kz.qorgau.web.cases.CaseBacking casePage;

    private String caseNumber;
    // the row a dialog acts on, as the page showed it (its id and version)
    private OrderView chosenOrder;
    private DecisionView chosenDecision;
    private CourseStep courseStep;

    /** What a course's dialog records. */
    public enum CourseStep { SESSION, COMPLETION, NON_COMPLIANCE }

    // issuing an order
    private String orderNumber;
    private LocalDate issueDate = today();
    private String perpetratorFamilyName;
    private String perpetratorGivenName;
    private LocalDate perpetratorBirthDate;
    private List<Prohibition> prohibitions = new ArrayList<>(List.of(Prohibition.NO_VIOLENCE, Prohibition.NO_SEEKING_OR_HARASSING));
    // a violation
    private LocalDate violationDate = today();
    private ViolationConsequence consequence;
    private Integer arrestDays;
    // a court decision
    private String decisionNumber;
    private LocalDate decisionDate = today();
    private LocalDate startDate = today();
    private LocalDate endDate;
    private List<Requirement> requirements = new ArrayList<>(List.of(Requirement.NO_CONTACT));
    private Integer policeReportsPerMonth;
    private String evictionPlaceCode;
    private LocalDate evictionFrom;
    private LocalDate evictionTo;
    private String courseProviderCode;
    private Integer sessionsRequired;
    // a session or a report
    private LocalDate sessionDate = today();
    private Attendance attendance;
    private NonComplianceReason nonComplianceReason;

    private static LocalDate today() {
        return LocalDate.now(Clocks.KAZAKHSTAN);
    }

    @PostConstruct
    void init() {
        caseNumber = FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("n");
    }

    /** The orders of the case, from the page's one read, each with what the caller may do with it. */
    public List<OrderView> getOrders() {
        return casePage.getView().orders();
    }

    /** The court decisions of the case, from the page's one read, each with what the caller may do with it. */
    public List<DecisionView> getDecisions() {
        return casePage.getView().decisions();
    }

    public void chooseOrder(OrderView order) {
        chosenOrder = order;
    }

    public void chooseCourseStep(DecisionView decision, CourseStep step) {
        chosenDecision = decision;
        courseStep = step;
    }

    public OrderView getChosenOrder() { return chosenOrder; }
    public DecisionView getChosenDecision() { return chosenDecision; }
    public CourseStep getCourseStep() { return courseStep; }

    public void issueOrder() {
        act(() -> protection.issue(user.caller(), caseNumber, orderNumber, issueDate,
                new Perpetrator(perpetratorFamilyName, perpetratorGivenName, null, perpetratorBirthDate), set(prohibitions, Prohibition.class)));
    }

    public void recordViolation() {
        OrderView order = chosenOrder;
        act(() -> protection.recordViolation(user.caller(), order.id(), order.version(), violationDate, consequence, arrestDays));
    }

    public void revokeOrder() {
        OrderView order = chosenOrder;
        act(() -> protection.revoke(user.caller(), order.id(), order.version(), revocationDate, revocationReason));
    }

    private LocalDate revocationDate = today();

    public LocalDate getRevocationDate() { return revocationDate; }
    public void setRevocationDate(LocalDate v) { revocationDate = v; }

    private String revocationReason;

    public String getRevocationReason() { return revocationReason; }
    public void setRevocationReason(String v) { revocationReason = v; }

    public void recordDecision() {
        act(() -> mandates.record(user.caller(), caseNumber, new MandateService.Decision(decisionNumber, decisionDate,
                startDate, endDate, set(requirements, Requirement.class), policeReportsPerMonth, evictionPlaceCode,
                evictionFrom, evictionTo, courseProviderCode, sessionsRequired)));
    }

    /** The course dialog's one button: the step its row button chose. */
    public void recordCourseStep() {
        DecisionView mandate = chosenDecision;
        switch (courseStep) {
            case SESSION -> act(() -> mandates.recordSession(user.caller(), mandate.id(), mandate.version(), sessionDate, attendance));
            case COMPLETION -> act(() -> mandates.reportCompletion(user.caller(), mandate.id(), mandate.version(), sessionDate));
            case NON_COMPLIANCE -> act(() -> mandates.reportNonCompliance(user.caller(), mandate.id(), mandate.version(),
                    sessionDate, nonComplianceReason));
        }
    }

    private static <E extends Enum<E>> Set<E> set(List<E> values, Class<E> type) {
        return values == null || values.isEmpty() ? EnumSet.noneOf(type) : EnumSet.copyOf(values);
    }

    private void act(Runnable action) {
        Messages.attempt(action);
        casePage.reload();
    }

    public List<Organisation> getHealthcareProviders() {
        return options.organisationsOf(OrganisationType.HEALTHCARE_PROVIDER);
    }

    public List<Organisation> getAdaptationCentres() {
        return options.organisationsOf(OrganisationType.SOCIAL_ADAPTATION_CENTRE);
    }

    public Prohibition[] getAllProhibitions() { return Prohibition.values(); }
    public ViolationConsequence[] getConsequences() { return ViolationConsequence.values(); }
    public Requirement[] getAllRequirements() { return Requirement.values(); }
    public Attendance[] getAttendances() { return Attendance.values(); }
    public NonComplianceReason[] getNonComplianceReasons() { return NonComplianceReason.values(); }

    public String getOrderNumber() { return orderNumber; }
    public void setOrderNumber(String v) { orderNumber = v; }
    public LocalDate getIssueDate() { return issueDate; }
    public void setIssueDate(LocalDate v) { issueDate = v; }
    public String getPerpetratorFamilyName() { return perpetratorFamilyName; }
    public void setPerpetratorFamilyName(String v) { perpetratorFamilyName = v; }
    public String getPerpetratorGivenName() { return perpetratorGivenName; }
    public void setPerpetratorGivenName(String v) { perpetratorGivenName = v; }
    public LocalDate getPerpetratorBirthDate() { return perpetratorBirthDate; }
    public void setPerpetratorBirthDate(LocalDate v) { perpetratorBirthDate = v; }
    public List<Prohibition> getProhibitions() { return prohibitions; }
    public void setProhibitions(List<Prohibition> v) { prohibitions = v; }
    public LocalDate getViolationDate() { return violationDate; }
    public void setViolationDate(LocalDate v) { violationDate = v; }
    public ViolationConsequence getConsequence() { return consequence; }
    public void setConsequence(ViolationConsequence v) { consequence = v; }
    public Integer getArrestDays() { return arrestDays; }
    public void setArrestDays(Integer v) { arrestDays = v; }
    public String getDecisionNumber() { return decisionNumber; }
    public void setDecisionNumber(String v) { decisionNumber = v; }
    public LocalDate getDecisionDate() { return decisionDate; }
    public void setDecisionDate(LocalDate v) { decisionDate = v; }
    public LocalDate getStartDate() { return startDate; }
    public void setStartDate(LocalDate v) { startDate = v; }
    public LocalDate getEndDate() { return endDate; }
    public void setEndDate(LocalDate v) { endDate = v; }
    public List<Requirement> getRequirements() { return requirements; }
    public void setRequirements(List<Requirement> v) { requirements = v; }
    public Integer getPoliceReportsPerMonth() { return policeReportsPerMonth; }
    public void setPoliceReportsPerMonth(Integer v) { policeReportsPerMonth = v; }
    public String getEvictionPlaceCode() { return evictionPlaceCode; }
    public void setEvictionPlaceCode(String v) { evictionPlaceCode = v; }
    public LocalDate getEvictionFrom() { return evictionFrom; }
    public void setEvictionFrom(LocalDate v) { evictionFrom = v; }
    public LocalDate getEvictionTo() { return evictionTo; }
    public void setEvictionTo(LocalDate v) { evictionTo = v; }
    public String getCourseProviderCode() { return courseProviderCode; }
    public void setCourseProviderCode(String v) { courseProviderCode = v; }
    public Integer getSessionsRequired() { return sessionsRequired; }
    public void setSessionsRequired(Integer v) { sessionsRequired = v; }
    public LocalDate getSessionDate() { return sessionDate; }
    public void setSessionDate(LocalDate v) { sessionDate = v; }
    public Attendance getAttendance() { return attendance; }
    public void setAttendance(Attendance v) { attendance = v; }
    public NonComplianceReason getNonComplianceReason() { return nonComplianceReason; }
    public void setNonComplianceReason(NonComplianceReason v) { nonComplianceReason = v; }
}
