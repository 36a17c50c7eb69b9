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
import java.util.Optional;

/** One consent of the victim, dated; withdrawing it dates its end and keeps the record. Part of the case file. */
@Entity
@Table(name = "consent")
public class Consent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "case_file_id")
    private CaseFile caseFile;

    @Enumerated(EnumType.STRING)
    private ConsentScope scope;

    @Column(name = "given_on")
    private LocalDate givenOn;

    @Column(name = "withdrawn_on")
    private LocalDate withdrawnOn;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Consent() {
    }

    Consent(CaseFile caseFile, ConsentScope scope, LocalDate givenOn, String recordedBy, Instant recordedAt) {
        this.caseFile = caseFile;
        this.scope = scope;
        this.givenOn = givenOn;
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    void withdraw(LocalDate on) {
        this.withdrawnOn = on;
    }

    public ConsentScope scope() {
        return scope;
    }

    public LocalDate givenOn() {
        return givenOn;
    }

    public Optional<LocalDate> withdrawnOn() {
        return Optional.ofNullable(withdrawnOn);
    }

    /** In force on a day: given on or before it, and not withdrawn on or before it. */
    public boolean inForceOn(LocalDate day) {
        return !givenOn.isAfter(day) && (withdrawnOn == null || withdrawnOn.isAfter(day));
    }

    /** The order the case keeps them in, for a read that fetched them with the case. */
    Instant recordedAt() {
        return recordedAt;
    }
}
