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
import java.util.Optional;

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

    /** A social worker of the region, perhaps of another organisation, who works on the case beside its owner. */
    @Column(name = "assigned_to")
    private String assignedTo;

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

    @Enumerated(EnumType.STRING)
    @Column(name = "risk_level")
    private RiskLevel riskLevel;

    @Column(name = "closure_comment")
    private String closureComment;

    @Column(name = "closed_by")
    private String closedBy;

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("occurredOn")
    private List<Incident> incidents = new ArrayList<>();

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("recordedAt")
    private List<RiskAssessment> riskAssessments = new ArrayList<>();

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("givenOn")
    private List<Consent> consents = new ArrayList<>();

    @OneToMany(mappedBy = "caseFile", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("recordedAt")
    private List<RelatedPerson> relatedPersons = new ArrayList<>();

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
        return open(number, kind, victim, organisationCode, ownerUsername,
                IncidentDetails.of(incidentDate, incidentType), today, now);
    }

    public static CaseFile open(CaseNumber number, CaseKind kind, Person victim, String organisationCode,
                                String ownerUsername, IncidentDetails incident, LocalDate today, Instant now) {
        List<String> refusals = new ArrayList<>();
        victim.birthDate().filter(born -> born.isAfter(today)).ifPresent(born -> refusals.add("case.victim.birthDate.future"));
        refusals.addAll(incidentRefusals(victim, incident, today));
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        CaseFile file = new CaseFile(number, kind, victim, organisationCode, ownerUsername, now);
        file.incidents.add(new Incident(file, incident, perpetrator(incident, today), ownerUsername, now));
        return file;
    }

    /**
     * A case moved from an organisation's older records: opened under intake's rules, but on the day those records
     * say, so that its age and deadlines are its own, not the day of the import.
     */
    public static CaseFile openImported(CaseNumber number, CaseKind kind, Person victim, String organisationCode,
                                        String ownerUsername, IncidentDetails incident, Instant openedAt,
                                        LocalDate today, Instant now) {
        CaseFile file = open(number, kind, victim, organisationCode, ownerUsername, incident, today, now);
        file.openedAt = openedAt;
        return file;
    }

    /** The rules of an incident of this victim (null: not known yet), also asked at intake before anything is saved. */
    static List<String> incidentRefusals(Person victim, IncidentDetails incident, LocalDate today) {
        LocalDate victimBorn = victim == null ? null : victim.birthDate().orElse(null);
        List<String> refusals = new ArrayList<>();
        LocalDate on = incident.occurredOn();
        if (on == null) {
            refusals.add("case.incident.date.required");
        } else {
            if (on.isAfter(today)) {
                refusals.add("case.incident.date.future");
            }
            if (victimBorn != null && on.isBefore(victimBorn)) {
                refusals.add("case.incident.date.beforeBirth");
            }
        }
        if (incident.type() == null) {
            refusals.add("case.incident.type.required");
        }
        LocalDate reported = incident.reportedToPoliceOn();
        if (reported != null && (reported.isAfter(today) || (on != null && reported.isBefore(on)))) {
            refusals.add("case.incident.reported.outOfRange");
        }
        if (incident.perpetrator() != null && incident.relationship() == null) {
            refusals.add("case.incident.relationship.required");
        }
        return refusals;
    }

    private static Person perpetrator(IncidentDetails incident, LocalDate today) {
        return incident.perpetrator() == null ? null : new Person(incident.perpetrator(), today);
    }

    /** A further incident of the same case. */
    public Incident recordIncident(IncidentDetails incident, String by, LocalDate today, Instant now) {
        requireNotClosed();
        List<String> refusals = incidentRefusals(victim, incident, today);
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals);
        }
        Incident recorded = new Incident(this, incident, perpetrator(incident, today), by, now);
        incidents.add(recorded);
        touch(now);
        return recorded;
    }

    // --- lifecycle: open -> active -> closure requested -> closed -> reopened (-> active ...) ---

    /** Work has begun: the first contact after intake. */
    public void activate(Instant now) {
        requireStatus(status.allowsActivation());
        status = CaseStatus.ACTIVE;
        touch(now);
    }

    public void requestClosure(Instant now) {
        requireStatus(status.allowsClosureRequest());
        status = CaseStatus.CLOSURE_REQUESTED;
        touch(now);
    }

    /** Only a supervisor approves (the service checks the role); the comment says why the case may close. */
    public void approveClosure(String supervisor, String comment, Instant now) {
        requireStatus(status.awaitsClosureDecision());
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("case.closure.commentRequired");
        }
        status = CaseStatus.CLOSED;
        closureComment = comment.strip();
        closedBy = supervisor;
        touch(now);
    }

    /** The supervisor sends the case back to work. */
    public void rejectClosure(String comment, Instant now) {
        requireStatus(status.awaitsClosureDecision());
        if (comment == null || comment.isBlank()) {
            throw new InvalidInputException("case.closure.commentRequired");
        }
        status = CaseStatus.ACTIVE;
        touch(now);
    }

    public void reopen(Instant now) {
        requireStatus(status.allowsReopening());
        status = CaseStatus.REOPENED;
        closureComment = null;
        closedBy = null;
        touch(now);
    }

    public boolean isClosed() {
        return !status.allowsChanges();
    }

    /** A closed case is read-only until reopened. */
    public void requireNotClosed() {
        if (isClosed()) {
            throw new InvalidInputException("case.closed.readOnly");
        }
    }

    private static void requireStatus(boolean allowed) {
        if (!allowed) {
            throw new InvalidInputException("case.status.transitionNotAllowed");
        }
    }

    // --- who works on the case ---

    /**
     * Hands the case to a social worker of its region (the service checks that the caller may assign): from now on
     * she finds it and works on it as its own organisation does, except for where the victim lives.
     */
    public void assignTo(kz.qorgau.staff.StaffMember worker, Instant now) {
        requireNotClosed();
        if (!worker.isSocialWorker()) {
            throw new InvalidInputException("case.assignment.notASocialWorker");
        }
        if (!regionCode.equals(worker.regionCode().orElse(null))) {
            throw new InvalidInputException("case.assignment.otherRegion");
        }
        if (worker.username().equals(assignedTo)) {
            throw new InvalidInputException("case.assignment.already");
        }
        assignedTo = worker.username();
        touch(now);
    }

    public void unassign(Instant now) {
        requireNotClosed();
        if (assignedTo == null) {
            throw new InvalidInputException("case.assignment.none");
        }
        assignedTo = null;
        touch(now);
    }

    // --- risk ---

    public void assessRisk(RiskLevel level, LocalDate assessedOn, String by, LocalDate today, Instant now) {
        requireNotClosed();
        if (level == null) {
            throw new InvalidInputException("case.risk.levelRequired");
        }
        if (assessedOn == null || assessedOn.isAfter(today) || assessedOn.isBefore(openedOn())) {
            throw new InvalidInputException("case.risk.dateOutOfRange");
        }
        riskAssessments.add(new RiskAssessment(this, level, assessedOn, by, now));
        riskLevel = currentRisk().map(RiskAssessment::level).orElse(level);
        touch(now);
    }

    /** The latest assessment by date, then by the moment it was recorded. */
    public Optional<RiskAssessment> currentRisk() {
        return riskAssessments.stream().max(java.util.Comparator.comparing(RiskAssessment::assessedOn)
                .thenComparing(RiskAssessment::recordedAt));
    }

    // --- related persons ---

    /** A child or family member of the victim, under the same rules as any person. */
    public RelatedPerson addRelatedPerson(PersonDetails details, PartyRelation relation, boolean dependent, String by,
                                          LocalDate today, Instant now) {
        requireNotClosed();
        if (relation == null) {
            throw new InvalidInputException("case.party.relationRequired");
        }
        RelatedPerson party = new RelatedPerson(this, new Person(details, today), relation, dependent, by, now);
        relatedPersons.add(party);
        touch(now);
        return party;
    }

    public List<RelatedPerson> relatedPersons() {
        return Collections.unmodifiableList(relatedPersons);
    }

    // --- consent ---

    public void giveConsent(ConsentScope scope, LocalDate on, String by, LocalDate today, Instant now) {
        requireNotClosed();
        if (on == null || on.isAfter(today)) {
            throw new InvalidInputException("case.consent.dateOutOfRange");
        }
        // one consent of a kind at a time: none still in force, none whose period runs past the new one's first day
        // (the database holds the first part too, see V21)
        if (consents.stream().anyMatch(c -> c.scope() == scope && c.withdrawnOn().map(end -> end.isAfter(on)).orElse(true))) {
            throw new InvalidInputException("case.consent.alreadyGiven");
        }
        consents.add(new Consent(this, scope, on, by, now));
        touch(now);
    }

    public void withdrawConsent(ConsentScope scope, LocalDate on, LocalDate today, Instant now) {
        requireNotClosed();
        Consent current = consents.stream().filter(c -> c.scope() == scope && c.withdrawnOn().isEmpty())
                .findFirst().orElseThrow(() -> new InvalidInputException("case.consent.notGiven"));
        if (on == null || on.isAfter(today) || on.isBefore(current.givenOn())) {
            throw new InvalidInputException("case.consent.dateOutOfRange");
        }
        current.withdraw(on);
        touch(now);
    }

    public boolean hasConsent(ConsentScope scope, LocalDate day) {
        return consents.stream().anyMatch(c -> c.scope() == scope && c.inForceOn(day));
    }

    public List<Consent> consents() {
        return Collections.unmodifiableList(consents);
    }

    private LocalDate openedOn() {
        return openedAt.atZone(kz.qorgau.shared.Clocks.KAZAKHSTAN).toLocalDate();
    }

    private void touch(Instant now) {
        lastActivityAt = now;
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

    public Optional<String> assignedTo() {
        return Optional.ofNullable(assignedTo);
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

    public List<RiskAssessment> riskAssessments() {
        return Collections.unmodifiableList(riskAssessments);
    }

    public Optional<RiskLevel> riskLevel() {
        return Optional.ofNullable(riskLevel);
    }

    public Optional<String> closureComment() {
        return Optional.ofNullable(closureComment);
    }

    public Instant lastActivityAt() {
        return lastActivityAt;
    }

    public long version() {
        return version;
    }
}
