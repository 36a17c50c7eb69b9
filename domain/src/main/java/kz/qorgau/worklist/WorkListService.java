package kz.qorgau.worklist;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.LegalTerms;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The start page of each role: what needs her today, first. Every section reads within the caller's read partition
 * (the case scope) and, for a police unit, a court or a provider, within its own records; each shows its first lines
 * and counts the rest in the database. Lines carry case numbers and codes, never a name, an address or a note.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class WorkListService {

    /** Lines per section: a start page is a summary; the lists and the inbox show everything. */
    static final int LINES = 8;
    private static final int RECENT_DAYS = 7;
    private static final int VIOLATIONS_DAYS = 30;
    private static final int REPORTS_DAYS = 90;

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Clock clock;

    public WorkList forCaller(Caller caller) {
        LocalDate today = LocalDate.now(clock);
        LegalTerms terms = LegalTerms.on(today);
        Optional<CaseScope> scope = CaseScope.of(caller);
        String org = caller.organisationCode().orElse("");
        List<WorkList.Section> sections = new ArrayList<>();
        for (WorkSection kind : WorkSection.values()) {
            if (!caller.may(kind.permission())) {
                continue;
            }
            Query q = switch (kind) {
                case MY_CASES -> onCases(scope, """
                        select c.number, c.lastActivityAt, c.status from CaseFile c
                        where (c.ownerUsername = :me or c.assignedTo = :me)
                          and c.status <> kz.qorgau.casefile.CaseStatus.CLOSED""", "order by c.lastActivityAt desc",
                        Map.of("me", caller.username()));
                case RECENT_ACTIVITY -> onCases(scope, """
                        select c.number, e.occurredAt, e.kind from CaseEvent e, CaseFile c
                        where c.id = e.caseFileId and (c.ownerUsername = :me or c.assignedTo = :me)
                          and e.actorUsername <> :me and e.occurredAt >= :since""", "order by e.occurredAt desc",
                        Map.of("me", caller.username(), "since", startOf(today.minusDays(RECENT_DAYS))));
                case CLOSURES_TO_APPROVE -> onCases(scope, """
                        select c.number, c.lastActivityAt, c.status from CaseFile c
                        where c.status = kz.qorgau.casefile.CaseStatus.CLOSURE_REQUESTED""", "order by c.lastActivityAt",
                        Map.of());
                case CASES_WITHOUT_ACTIVITY -> onCases(scope, """
                        select c.number, c.lastActivityAt, c.status from CaseFile c
                        where c.status <> kz.qorgau.casefile.CaseStatus.CLOSED and c.lastActivityAt < :quietSince""",
                        "order by c.lastActivityAt", Map.of("quietSince", startOf(today.minusDays(terms.inactivityDays()))));
                case ORDER_VIOLATIONS -> onCases(scope, """
                        select c.number, v.occurredOn, v.consequence, o.orderNumber from Violation v join v.order o, CaseFile c
                        where c.id = o.caseFileId and o.issuingUnitCode = :org and v.occurredOn >= :from""",
                        "order by v.occurredOn desc", Map.of("org", org, "from", today.minusDays(VIOLATIONS_DAYS)));
                case ORDERS_EXPIRING -> onCases(scope, """
                        select c.number, o.validUntil, o.orderNumber from ProtectiveOrder o, CaseFile c
                        where c.id = o.caseFileId and o.issuingUnitCode = :org and o.revokedOn is null
                          and o.validUntil between :today and :horizon""", "order by o.validUntil",
                        Map.of("org", org, "today", today, "horizon", today.plusDays(terms.orderExpiryWarningDays())))
                        .columns(-1, 2);
                case TO_BRING_BEFORE_COURT -> onCases(scope, """
                        select c.number, max(v.occurredOn) from Violation v join v.order o, CaseFile c
                        where c.id = o.caseFileId and o.issuingUnitCode = :org
                          and not exists (select cs from CourtSubmission cs where cs.caseFileId = c.id)""",
                        "group by c.number order by max(v.occurredOn) desc", Map.of("org", org))
                        .columns(-1, -1).counting("count(distinct c.id)");
                case ORDERS_IN_FORCE -> onCases(scope, """
                        select c.number, o.validUntil, o.orderNumber from ProtectiveOrder o, CaseFile c
                        where c.id = o.caseFileId and o.issuingUnitCode = :org and o.revokedOn is null
                          and o.issueDate <= :today and o.validUntil >= :today""", "order by o.validUntil",
                        Map.of("org", org, "today", today)).columns(-1, 2);
                case BROUGHT_BEFORE_COURT -> onCases(scope, """
                        select c.number, cs.submittedAt from CourtSubmission cs, CaseFile c
                        where c.id = cs.caseFileId and cs.courtCode = :org
                          and not exists (select m from CourtMandate m where m.caseFileId = c.id and m.courtCode = :org)""",
                        "order by cs.submittedAt", Map.of("org", org)).columns(-1, -1);
                case SESSIONS_MISSED -> onCases(scope, """
                        select c.number, s.heldOn, s.attendance, m.decisionNumber
                        from CourtMandate m join m.psychocorrection k join k.sessions s, CaseFile c
                        where c.id = m.caseFileId and m.courtCode = :org and k.reportKind is null
                          and s.attendance = kz.qorgau.mandate.Attendance.MISSED and s.heldOn >= :from""",
                        "order by s.heldOn desc", Map.of("org", org, "from", today.minusDays(VIOLATIONS_DAYS)));
                case NON_COMPLIANCE_REPORTS -> onCases(scope, """
                        select c.number, k.reportedOn, k.nonComplianceReason, m.decisionNumber
                        from CourtMandate m join m.psychocorrection k, CaseFile c
                        where c.id = m.caseFileId and m.courtCode = :org
                          and k.reportKind = kz.qorgau.mandate.CourseReportKind.NON_COMPLIANCE and k.reportedOn >= :from""",
                        "order by k.reportedOn desc", Map.of("org", org, "from", today.minusDays(REPORTS_DAYS)));
                case MANDATES_RUNNING -> onCases(scope, """
                        select c.number, m.endDate, m.decisionNumber from CourtMandate m, CaseFile c
                        where c.id = m.caseFileId and m.courtCode = :org and m.startDate <= :today and m.endDate >= :today""",
                        "order by m.endDate", Map.of("org", org, "today", today)).columns(-1, 2);
                // a provider reads referrals addressed to her organisation, not the cases behind them
                case REFERRALS_TO_ANSWER -> new Query(null, """
                        select c.number, r.sentAt, r.service from ServiceReferral r, CaseFile c
                        where c.id = r.caseFileId and r.toOrganisationCode = :org
                          and r.status = kz.qorgau.referral.ReferralStatus.SENT""", "order by r.sentAt", Map.of("org", org));
                case SERVICES_IN_PROGRESS -> new Query(null, """
                        select c.number, coalesce(r.startedAt, r.answeredAt), r.service from ServiceReferral r, CaseFile c
                        where c.id = r.caseFileId and r.toOrganisationCode = :org
                          and r.status in (kz.qorgau.referral.ReferralStatus.ACCEPTED, kz.qorgau.referral.ReferralStatus.IN_PROGRESS)""",
                        "order by coalesce(r.startedAt, r.answeredAt)", Map.of("org", org));
            };
            if (q == null) {
                continue; // a section about cases for a caller with no read partition
            }
            sections.add(q.run(kind));
        }
        return new WorkList(List.copyOf(sections));
    }

    private Query onCases(Optional<CaseScope> scope, String selectFromWhere, String orderBy, Map<String, Object> parameters) {
        return scope.map(s -> new Query(s, selectFromWhere, orderBy, parameters)).orElse(null);
    }

    private static Instant startOf(LocalDate day) {
        return day.atStartOfDay(Clocks.KAZAKHSTAN).toInstant();
    }

    private static LocalDate day(Object value) {
        return value instanceof Instant instant ? instant.atZone(Clocks.KAZAKHSTAN).toLocalDate() : (LocalDate) value;
    }

    /** One section's query: its lines, and a count over the same condition. */
    private final class Query {
        private final CaseScope scope;
        private final String selectFromWhere;
        private final String orderBy;
        private final Map<String, Object> parameters;
        private String count = "count(c.id)";
        private int codeColumn = 2;
        private int referenceColumn = 3;

        Query(CaseScope scope, String selectFromWhere, String orderBy, Map<String, Object> parameters) {
            this.scope = scope;
            this.selectFromWhere = selectFromWhere;
            this.orderBy = orderBy;
            this.parameters = parameters;
        }

        CaseScope scope() {
            return scope;
        }

        /** Which selected columns hold the line's code and reference; -1 for none. */
        Query columns(int code, int reference) {
            this.codeColumn = code;
            this.referenceColumn = reference;
            return this;
        }

        Query counting(String expression) {
            this.count = expression;
            return this;
        }

        WorkList.Section run(WorkSection kind) {
            // leading space: text blocks drop the trailing one before it
            String where = scope == null ? "" : " and " + scope.condition();
            List<WorkItem> items = bind(em.createQuery(selectFromWhere + where + " " + orderBy, Object[].class))
                    .setMaxResults(LINES).getResultList().stream().map(this::line).toList();
            long total = items.size() < LINES ? items.size() : bind(em.createQuery(
                    "select " + count + " from " + selectFromWhere.split("\\s+from\\s+", 2)[1] + where, Long.class))
                    .getSingleResult();
            return new WorkList.Section(kind, items, total);
        }

        private WorkItem line(Object[] row) {
            Object code = codeColumn < 0 ? null : row[codeColumn];
            Object reference = referenceColumn < 0 || referenceColumn >= row.length ? null : row[referenceColumn];
            return new WorkItem((String) row[0], day(row[1]), code == null ? null : code.toString(),
                    Optional.ofNullable((String) reference), scope != null);
        }

        private <T> TypedQuery<T> bind(TypedQuery<T> query) {
            parameters.forEach(query::setParameter);
            return scope == null ? query : scope.bind(query);
        }
    }
}
