package kz.qorgau.mandate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.LegalTerms;

import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A court decision imposing special requirements on an offender's behaviour and the 2024 measures: no contact, no
 * weapons, no alcohol or drugs, reporting to the police, temporary eviction from the home, a mandatory psychocorrection
 * course. The requirements run from the start date through the end date, both inclusive, for a period the law in
 * force on the decision date allows. The root of the aggregate: the course and its sessions change only through it.
 */
@Entity
@Table(name = "court_mandate")
public class CourtMandate {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    // By id, as for protective orders: a court reads its mandates without the case file.
    @Column(name = "case_file_id", updatable = false)
    private Long caseFileId;

    @Column(name = "court_code", updatable = false)
    private String courtCode;

    @Column(name = "decision_number", updatable = false)
    private String decisionNumber;

    @Column(name = "decision_date", updatable = false)
    private LocalDate decisionDate;

    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    @Column(name = "start_date", updatable = false)
    private LocalDate startDate;

    @Column(name = "end_date", updatable = false)
    private LocalDate endDate;

    @ElementCollection
    @CollectionTable(name = "court_mandate_requirement", joinColumns = @JoinColumn(name = "court_mandate_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "requirement")
    private Set<Requirement> requirements = new HashSet<>();

    @Column(name = "police_reports_per_month", updatable = false)
    private Integer policeReportsPerMonth;

    // Null when no eviction was ordered: all its columns are then null.
    @Embedded
    private TemporaryEviction eviction;

    @OneToOne(mappedBy = "mandate", cascade = CascadeType.ALL, orphanRemoval = true)
    private PsychocorrectionCourse psychocorrection;

    @Version
    private long version;

    protected CourtMandate() {
    }

    private CourtMandate(Long caseFileId, String courtCode, String decisionNumber, LocalDate decisionDate,
                         String recordedBy, LocalDate startDate, LocalDate endDate, Set<Requirement> requirements,
                         Integer policeReportsPerMonth, TemporaryEviction eviction, Instant now) {
        this.caseFileId = caseFileId;
        this.courtCode = courtCode;
        this.decisionNumber = decisionNumber;
        this.decisionDate = decisionDate;
        this.recordedBy = recordedBy;
        this.recordedAt = now;
        this.startDate = startDate;
        this.endDate = endDate;
        this.requirements.addAll(requirements);
        this.policeReportsPerMonth = policeReportsPerMonth;
        this.eviction = eviction;
    }

    /**
     * Records a court decision as the court clerk enters it. {@code policeReportsPerMonth}, {@code eviction} and
     * {@code psychocorrection} are null when the court did not order them; at least one requirement of any kind is
     * needed. The period counts both the start and the end day: exactly three months from 1 January ends on 31 March,
     * exactly one year on 31 December. Dates are checked against {@code today} (in Kazakhstan).
     */
    public static CourtMandate record(Long caseFileId, String courtCode, String decisionNumber, LocalDate decisionDate,
                                      String recordedBy, LocalDate startDate, LocalDate endDate,
                                      Set<Requirement> requirements, Integer policeReportsPerMonth,
                                      TemporaryEviction eviction, PsychocorrectionTerms psychocorrection,
                                      LocalDate today, Instant now) {
        Objects.requireNonNull(caseFileId, "caseFileId");
        String court = requireText(courtCode, "courtCode");
        String number = requireText(decisionNumber, "decisionNumber");
        String recorder = requireText(recordedBy, "recordedBy");
        Objects.requireNonNull(decisionDate, "decisionDate");
        Objects.requireNonNull(startDate, "startDate");
        Objects.requireNonNull(endDate, "endDate");
        Objects.requireNonNull(requirements, "requirements");
        LegalTerms terms = LegalTerms.on(decisionDate);
        List<String> refusals = new ArrayList<>();
        if (decisionDate.isAfter(today)) {
            refusals.add("mandate.decisionDate.future");
        }
        if (startDate.isBefore(decisionDate)) {
            refusals.add("mandate.startDate.beforeDecision");
        }
        if (!endDate.isAfter(startDate)) {
            refusals.add("mandate.period.endBeforeStart");
        } else if (endDate.isBefore(lastDayOf(startDate, terms.mandateMinimum()))
                || endDate.isAfter(lastDayOf(startDate, terms.mandateMaximum()))) {
            refusals.add("mandate.period.outOfRange");
        }
        if (requirements.isEmpty() && policeReportsPerMonth == null && eviction == null && psychocorrection == null) {
            refusals.add("mandate.requirements.required");
        }
        if (policeReportsPerMonth != null && (policeReportsPerMonth < terms.policeReportsPerMonthMin()
                || policeReportsPerMonth > terms.policeReportsPerMonthMax())) {
            refusals.add("mandate.policeReports.outOfRange");
        }
        if (eviction != null) {
            if (eviction.to().isBefore(eviction.from())) {
                refusals.add("mandate.eviction.endBeforeStart");
            } else if (eviction.from().isBefore(startDate) || eviction.to().isAfter(endDate)) {
                refusals.add("mandate.eviction.outsidePeriod");
            }
        }
        if (psychocorrection != null && (psychocorrection.sessionsRequired() < PsychocorrectionTerms.MIN_SESSIONS
                || psychocorrection.sessionsRequired() > PsychocorrectionTerms.MAX_SESSIONS)) {
            refusals.add("mandate.course.sessionsRequired.outOfRange");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        CourtMandate mandate = new CourtMandate(caseFileId, court, number, decisionDate, recorder, startDate, endDate,
                requirements, policeReportsPerMonth, eviction, now);
        if (psychocorrection != null) {
            mandate.psychocorrection = new PsychocorrectionCourse(mandate, psychocorrection);
        }
        return mandate;
    }

    /** The last day of a period of the given length starting on {@code start}, counting the start day. */
    private static LocalDate lastDayOf(LocalDate start, Period length) {
        return start.plus(length).minusDays(1);
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }

    /**
     * A psychocorrection session, as the provider reports it. Refused once the course is reported to the court or
     * completed (a session beyond the required number proves nothing), and outside the mandate period.
     */
    public PsychocorrectionSession recordSession(LocalDate heldOn, Attendance attendance, String recordedBy,
                                                 LocalDate today, Instant now) {
        Objects.requireNonNull(heldOn, "heldOn");
        Objects.requireNonNull(attendance, "attendance");
        String recorder = requireText(recordedBy, "recordedBy");
        PsychocorrectionCourse course = openCourse();
        if (course.isCompleted()) {
            throw new InvalidInputException("mandate.course.alreadyCompleted");
        }
        List<String> refusals = new ArrayList<>();
        if (heldOn.isAfter(today)) {
            refusals.add("mandate.course.session.date.future");
        }
        if (heldOn.isBefore(startDate) || heldOn.isAfter(endDate)) {
            refusals.add("mandate.course.session.date.outsidePeriod");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        return course.addSession(heldOn, attendance, recorder, now);
    }

    /** Tells the court the course was completed: every required session attended. */
    public void reportCompletion(LocalDate reportedOn, String reportedBy, LocalDate today) {
        Objects.requireNonNull(reportedOn, "reportedOn");
        String reporter = requireText(reportedBy, "reportedBy");
        PsychocorrectionCourse course = openCourse();
        if (!course.isCompleted()) {
            throw new InvalidInputException("mandate.course.notCompleted");
        }
        checkReportDate(course, reportedOn, today);
        course.report(CourseReportKind.COMPLETION, reportedOn, null, reporter);
    }

    /** Tells the court the offender did not comply with the course, and why, as a code. */
    public void reportNonCompliance(LocalDate reportedOn, NonComplianceReason reason, String reportedBy,
                                    LocalDate today) {
        Objects.requireNonNull(reportedOn, "reportedOn");
        Objects.requireNonNull(reason, "reason");
        String reporter = requireText(reportedBy, "reportedBy");
        PsychocorrectionCourse course = openCourse();
        if (course.isCompleted()) {
            throw new InvalidInputException("mandate.course.alreadyCompleted");
        }
        checkReportDate(course, reportedOn, today);
        course.report(CourseReportKind.NON_COMPLIANCE, reportedOn, reason, reporter);
    }

    /** A psychocorrection course was ordered and is not yet reported to the court: sessions and a report may follow. */
    public boolean courseUnderway() {
        return psychocorrection != null && !psychocorrection.isReported();
    }

    private PsychocorrectionCourse openCourse() {
        if (psychocorrection == null) {
            throw new InvalidInputException("mandate.course.notOrdered");
        }
        if (psychocorrection.isReported()) {
            throw new InvalidInputException("mandate.course.alreadyReported");
        }
        return psychocorrection;
    }

    private void checkReportDate(PsychocorrectionCourse course, LocalDate reportedOn, LocalDate today) {
        List<String> refusals = new ArrayList<>();
        if (reportedOn.isAfter(today)) {
            refusals.add("mandate.course.report.date.future");
        }
        if (reportedOn.isBefore(startDate)
                || course.lastSessionDate().filter(reportedOn::isBefore).isPresent()) {
            refusals.add("mandate.course.report.date.tooEarly");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
    }

    /** Missed psychocorrection sessions; 0 when no course was ordered. */
    public int missedSessions() {
        return psychocorrection == null ? 0 : psychocorrection.missedSessions();
    }

    /** Not yet over and ending within the next {@code days} days (0: ends today) — a deadline to act on. */
    public boolean endsWithin(int days, LocalDate today) {
        if (days < 0) {
            throw new IllegalArgumentException("days must not be negative");
        }
        return !today.isAfter(endDate) && !endDate.isAfter(today.plusDays(days));
    }

    public long version() {
        return version;
    }

    public Long id() {
        return id;
    }

    public Long caseFileId() {
        return caseFileId;
    }

    public String courtCode() {
        return courtCode;
    }

    public String decisionNumber() {
        return decisionNumber;
    }

    public LocalDate decisionDate() {
        return decisionDate;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }

    public LocalDate startDate() {
        return startDate;
    }

    /** Last day the requirements apply, inclusive. */
    public LocalDate endDate() {
        return endDate;
    }

    public Set<Requirement> requirements() {
        return requirements.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(requirements));
    }

    /** How many times a month the offender must report to the police; empty when not ordered. */
    public OptionalInt policeReportsPerMonth() {
        return policeReportsPerMonth == null ? OptionalInt.empty() : OptionalInt.of(policeReportsPerMonth);
    }

    public Optional<TemporaryEviction> eviction() {
        return Optional.ofNullable(eviction);
    }

    public Optional<PsychocorrectionCourse> psychocorrection() {
        return Optional.ofNullable(psychocorrection);
    }
}
