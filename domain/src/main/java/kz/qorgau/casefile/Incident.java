package kz.qorgau.casefile;

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
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * What happened: when, where (region, settlement), its GBVIMS core type and context, the qualifying legal article,
 * the perpetrator and his relationship to the victim, and when it was reported to police. Part of the case file.
 */
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

    @Enumerated(EnumType.STRING)
    private IncidentContext context;

    @Column(name = "region_code")
    private String regionCode;

    private String settlement;

    @Column(name = "legal_article_code")
    private String legalArticleCode;

    @ManyToOne(fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
    @JoinColumn(name = "perpetrator_id")
    private Person perpetrator;

    @Enumerated(EnumType.STRING)
    private Relationship relationship;

    @Column(name = "reported_to_police_on")
    private LocalDate reportedToPoliceOn;

    @Column(name = "recorded_by")
    private String recordedBy;

    @Column(name = "recorded_at")
    private Instant recordedAt;

    protected Incident() {
    }

    Incident(CaseFile caseFile, IncidentDetails details, Person perpetrator, String recordedBy, Instant recordedAt) {
        this.caseFile = caseFile;
        this.occurredOn = Objects.requireNonNull(details.occurredOn(), "occurredOn");
        this.gbvType = Objects.requireNonNull(details.type(), "type");
        this.context = details.context();
        this.regionCode = details.regionCode();
        this.settlement = details.settlement() == null || details.settlement().isBlank() ? null : details.settlement().strip();
        this.legalArticleCode = details.legalArticleCode();
        this.perpetrator = perpetrator;
        this.relationship = details.relationship();
        this.reportedToPoliceOn = details.reportedToPoliceOn();
        this.recordedBy = recordedBy;
        this.recordedAt = recordedAt;
    }

    public Long id() {
        return id;
    }

    public LocalDate occurredOn() {
        return occurredOn;
    }

    public GbvType gbvType() {
        return gbvType;
    }

    public Optional<IncidentContext> context() {
        return Optional.ofNullable(context);
    }

    public Optional<String> regionCode() {
        return Optional.ofNullable(regionCode);
    }

    public Optional<String> settlement() {
        return Optional.ofNullable(settlement);
    }

    public Optional<String> legalArticleCode() {
        return Optional.ofNullable(legalArticleCode);
    }

    public Optional<Person> perpetrator() {
        return Optional.ofNullable(perpetrator);
    }

    public Optional<Relationship> relationship() {
        return Optional.ofNullable(relationship);
    }

    public Optional<LocalDate> reportedToPoliceOn() {
        return Optional.ofNullable(reportedToPoliceOn);
    }
}
