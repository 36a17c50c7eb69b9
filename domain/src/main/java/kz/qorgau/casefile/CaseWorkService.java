package kz.qorgau.casefile;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CaseAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.access.CaseFacts;
import kz.qorgau.timeline.CaseEvent;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Running a case after intake: its lifecycle, risk, consents, incidents and safety plan, and its timeline. Every
 * change names the version the caller saw; if someone saved in between, the change is refused, never merged blindly.
 */
@ApplicationScoped
@Transactional
@Audited
public class CaseWorkService {

    @Inject
    CaseFileRepository cases;

    @Inject
    Timeline timeline;

    @Inject
    kz.qorgau.reference.ReferenceData reference;

    @Inject
    Clock clock;

    @Inject
    AuditTrail audit;

    @Inject
    kz.qorgau.staff.StaffDirectory staff;

    /** A case the caller may read, and the access policy's answer of what she may do with it. */
    public record Accessed(CaseFile file, CaseAccess access) {
    }

    /**
     * A case the caller may read; outside what the policy lets her read it does not exist, whether it lies outside
     * her partition or she holds no emergency access to it right now.
     */
    public CaseFile readable(Caller caller, String number) {
        return accessed(caller, CaseRef.number(number)).file();
    }

    /** The case an order, a decision or a referral belongs to, under the same rules. */
    public CaseFile readableById(Caller caller, Long caseFileId) {
        return accessed(caller, CaseRef.id(caseFileId)).file();
    }

    /** The case and the policy's answer for it; not found when the caller may not read it. */
    public Accessed accessed(Caller caller, String number) {
        return accessed(caller, CaseRef.number(number));
    }

    public Accessed accessedById(Caller caller, Long caseFileId) {
        return accessed(caller, CaseRef.id(caseFileId));
    }

    /**
     * The case, once the policy granted the caller this action on it: refused before anything is read when none of
     * her permissions grants it anywhere, not found outside what she reads, forbidden where she reads but may not act.
     */
    public Accessed accessed(Caller caller, String number, CaseAction action) {
        AccessPolicy.requireCapable(caller, action);
        Accessed accessed = accessed(caller, CaseRef.number(number));
        accessed.access().require(action);
        return accessed;
    }

    private Accessed accessed(Caller caller, CaseRef ref) {
        CaseFile file = cases.find(ref).orElseThrow(NotFoundException::new);
        // the policy's facts, each read only when one of the caller's grants depends on it
        Set<String> courts = AccessPolicy.needsCourts(caller) ? Set.copyOf(cases.courtsOf(file.id())) : Set.of();
        boolean emergency = AccessPolicy.needsEmergencyAccess(caller)
                && cases.holdsEmergencyAccess(file.id(), caller.username(), now());
        return new Accessed(file, readAccess(caller, file, courts, emergency));
    }

    /** The policy's answer for a case; a case she may not read does not exist for her. */
    private static CaseAccess readAccess(Caller caller, CaseFile file, Set<String> courts, boolean emergency) {
        CaseAccess access = AccessPolicy.toCase(caller, CaseFacts.of(file, courts, emergency));
        if (!access.granted(CaseAction.READ)) {
            throw new NotFoundException();
        }
        return access;
    }

    /**
     * A case opened for its page: the case and the policy's answer, what the caller may see of it, the courts it was
     * brought before and the emergency accesses in force, each read once. Nothing is audited here: the page's read
     * as a whole is ({@code kz.qorgau.caseview.CaseViewService}).
     */
    public record Opened(CaseFile file, CaseAccess access, CaseDetails details, List<String> courts,
                         List<kz.qorgau.breakglass.BreakGlassAccess> emergencyAccesses) {

        public Accessed accessed() {
            return new Accessed(file, access);
        }
    }

    public Opened open(Caller caller, String number) {
        CaseFile file = cases.findForPage(CaseRef.number(number)).orElseThrow(NotFoundException::new);
        List<String> courts = cases.courtsOf(file.id());
        Instant now = now();
        List<kz.qorgau.breakglass.BreakGlassAccess> emergencies = cases.emergencyAccessesInForce(file.id(), now);
        boolean emergency = AccessPolicy.needsEmergencyAccess(caller)
                && emergencies.stream().anyMatch(b -> b.username().equals(caller.username()));
        CaseAccess access = readAccess(caller, file, Set.copyOf(courts), emergency);
        CaseDetails details = CaseDetails.of(file, cases.incidentsOf(file), cases.partiesOf(file), today(), access);
        boolean socialWork = access.granted(CaseAction.READ_SOCIAL_WORK);
        return new Opened(file, access, socialWork ? details : details.withoutSocialWork(), courts,
                socialWork ? emergencies : List.of());
    }

    /** The policy's answer alone, for a page that asks before it offers anything. */
    public CaseDetails details(Caller caller, String number) {
        Accessed accessed = accessed(caller, number);
        CaseFile file = accessed.file();
        audit.record(caller, AuditAction.READ, "CaseFile", file.id(), file.id(), null);
        CaseDetails details = CaseDetails.of(file, today(), accessed.access());
        // police and courts get the parties, incidents and measures they act on, not the social work around them
        return accessed.access().granted(CaseAction.READ_SOCIAL_WORK) ? details : details.withoutSocialWork();
    }

    /** The timeline as the policy lets this caller see it: only the kinds of entries of what she may read. */
    public List<CaseEvent> timeline(Caller caller, String number) {
        Accessed accessed = accessed(caller, number);
        return timeline.of(accessed.file().id(), accessed.access().timelineKinds());
    }

    public void activate(Caller caller, String number, long version) {
        change(caller, CaseAction.ACTIVATE, number, version, CaseEventKind.CASE_ACTIVATED, null, f -> f.activate(now()));
    }

    public void requestClosure(Caller caller, String number, long version) {
        change(caller, CaseAction.REQUEST_CLOSURE, number, version, CaseEventKind.CLOSURE_REQUESTED, null, f -> f.requestClosure(now()));
    }

    public void approveClosure(Caller caller, String number, long version, String comment) {
        change(caller, CaseAction.DECIDE_CLOSURE, number, version, CaseEventKind.CLOSURE_APPROVED, null,
                f -> f.approveClosure(caller.username(), comment, now()));
    }

    public void rejectClosure(Caller caller, String number, long version, String comment) {
        change(caller, CaseAction.DECIDE_CLOSURE, number, version, CaseEventKind.CLOSURE_REJECTED, null,
                f -> f.rejectClosure(comment, now()));
    }

    public void reopen(Caller caller, String number, long version) {
        change(caller, CaseAction.REOPEN, number, version, CaseEventKind.CASE_REOPENED, null, f -> f.reopen(now()));
    }

    public void assessRisk(Caller caller, String number, long version, RiskLevel level, LocalDate on) {
        change(caller, CaseAction.WORK, number, version, CaseEventKind.RISK_ASSESSED, level == null ? null : level.name(),
                f -> f.assessRisk(level, on, caller.username(), today(), now()));
    }

    public void giveConsent(Caller caller, String number, long version, ConsentScope scope, LocalDate on) {
        // two people recording the same consent at once: the database's refusal (V21) reads like the model's own
        change(caller, CaseAction.WORK, number, version, CaseEventKind.CONSENT_GIVEN, String.valueOf(scope),
                f -> f.giveConsent(scope, on, caller.username(), today(), now()), "case.consent.alreadyGiven");
    }

    public void withdrawConsent(Caller caller, String number, long version, ConsentScope scope, LocalDate on) {
        change(caller, CaseAction.WORK, number, version, CaseEventKind.CONSENT_WITHDRAWN, String.valueOf(scope),
                f -> f.withdrawConsent(scope, on, today(), now()));
    }

    public void recordIncident(Caller caller, String number, long version, IncidentDetails incident) {
        AccessPolicy.requireCapable(caller, CaseAction.WORK);
        // a new incident is qualified under an article in force; old incidents keep a deactivated one
        if (incident.legalArticleCode() != null
                && reference.legalArticle(incident.legalArticleCode()).filter(a -> a.active()).isEmpty()) {
            throw new InvalidInputException("incident.legalArticle.unknown");
        }
        change(caller, CaseAction.WORK, number, version, CaseEventKind.INCIDENT_RECORDED,
                incident.type() == null ? null : incident.type().name(),
                f -> f.recordIncident(incident, caller.username(), today(), now()));
    }

    public void addRelatedPerson(Caller caller, String number, long version, PersonDetails person, PartyRelation relation,
                                 boolean dependent) {
        change(caller, CaseAction.WORK, number, version, CaseEventKind.RELATED_PERSON_ADDED,
                relation == null ? null : relation.name(),
                f -> f.addRelatedPerson(person, relation, dependent, caller.username(), today(), now()));
    }

    /** Brings the case before a court of the reference data, which may read it from then on. */
    public void bringBeforeCourt(Caller caller, String number, String courtCode) {
        CaseFile file = accessed(caller, number, CaseAction.BRING_BEFORE_COURT).file();
        file.requireNotClosed();
        String court = reference.organisation(courtCode)
                .filter(o -> o.active() && o.type() == kz.qorgau.reference.OrganisationType.COURT)
                .orElseThrow(() -> new InvalidInputException("case.court.unknown"))
                .code();
        cases.add(new CourtSubmission(file.id(), court, caller.username(), now()));
        kz.qorgau.shared.persistence.Writes.flush(cases.entityManager(), "case.court.alreadySubmitted");
        timeline.record(file.id(), CaseEventKind.BROUGHT_BEFORE_COURT, caller, court, now());
    }

    /** The courts a case has been brought before. */
    public List<String> courtsOf(Caller caller, String number) {
        return cases.courtsOf(readable(caller, number).id());
    }

    /** The safety plan, for those who may read it; empty when none was written yet. */
    public Optional<SafetyPlan> safetyPlan(Caller caller, String number) {
        CaseFile file = accessed(caller, number, CaseAction.READ_SAFETY_PLAN).file();
        audit.record(caller, AuditAction.READ, "SafetyPlan", file.id(), file.id(), null);
        return cases.safetyPlan(file.id());
    }

    /** {@code planVersion} is the plan's version as the caller saw it, or -1 when there was none. */
    public void reviseSafetyPlan(Caller caller, String number, long planVersion, String text) {
        CaseFile file = accessed(caller, number, CaseAction.WRITE_SAFETY_PLAN).file();
        file.requireNotClosed();
        SafetyPlan plan = cases.safetyPlan(file.id()).orElse(null);
        if (plan == null ? planVersion != -1 : plan.version() != planVersion) {
            throw new ConcurrentChangeException();
        }
        if (plan == null) {
            plan = new SafetyPlan(file.id());
            plan.revise(text, caller.username(), now());
            cases.add(plan);
        } else {
            plan.revise(text, caller.username(), now());
        }
        timeline.record(file.id(), CaseEventKind.SAFETY_PLAN_REVISED, caller, null, now());
        cases.flush();
    }

    /**
     * The region's supervisor hands the case to a social worker of the region, who from then on works on it beside
     * its organisation. The timeline and audit trail name the organisation she works in, never her.
     */
    public void assign(Caller caller, String number, long version, String username) {
        CaseFile file = assignable(caller, number, version);
        kz.qorgau.staff.StaffMember worker = staff.find(username)
                .orElseThrow(() -> new InvalidInputException("case.assignment.unknownWorker"));
        file.assignTo(worker, now());
        timeline.record(file.id(), CaseEventKind.CASE_ASSIGNED, caller, worker.organisationCode().orElse(null), now());
        cases.flush();
    }

    public void unassign(Caller caller, String number, long version) {
        CaseFile file = assignable(caller, number, version);
        file.unassign(now());
        timeline.record(file.id(), CaseEventKind.CASE_UNASSIGNED, caller, null, now());
        cases.flush();
    }

    /** As the policy grants it: in her own region, never by an emergency access. */
    private CaseFile assignable(Caller caller, String number, long version) {
        CaseFile file = accessed(caller, number, CaseAction.ASSIGN).file();
        if (file.version() != version) {
            throw new ConcurrentChangeException();
        }
        return file;
    }

    private void change(Caller caller, CaseAction action, String number, long version, CaseEventKind kind,
                        String detail, Consumer<CaseFile> change) {
        change(caller, action, number, version, kind, detail, change, null);
    }

    /** {@code duplicateKey}: what a unique violation of the change itself means to the user. */
    private void change(Caller caller, CaseAction action, String number, long version, CaseEventKind kind,
                        String detail, Consumer<CaseFile> change, String duplicateKey) {
        CaseFile file = accessed(caller, number, action).file();
        if (file.version() != version) {
            throw new ConcurrentChangeException();
        }
        change.accept(file);
        kz.qorgau.shared.persistence.Writes.flush(cases.entityManager(), duplicateKey);
        timeline.record(file.id(), kind, caller, detail, now());
        cases.flush();
    }

    /**
     * Where the victim lives and shelters, for her own organisation only: a worker of the organisation that owns
     * the case, never another organisation even when it may read the case.
     */
    public Optional<PersonSecret> secretAddress(Caller caller, String number) {
        CaseFile file = accessed(caller, number, CaseAction.READ_ADDRESS).file();
        audit.record(caller, AuditAction.READ, "PersonSecret", file.victim().id(), file.id(), null);
        return cases.secretOf(file.victim().id());
    }

    /** {@code version} is the record's version as seen, or -1 when there was none. */
    public void recordSecretAddress(Caller caller, String number, long version, String address, String shelter) {
        CaseFile file = accessed(caller, number, CaseAction.RECORD_ADDRESS).file();
        file.requireNotClosed();
        if ((address != null && address.length() > 500) || (shelter != null && shelter.length() > 500)) {
            throw new InvalidInputException("case.secret.tooLong");
        }
        PersonSecret secret = cases.secretOf(file.victim().id()).orElse(null);
        if (secret == null ? version != -1 : secret.version() != version) {
            throw new ConcurrentChangeException();
        }
        boolean first = secret == null;
        if (first) {
            secret = new PersonSecret(file.victim().id());
        }
        secret.record(address, shelter, caller.username(), now());
        if (first) {
            cases.add(secret);
        }
        timeline.record(file.id(), CaseEventKind.SECRET_ADDRESS_RECORDED, caller, null, now());
        cases.flush();
    }

    /** "Who saw this": the case's audit trail, for the owning organisation's workers and the region's supervisor. */
    public kz.qorgau.shared.Page<kz.qorgau.audit.AuditEntry> whoSaw(Caller caller, String number, kz.qorgau.shared.PageRequest page) {
        // asked after the case is found: to one who may not read it, the case does not exist
        Accessed accessed = accessed(caller, number);
        accessed.access().require(CaseAction.WHO_SAW);
        Long id = accessed.file().id();
        return kz.qorgau.shared.Page.of(audit.ofCase(id, page.first(), page.size()), audit.countOfCase(id), page);
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
