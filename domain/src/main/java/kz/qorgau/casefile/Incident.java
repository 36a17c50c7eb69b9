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
import java.util.Objects;

/** What happened, when, classified by its GBVIMS core type. Part of the case file aggregate. */
@Entity
@Table(name = "incident")
public class Incident {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_file_id")
    private CaseFile caseFile;

    @Column(name = "occurred_on")
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "gbv_type")
    private GbvType gbvType;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Incident() {
    }

    Incident(CaseFile caseFile, LocalDate occurredOn, GbvType gbvType, Instant recordedAt) {
        this.caseFile = caseFile;
        this.occurredOn = Objects.requireNonNull(occurredOn, "occurredOn");
        this.gbvType = Objects.requireNonNull(gbvType, "gbvType");
        this.recordedAt = recordedAt;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public GbvType gbvType() {
        return gbvType;
    }
}
