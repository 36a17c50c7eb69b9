package kz.qorgau.casefile;

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

/** A risk level as one worker judged it on one day; the history stays, the latest is the case's level. */
@Entity
@Table(name = "risk_assessment")
public class RiskAssessment {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_file_id")
    private CaseFile caseFile;

    @Enumerated(EnumType.STRING)
    private RiskLevel level;

    @Column(name = "assessed_on")
    private LocalDate assessedOn;

    @Column(name = "assessed_by")
    private String assessedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected RiskAssessment() {
    }

    RiskAssessment(CaseFile caseFile, RiskLevel level, LocalDate assessedOn, String assessedBy, Instant recordedAt) {
        this.caseFile = caseFile;
        this.level = level;
        this.assessedOn = assessedOn;
        this.assessedBy = assessedBy;
        this.recordedAt = recordedAt;
    }

    public RiskLevel level() {
        return level;
    }

    public LocalDate assessedOn() {
        return assessedOn;
    }

    public String assessedBy() {
        return assessedBy;
    }

    Instant recordedAt() {
        return recordedAt;
    }
}
