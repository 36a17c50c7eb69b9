package kz.qorgau.mandate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CaseAction;
import kz.qorgau.access.DecisionAccess;
import kz.qorgau.audit.Audited;
import kz.qorgau.casefile.CaseFile;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.persistence.Writes;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Court decisions on a case: special requirements for the offender, temporary eviction, mandatory psychocorrection;
 * then the sessions of the course and its report back to the court. Only a court records, and only its own decisions.
 */
@ApplicationScoped
@Transactional
@Audited
public class MandateService {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    CaseWorkService work;

    @Inject
    ReferenceData reference;

    @Inject
    Timeline timeline;

    @Inject
    Clock clock;

    /** What a court clerk enters; eviction and psychocorrection are optional parts. */
    public record Decision(String decisionNumber, LocalDate decisionDate, LocalDate startDate, LocalDate endDate,
                           Set<Requirement> requirements, Integer policeReportsPerMonth,
                           String evictionPlaceCode, LocalDate evictionFrom, LocalDate evictionTo,
                           String psychocorrectionProviderCode, Integer sessionsRequired) {
    }

    public Long record(Caller caller, String caseNumber, Decision d) {
        CaseFile file = work.accessed(caller, caseNumber, CaseAction.RECORD_DECISION).file();
        String court = caller.organisationCode()
                .flatMap(reference::organisation)
                .filter(o -> o.type() == OrganisationType.COURT)
                .orElseThrow(() -> new InvalidInputException("mandate.court.notCourt"))
                .code();
        if (d.decisionNumber() == null || d.decisionNumber().isBlank() || d.decisionDate() == null
                || d.startDate() == null || d.endDate() == null) {
            throw new InvalidInputException("mandate.decision.required");
        }
        TemporaryEviction eviction = null;
        if (d.evictionPlaceCode() != null && !d.evictionPlaceCode().isBlank()) {
            requireOrganisation(d.evictionPlaceCode(), OrganisationType.SOCIAL_ADAPTATION_CENTRE, "mandate.eviction.placeUnknown");
            if (d.evictionFrom() == null || d.evictionTo() == null) {
                throw new InvalidInputException("mandate.eviction.datesRequired");
            }
            eviction = new TemporaryEviction(d.evictionPlaceCode(), d.evictionFrom(), d.evictionTo());
        }
        PsychocorrectionTerms course = null;
        boolean providerChosen = d.psychocorrectionProviderCode() != null && !d.psychocorrectionProviderCode().isBlank();
        if (!providerChosen && d.sessionsRequired() != null && d.sessionsRequired() > 0) {
            throw new InvalidInputException("mandate.course.providerUnknown");
        }
        if (providerChosen) {
            requireOrganisation(d.psychocorrectionProviderCode(), OrganisationType.HEALTHCARE_PROVIDER, "mandate.course.providerUnknown");
            if (d.sessionsRequired() == null) {
                throw new InvalidInputException("mandate.course.sessionsRequired.outOfRange");
            }
            course = new PsychocorrectionTerms(d.psychocorrectionProviderCode(), d.sessionsRequired());
        }
        CourtMandate mandate = CourtMandate.record(file.id(), court, d.decisionNumber().strip(), d.decisionDate(),
                caller.username(), d.startDate(), d.endDate(), d.requirements() == null ? Set.of() : d.requirements(),
                d.policeReportsPerMonth(), eviction, course, today(), now());
        em.persist(mandate);
        timeline.record(file.id(), CaseEventKind.COURT_MANDATE_RECORDED, caller, null, now());
        Writes.flush(em);
        return mandate.id();
    }

    public void recordSession(Caller caller, Long mandateId, long version, LocalDate heldOn, Attendance attendance) {
        CourtMandate mandate = own(caller, mandateId, version);
        if (attendance == null) {
            throw new InvalidInputException("mandate.course.session.attendanceRequired");
        }
        mandate.recordSession(heldOn, attendance, caller.username(), today(), now());
        em.lock(mandate, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        timeline.record(mandate.caseFileId(), CaseEventKind.PSYCHOCORRECTION_SESSION_RECORDED, caller, attendance.name(), now());
        Writes.flush(em);
    }

    public void reportCompletion(Caller caller, Long mandateId, long version, LocalDate on) {
        CourtMandate mandate = own(caller, mandateId, version);
        mandate.reportCompletion(on, caller.username(), today());
        em.lock(mandate, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        timeline.record(mandate.caseFileId(), CaseEventKind.PSYCHOCORRECTION_REPORTED, caller, "COMPLETION", now());
        Writes.flush(em);
    }

    public void reportNonCompliance(Caller caller, Long mandateId, long version, LocalDate on, NonComplianceReason reason) {
        CourtMandate mandate = own(caller, mandateId, version);
        if (reason == null) {
            throw new InvalidInputException("mandate.course.nonCompliance.reasonRequired");
        }
        mandate.reportNonCompliance(on, reason, caller.username(), today());
        em.lock(mandate, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        timeline.record(mandate.caseFileId(), CaseEventKind.PSYCHOCORRECTION_REPORTED, caller, "NON_COMPLIANCE", now());
        Writes.flush(em);
    }

    /** A decision and what the caller may do with it now, by the access policy. */
    public record DecisionEntry(CourtMandate mandate, DecisionAccess access) {
    }

    public List<CourtMandate> ofCase(Caller caller, String caseNumber) {
        return decisions(caller, caseNumber).stream().map(DecisionEntry::mandate).toList();
    }

    /** The decisions on a case the caller may read, newest first, each with the policy's answer for it. */
    public List<DecisionEntry> decisions(Caller caller, String caseNumber) {
        CaseWorkService.Accessed accessed = work.accessed(caller, caseNumber);
        return em.createQuery("select m from CourtMandate m where m.caseFileId = :id order by m.decisionDate desc, m.id desc",
                        CourtMandate.class)
                .setParameter("id", accessed.file().id())
                .getResultStream()
                .map(m -> new DecisionEntry(m, AccessPolicy.decision(caller, accessed.access(), m.courtCode(), m.courseUnderway())))
                .toList();
    }

    /**
     * The decisions on a case opened for its page, newest first, with requirements, course and sessions in the same
     * statement, each with the policy's answer for it.
     */
    public List<DecisionView> views(Caller caller, CaseWorkService.Accessed accessed) {
        return em.createQuery("select distinct m from CourtMandate m left join fetch m.requirements"
                        + " where m.caseFileId = :id", CourtMandate.class)
                .setParameter("id", accessed.file().id())
                .setHint("eclipselink.left-join-fetch", "m.psychocorrection")
                .setHint("eclipselink.left-join-fetch", "m.psychocorrection.sessions")
                .getResultList().stream()
                .sorted(java.util.Comparator.comparing(CourtMandate::decisionDate).thenComparing(CourtMandate::id).reversed())
                .map(m -> DecisionView.of(m, AccessPolicy.decision(caller, accessed.access(), m.courtCode(), m.courseUnderway())))
                .toList();
    }

    private void requireOrganisation(String code, OrganisationType type, String refusal) {
        reference.organisation(code).filter(o -> o.active() && o.type() == type)
                .orElseThrow(() -> new InvalidInputException(refusal));
    }

    /** A decision the policy gives the caller (her own court's, on a case she may read); otherwise it does not exist. */
    private CourtMandate own(Caller caller, Long mandateId, long version) {
        AccessPolicy.requireCapable(caller, CaseAction.RECORD_DECISION);
        CourtMandate mandate = mandateId == null ? null : em.find(CourtMandate.class, mandateId);
        if (mandate == null
                || !AccessPolicy.ownsDecision(caller, work.accessedById(caller, mandate.caseFileId()).access(), mandate.courtCode())) {
            throw new NotFoundException();
        }
        if (mandate.version() != version) {
            throw new ConcurrentChangeException();
        }
        return mandate;
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
