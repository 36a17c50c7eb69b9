package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CaseAccess;
import kz.qorgau.access.CaseAction;
import kz.qorgau.access.ReferralAccess;
import kz.qorgau.audit.Audited;
import kz.qorgau.casefile.CaseFile;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.Permission;
import kz.qorgau.shared.persistence.Writes;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.timeline.Timeline;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Referrals to providers of the eight special social services. The case's worker proposes, sends (only with the
 * victim's consent to disclosure) and cancels; the provider answers and records what it delivered. A provider sees
 * the referrals addressed to its organisation and nothing else of the case.
 */
@ApplicationScoped
@Transactional
@Audited
public class ReferralService {

    /** The kinds of organisation a referral may go to. */
    public static final Set<OrganisationType> PROVIDERS = Set.of(OrganisationType.NGO, OrganisationType.CRISIS_CENTRE,
            OrganisationType.FAMILY_SUPPORT_CENTRE, OrganisationType.HEALTHCARE_PROVIDER,
            OrganisationType.SOCIAL_PROTECTION_DEPARTMENT, OrganisationType.SOCIAL_ADAPTATION_CENTRE);

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    CaseWorkService work;

    @Inject
    ReferenceData reference;

    @Inject
    Timeline timeline;

    @Inject
    kz.qorgau.audit.AuditTrail audit;

    @Inject
    Clock clock;

    public Long propose(Caller caller, String caseNumber, SpecialSocialService service, String providerCode) {
        CaseFile file = work.accessed(caller, caseNumber, CaseAction.MAKE_REFERRAL).file();
        file.requireNotClosed();
        if (service == null) {
            throw new InvalidInputException("referral.service.required");
        }
        Organisation provider = reference.organisation(providerCode)
                .filter(o -> o.active() && PROVIDERS.contains(o.type()))
                .orElseThrow(() -> new InvalidInputException("referral.provider.unknown"));
        ServiceReferral referral = ServiceReferral.propose(file.id(), service, caller.organisationCode().orElseThrow(),
                provider.code(), caller.username(), now());
        em.persist(referral);
        timeline.record(file.id(), CaseEventKind.REFERRAL_CREATED, caller, service.name(), now());
        Writes.flush(em);
        return referral.id();
    }

    public void send(Caller caller, Long referralId, long version) {
        ServiceReferral referral = ofTheCase(caller, referralId, version);
        CaseFile file = em.find(CaseFile.class, referral.caseFileId());
        file.requireNotClosed();
        boolean consent = file.hasConsent(ConsentScope.DISCLOSURE, LocalDate.now(clock));
        changed(caller, referral, r -> r.send(caller.username(), now(), consent));
    }

    public void cancel(Caller caller, Long referralId, long version) {
        changed(caller, ofTheCase(caller, referralId, version), r -> r.cancel(caller.username(), now()));
    }

    /** The provider accepts a referral still at {@code version}; returns its new version. */
    public long accept(Caller caller, Long referralId, long version) {
        return changed(caller, addressedTo(caller, referralId, version), r -> r.accept(caller.username(), organisation(caller), now()));
    }

    /** The provider declines a referral still at {@code version}; returns its new version. */
    public long decline(Caller caller, Long referralId, long version, DeclineReason reason) {
        return changed(caller, addressedTo(caller, referralId, version),
                r -> r.decline(reason, caller.username(), organisation(caller), now()));
    }

    public void complete(Caller caller, Long referralId, long version) {
        changed(caller, addressedTo(caller, referralId, version), r -> r.complete(caller.username(), organisation(caller), now()));
    }

    /**
     * A delivery under a referral still at {@code version}; returns its new version. A second delivery changes no
     * column of the referral, so its version is raised on purpose: two deliveries sent against the same version
     * cannot both be saved.
     */
    public long recordDelivery(Caller caller, Long referralId, long version, LocalDate on, BigDecimal hours) {
        ServiceReferral referral = addressedTo(caller, referralId, version);
        referral.recordDelivery(on, hours, caller.username(), organisation(caller), LocalDate.now(clock), now());
        em.lock(referral, jakarta.persistence.LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        timeline.record(referral.caseFileId(), CaseEventKind.SERVICE_DELIVERED, caller, referral.service().name(), now());
        Writes.flush(em);
        return referral.version();
    }

    /**
     * One referral: for its provider once it was sent, and for those who read the case's referrals; otherwise it
     * does not exist. Read by a provider, it is audited like a row of the inbox.
     */
    public ReferralView referral(Caller caller, Long referralId) {
        ServiceReferral referral = referralId == null ? null : em.find(ServiceReferral.class, referralId);
        if (referral == null) {
            throw new NotFoundException();
        }
        CaseFile file = em.find(CaseFile.class, referral.caseFileId());
        if (caller.may(Permission.REFERRAL_ANSWER)
                && AccessPolicy.addressedTo(caller, referral.toOrganisationCode(), referral.status())) {
            audit.record(caller, AuditAction.READ, "ServiceReferral", referral.id(), file.id(), null);
            return view(referral, file, Optional.empty(), caller);
        }
        CaseWorkService.Accessed accessed = work.accessedById(caller, referral.caseFileId());
        accessed.access().require(CaseAction.READ_REFERRALS);
        return view(referral, file, Optional.of(accessed.access()), caller);
    }

    /** The referrals of a case, for those who may read the case. */
    public List<ReferralView> ofCase(Caller caller, String caseNumber) {
        CaseWorkService.Accessed accessed = work.accessed(caller, caseNumber, CaseAction.READ_REFERRALS);
        CaseFile file = accessed.file();
        return em.createQuery("select r from ServiceReferral r where r.caseFileId = :id order by r.createdAt desc, r.id desc",
                        ServiceReferral.class)
                .setParameter("id", file.id())
                .getResultStream().map(r -> view(r, file, Optional.of(accessed.access()), caller)).toList();
    }

    /** The referrals of a case opened for its page, newest first, their deliveries in the same statement. */
    public List<ReferralView> views(Caller caller, CaseWorkService.Accessed accessed) {
        accessed.access().require(CaseAction.READ_REFERRALS);
        CaseFile file = accessed.file();
        return em.createQuery("select distinct r from ServiceReferral r left join fetch r.deliveries where r.caseFileId = :id",
                        ServiceReferral.class)
                .setParameter("id", file.id())
                .getResultList().stream()
                .sorted(java.util.Comparator.comparing(ServiceReferral::createdAt).thenComparing(ServiceReferral::id).reversed())
                .map(r -> view(r, file, Optional.of(accessed.access()), caller)).toList();
    }

    /**
     * A page of a provider's inbox — what was sent to its organisation, newest first, never drafts it has not received
     * — and how many there are.
     */
    public kz.qorgau.shared.Page<ReferralView> inbox(Caller caller, kz.qorgau.shared.PageRequest page) {
        return kz.qorgau.shared.Page.of(inbox(caller, page.first(), page.size()), inboxSize(caller), page);
    }

    /** How many referrals the caller's organisation was sent. */
    public long inboxSize(Caller caller) {
        caller.require(Permission.REFERRAL_ANSWER);
        return em.createQuery("select count(r) from ServiceReferral r where " + AccessPolicy.ADDRESSED_TO, Long.class)
                .setParameter("provider", organisation(caller)).getSingleResult();
    }

    /** Rows {@code first} … {@code first + size - 1} of the inbox, newest first; each row read is audited. */
    public List<ReferralView> inbox(Caller caller, int first, int size) {
        caller.require(Permission.REFERRAL_ANSWER);
        // referral, case and victim in one query (the victim then comes from the persistence context): an inbox must
        // not cost a query per row
        List<Object[]> rows = em.createQuery("select r, c, v from ServiceReferral r, CaseFile c join c.victim v"
                        + " where c.id = r.caseFileId and " + AccessPolicy.ADDRESSED_TO
                        + " order by r.createdAt desc, r.id desc", Object[].class)
                .setParameter("provider", organisation(caller))
                .setFirstResult(first)
                .setMaxResults(size)
                .getResultList();
        return rows.stream().map(row -> {
            ServiceReferral referral = (ServiceReferral) row[0];
            CaseFile file = (CaseFile) row[1];
            audit.record(caller, AuditAction.READ, "ServiceReferral", referral.id(), file.id(), null);
            return view(referral, file, Optional.empty(), caller);
        }).toList();
    }

    /** Providers a new referral may go to: deactivated organisations keep their old referrals, get no new ones. */
    public List<Organisation> providers() {
        return reference.organisations().stream().filter(o -> o.active() && PROVIDERS.contains(o.type())).toList();
    }

    private ReferralView view(ServiceReferral r, CaseFile file, Optional<CaseAccess> onCase, Caller caller) {
        LocalDate today = LocalDate.now(clock);
        ReferralAccess access = AccessPolicy.referral(caller, onCase, r.toOrganisationCode(), r.status());
        return new ReferralView(r.id(), r.version(), file.number().toString(), r.service(), r.fromOrganisationCode(),
                r.toOrganisationCode(), r.status(), r.createdAt(), r.sentAt().orElse(null), r.declineReason().orElse(null),
                r.answerDueOn().orElse(null), r.isUnanswered(today), r.totalHours(),
                file.victim().familyName() + " " + file.victim().givenName(), file.victim().ageOn(today).orElse(null), access);
    }

    /** A referral of a case the caller makes referrals on: not found outside what she reads, forbidden where she only reads. */
    private ServiceReferral ofTheCase(Caller caller, Long referralId, long version) {
        AccessPolicy.requireCapable(caller, CaseAction.MAKE_REFERRAL);
        ServiceReferral referral = referralId == null ? null : em.find(ServiceReferral.class, referralId);
        if (referral == null) {
            throw new NotFoundException();
        }
        work.accessedById(caller, referral.caseFileId()).access().require(CaseAction.MAKE_REFERRAL);
        return checked(referral, version);
    }

    /** A referral sent to the caller's organisation; anything else is not found. */
    private ServiceReferral addressedTo(Caller caller, Long referralId, long version) {
        caller.require(Permission.REFERRAL_ANSWER);
        ServiceReferral referral = referralId == null ? null : em.find(ServiceReferral.class, referralId);
        if (referral == null || !AccessPolicy.addressedTo(caller, referral.toOrganisationCode(), referral.status())) {
            throw new NotFoundException();
        }
        return checked(referral, version);
    }

    private static ServiceReferral checked(ServiceReferral referral, long version) {
        if (referral.version() != version) {
            throw new ConcurrentChangeException();
        }
        return referral;
    }

    private long changed(Caller caller, ServiceReferral referral, Consumer<ServiceReferral> change) {
        change.accept(referral);
        timeline.record(referral.caseFileId(), CaseEventKind.REFERRAL_STATUS_CHANGED, caller, referral.status().name(), now());
        Writes.flush(em);
        return referral.version();
    }

    private static String organisation(Caller caller) {
        return caller.organisationCode().orElseThrow(NotFoundException::new);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
