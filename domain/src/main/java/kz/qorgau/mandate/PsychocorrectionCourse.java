package kz.qorgau.mandate;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OneToOne;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * A mandatory psychocorrection course ordered by a court: a healthcare provider runs it, the sessions attended and
 * missed are recorded, and the court is told once whether it was completed or not complied with. After that report
 * the course is closed. Part of the mandate aggregate: it changes only through {@link CourtMandate}.
 */
@Entity
@Table(name = "psychocorrection_course")
public class PsychocorrectionCourse {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @OneToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "court_mandate_id", updatable = false)
    private CourtMandate mandate;

    @Column(name = "provider_code", updatable = false)
    private String providerCode;

    @Column(name = "sessions_required", updatable = false)
    private int sessionsRequired;

    @OneToMany(mappedBy = "course", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("heldOn")
    private List<PsychocorrectionSession> sessions = new ArrayList<>();

    @Enumerated(EnumType.STRING)
    @Column(name = "report_kind")
    private CourseReportKind reportKind;

    @Column(name = "reported_on")
    private LocalDate reportedOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "non_compliance_reason")
    private NonComplianceReason nonComplianceReason;

    @Column(name = "reported_by")
    private String reportedBy;

    protected PsychocorrectionCourse() {
    }

    PsychocorrectionCourse(CourtMandate mandate, PsychocorrectionTerms terms) {
        this.mandate = mandate;
        this.providerCode = terms.providerCode();
        this.sessionsRequired = terms.sessionsRequired();
    }

    PsychocorrectionSession addSession(LocalDate heldOn, Attendance attendance, String recordedBy, Instant now) {
        PsychocorrectionSession session = new PsychocorrectionSession(this, heldOn, attendance, recordedBy, now);
        sessions.add(session);
        sessions.sort(Comparator.comparing(PsychocorrectionSession::heldOn));
        return session;
    }

    void report(CourseReportKind kind, LocalDate on, NonComplianceReason reason, String by) {
        this.reportKind = kind;
        this.reportedOn = on;
        this.nonComplianceReason = reason;
        this.reportedBy = by;
    }

    boolean isReported() {
        return reportKind != null;
    }

    boolean isCompleted() {
        return attendedSessions() >= sessionsRequired;
    }

    Optional<LocalDate> lastSessionDate() {
        return sessions.stream().map(PsychocorrectionSession::heldOn).max(Comparator.naturalOrder());
    }

    public CourseOutcome outcome() {
        return CourseOutcome.of(reportKind, attendedSessions(), sessionsRequired);
    }

    public Long id() {
        return id;
    }

    /** Organisation code of the healthcare provider. */
    public String providerCode() {
        return providerCode;
    }

    public int sessionsRequired() {
        return sessionsRequired;
    }

    public int attendedSessions() {
        return count(Attendance.ATTENDED);
    }

    public int missedSessions() {
        return count(Attendance.MISSED);
    }

    private int count(Attendance attendance) {
        return (int) sessions.stream().filter(s -> s.attendance() == attendance).count();
    }

    public List<PsychocorrectionSession> sessions() {
        return Collections.unmodifiableList(sessions);
    }

    public Optional<CourseReportKind> reportKind() {
        return Optional.ofNullable(reportKind);
    }

    public Optional<LocalDate> reportedOn() {
        return Optional.ofNullable(reportedOn);
    }

    public Optional<NonComplianceReason> nonComplianceReason() {
        return Optional.ofNullable(nonComplianceReason);
    }

    public Optional<String> reportedBy() {
        return Optional.ofNullable(reportedBy);
    }
}
