package kz.qorgau.protection;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CaseAction;
import kz.qorgau.access.OrderAccess;
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

/** Police protective orders on a case: issue, record violations, revoke. Only a police unit of the case's reach. */
@ApplicationScoped
@Transactional
@Audited
public class ProtectionService {

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

    public Long issue(Caller caller, String caseNumber, String orderNumber, LocalDate issueDate, Perpetrator perpetrator,
                      Set<Prohibition> prohibitions) {
        CaseFile file = work.accessed(caller, caseNumber, CaseAction.ISSUE_ORDER).file();
        String unit = caller.organisationCode()
                .flatMap(reference::organisation)
                .filter(o -> o.type() == OrganisationType.POLICE_UNIT)
                .orElseThrow(() -> new InvalidInputException("order.unit.notPolice"))
                .code();
        if (orderNumber == null || orderNumber.isBlank()) {
            throw new InvalidInputException("order.number.required");
        }
        if (issueDate == null) {
            throw new InvalidInputException("order.issueDate.required");
        }
        if (perpetrator == null || blank(perpetrator.familyName()) || blank(perpetrator.givenName()) || perpetrator.birthDate() == null) {
            throw new InvalidInputException("order.perpetrator.required");
        }
        ProtectiveOrder order = ProtectiveOrder.issue(file.id(), unit, caller.username(), orderNumber.strip(), issueDate,
                perpetrator, prohibitions == null ? Set.of() : prohibitions, today(), now());
        em.persist(order);
        Writes.flush(em, "order.number.taken");
        timeline.record(file.id(), CaseEventKind.PROTECTIVE_ORDER_ISSUED, caller, null, now());
        return order.id();
    }

    public void recordViolation(Caller caller, Long orderId, long version, LocalDate on, ViolationConsequence consequence,
                                Integer arrestDays) {
        ProtectiveOrder order = editable(caller, orderId, version);
        if (consequence == null) {
            throw new InvalidInputException("order.violation.consequence.required");
        }
        order.recordViolation(on, consequence, arrestDays, caller.username(), today(), now());
        em.lock(order, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
        timeline.record(order.caseFileId(), CaseEventKind.PROTECTIVE_ORDER_VIOLATED, caller, consequence.name(), now());
        Writes.flush(em);
    }

    /**
     * Revokes the order if it is still at {@code version} (checked here and again by the version in the UPDATE, so no
     * change can come between); returns its new version.
     */
    public long revoke(Caller caller, Long orderId, long version, LocalDate on, String reason) {
        ProtectiveOrder order = editable(caller, orderId, version);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw new InvalidInputException("order.revocation.reason.required");
        }
        order.revoke(on, reason.strip(), caller.username(), today());
        timeline.record(order.caseFileId(), CaseEventKind.PROTECTIVE_ORDER_REVOKED, caller, null, now());
        Writes.flush(em);
        return order.version();
    }

    /** One order, for whoever may read its case (then with the policy's answer for it); otherwise it does not exist. */
    public OrderEntry order(Caller caller, Long orderId) {
        ProtectiveOrder order = orderId == null ? null : em.find(ProtectiveOrder.class, orderId);
        if (order == null) {
            throw new NotFoundException();
        }
        CaseWorkService.Accessed accessed = work.accessedById(caller, order.caseFileId());
        return new OrderEntry(order, AccessPolicy.order(caller, accessed.access(), order.issuingUnitCode(), order.status(today())));
    }

    /** An order and what the caller may do with it now, by the access policy. */
    public record OrderEntry(ProtectiveOrder order, OrderAccess access) {
    }

    /** The orders of a case the caller may read, newest first. */
    public List<ProtectiveOrder> ofCase(Caller caller, String caseNumber) {
        return em.createQuery("select o from ProtectiveOrder o where o.caseFileId = :id order by o.issueDate desc, o.id desc",
                        ProtectiveOrder.class)
                .setParameter("id", work.accessed(caller, caseNumber).file().id())
                .getResultList();
    }

    /** A page of the orders of a case the caller may read, newest first, each with the policy's answer for it, and how many. */
    public kz.qorgau.shared.Page<OrderEntry> orders(Caller caller, String caseNumber, kz.qorgau.shared.PageRequest page) {
        CaseWorkService.Accessed accessed = work.accessed(caller, caseNumber);
        LocalDate today = today();
        List<OrderEntry> items = em.createQuery("select o from ProtectiveOrder o where o.caseFileId = :id order by o.issueDate desc, o.id desc",
                        ProtectiveOrder.class)
                .setParameter("id", accessed.file().id())
                .setFirstResult(page.first())
                .setMaxResults(page.size())
                .getResultStream()
                .map(o -> new OrderEntry(o, AccessPolicy.order(caller, accessed.access(), o.issuingUnitCode(), o.status(today))))
                .toList();
        long total = em.createQuery("select count(o) from ProtectiveOrder o where o.caseFileId = :id", Long.class)
                .setParameter("id", accessed.file().id()).getSingleResult();
        return kz.qorgau.shared.Page.of(items, total, page);
    }

    /**
     * The orders of a case opened for its page, newest first, with their prohibitions and violations in the same
     * statement, each with the policy's answer for it.
     */
    public List<OrderView> views(Caller caller, CaseWorkService.Accessed accessed) {
        LocalDate today = today();
        return em.createQuery("select distinct o from ProtectiveOrder o left join fetch o.prohibitions"
                        + " left join fetch o.violations where o.caseFileId = :id", ProtectiveOrder.class)
                .setParameter("id", accessed.file().id())
                .getResultList().stream()
                .sorted(java.util.Comparator.comparing(ProtectiveOrder::issueDate).thenComparing(ProtectiveOrder::id).reversed())
                .map(o -> OrderView.of(o, today, AccessPolicy.order(caller, accessed.access(), o.issuingUnitCode(), o.status(today))))
                .toList();
    }

    /** An order the policy gives the caller (her own unit's, on a case she issues orders on); otherwise it does not exist. */
    private ProtectiveOrder editable(Caller caller, Long orderId, long version) {
        AccessPolicy.requireCapable(caller, CaseAction.ISSUE_ORDER);
        ProtectiveOrder order = orderId == null ? null : em.find(ProtectiveOrder.class, orderId);
        if (order == null
                || !AccessPolicy.ownsOrder(caller, work.accessedById(caller, order.caseFileId()).access(), order.issuingUnitCode())) {
            throw new NotFoundException();
        }
        if (order.version() != version) {
            throw new ConcurrentChangeException();
        }
        return order;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private LocalDate today() {
        return LocalDate.now(clock);
    }

    private Instant now() {
        return Instant.now(clock);
    }
}
