package kz.qorgau.mandate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;

/** One psychocorrection session, attended or missed. Part of the mandate aggregate; recorded through the mandate. */
@Entity
@Table(name = "psychocorrection_session")
public class PsychocorrectionSession {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "psychocorrection_course_id", updatable = false)
    private PsychocorrectionCourse course;

    @Column(name = "held_on", updatable = false)
    private LocalDate heldOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "attendance", updatable = false)
    private Attendance attendance;

    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    protected PsychocorrectionSession() {
    }

    PsychocorrectionSession(PsychocorrectionCourse course, LocalDate heldOn, Attendance attendance, String recordedBy,
                            Instant recordedAt) {
        this.course = course;
        this.heldOn = heldOn;
        this.attendance = attendance;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public LocalDate heldOn() {
        return heldOn;
    }

    public Attendance attendance() {
        return attendance;
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
