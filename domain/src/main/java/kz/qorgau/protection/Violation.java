package kz.qorgau.protection;

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
import java.util.OptionalInt;

/** A breach of a protective order and its consequence. Part of the order aggregate; recorded through the order. */
@Entity
@Table(name = "protective_order_violation")
public class Violation {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "protective_order_id", updatable = false)
    private ProtectiveOrder order;

    @Column(name = "occurred_on", updatable = false)
    private LocalDate occurredOn;

    @Enumerated(EnumType.STRING)
    @Column(name = "consequence", updatable = false)
    private ViolationConsequence consequence;

    @Column(name = "arrest_days", updatable = false)
    private Integer arrestDays;

    @Column(name = "recorded_by", updatable = false)
    private String recordedBy;

    @Column(name = "recorded_at", updatable = false)
    private Instant recordedAt;

    protected Violation() {
    }

    Violation(ProtectiveOrder order, LocalDate occurredOn, ViolationConsequence consequence, Integer arrestDays,
              String recordedBy, Instant recordedAt) {
        this.order = order;
        this.occurredOn = occurredOn;
        this.consequence = consequence;
        this.arrestDays = arrestDays;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public ViolationConsequence consequence() {
        return consequence;
    }

    /** Days of administrative arrest; empty for any other consequence. */
    public OptionalInt arrestDays() {
        return arrestDays == null ? OptionalInt.empty() : OptionalInt.of(arrestDays);
    }

    public String recordedBy() {
        return recordedBy;
    }

    public Instant recordedAt() {
        return recordedAt;
    }
}
