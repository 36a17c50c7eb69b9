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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.qorgau.shared.InvalidInputException;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * One victim's case: who owns it (organisation, worker), where (region), its readable number, status and the
 * incidents that brought the victim to the service. The aggregate root: incidents change only through it.
 */
@Entity
@Table(name = "case_file")
public class CaseFile {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "number", updatable = false)
    private String number;

    @Column(name = "region_code", updatable = false)
    private String regionCode;

    @Column(name = "organisation_code")
    private String organisationCode;

    @Column(name = "owner_username")
    private String ownerUsername;

    @ManyToOne(optional = false, fetch = FetchType.LAZY, cascade = CascadeType.PERSIST)
    @JoinColumn(name = "victim_id", updatable = false)
    private Person victim;

    @Enumerated(EnumType.STRING)
    private CaseKind kind;

    @Enumerated(EnumType.STRING)
    private CaseStatus status;

    @Column(name = "opened_at", updatable = false)
    private Instant openedAt;

    @Column(name = "last_activity_at")
    private Instant lastActivityAt;

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredOn")
    private List<Incident> incidents = new ArrayList<>();

    @Version
    private long version;

    protected CaseFile() {
    }

    private CaseFile(CaseNumber number, CaseKind kind, Person victim, String organisationCode, String ownerUsername,
                     Instant now) {
        this.number = number.toString();
        this.regionCode = number.regionCode();
        this.kind = Objects.requireNonNull(kind, "kind");
        this.victim = Objects.requireNonNull(victim, "victim");
        this.organisationCode = Objects.requireNonNull(organisationCode, "organisationCode");
        this.ownerUsername = Objects.requireNonNull(ownerUsername, "ownerUsername");
        this.status = CaseStatus.OPEN;
        this.openedAt = now;
        this.lastActivityAt = now;
    }

    /**
     * Intake: a new case file for a victim, opened with the incident that brought her. Dates are checked against
     * {@code today} (in Kazakhstan) so that nothing is recorded as happening in the future or before birth.
     */
    public static CaseFile open(CaseNumber number, CaseKind kind, Person victim, String organisationCode,
                                String ownerUsername, LocalDate incidentDate, GbvType incidentType,
                                LocalDate today, Instant now) {
        List<String> refusals = new ArrayList<>();
        victim.birthDate().ifPresent(born -> {
            if (born.isAfter(today)) {
                refusals.add("case.victim.birthDate.future");
            }
            if (incidentDate != null && incidentDate.isBefore(born)) {
                refusals.add("case.incident.date.beforeBirth");
            }
        });
        if (incidentDate != null && incidentDate.isAfter(today)) {
            refusals.add("case.incident.date.future");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        CaseFile file = new CaseFile(number, kind, victim, organisationCode, ownerUsername, now);
        file.incidents.add(new Incident(file, incidentDate, incidentType, now));
        return file;
    }

    public Long id() {
        return id;
    }

    public CaseNumber number() {
        return CaseNumber.parse(number);
    }

    public String regionCode() {
        return regionCode;
    }

    public String organisationCode() {
        return organisationCode;
    }

    public String ownerUsername() {
        return ownerUsername;
    }

    public Person victim() {
        return victim;
    }

    public CaseKind kind() {
        return kind;
    }

    public CaseStatus status() {
        return status;
    }

    public Instant openedAt() {
        return openedAt;
    }

    public List<Incident> incidents() {
        return Collections.unmodifiableList(incidents);
    }
}
