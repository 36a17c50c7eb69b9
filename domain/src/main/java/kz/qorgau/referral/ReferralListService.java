package kz.qorgau.referral;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.access.AccessPolicy;
import kz.qorgau.access.CaseAction;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.audit.Audited;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.casefile.Person;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.persistence.Columns;
import kz.qorgau.shared.persistence.Cursor;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The list of referrals: for those who follow the case work (a social worker her organisation's cases and those
 * assigned to her, a supervisor her region's) the referrals of those cases; for a provider those sent to her
 * organisation, with only what a referral shares. Police, courts, analysts and administrators list none. Pages and
 * exports are audited, never with the filter.
 */
@ApplicationScoped
@Transactional
@Audited
public class ReferralListService {

    /** How the list is named in the audit trail. */
    public static final String LIST = "ReferralList";

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Cursor cursor;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    public boolean available(Caller caller) {
        return sql(caller, ReferralListFilter.NONE).isPresent();
    }

    public List<ReferralListRow> page(Caller caller, ReferralListFilter filter, ListPage page) {
        LocalDate today = LocalDate.now(clock);
        List<ReferralListRow> rows = listed(caller, filter).page(page).rows(em, r -> row(r, today));
        if (!rows.isEmpty()) {
            audit.record(caller, AuditAction.READ, LIST, null, null, "first=" + page.first() + " rows=" + rows.size());
        }
        return rows;
    }

    public long count(Caller caller, ReferralListFilter filter) {
        return listed(caller, filter).count().count(em);
    }

    /** Every referral of the filtered list, streamed to {@code sink}; audited with the format and how many rows left. */
    public long export(Caller caller, ReferralListFilter filter, String format, Consumer<ReferralListRow> sink) {
        LocalDate today = LocalDate.now(clock);
        long rows = cursor.each(listed(caller, filter).export(), r -> row(r, today), sink);
        audit.record(caller, AuditAction.EXPORT, LIST, null, null, format + " rows=" + rows);
        return rows;
    }

    /** The caller's partitions as the access policy gives them; empty when she may list no referral. */
    private static Optional<ReferralListSql> sql(Caller caller, ReferralListFilter filter) {
        Optional<CaseScope> cases = AccessPolicy.scope(caller, CaseAction.READ_REFERRALS);
        Optional<String> provider = AccessPolicy.provider(caller);
        return cases.isEmpty() && provider.isEmpty() ? Optional.empty()
                : Optional.of(new ReferralListSql(cases, provider, filter));
    }

    /** One who lists no referral (police, a court, an analyst, an administrator) has no such list. */
    private static ReferralListSql listed(Caller caller, ReferralListFilter filter) {
        return sql(caller, filter).orElseThrow(AccessDeniedException::new);
    }

    private static ReferralListRow row(Object[] r, LocalDate today) {
        ReferralStatus status = ReferralStatus.valueOf((String) r[6]);
        Instant sentAt = Columns.moment(r[8]);
        Optional<LocalDate> due = ServiceReferral.answerDueOn(sentAt);
        Integer age = Person.ageOn(today, Columns.day(r[13]), r[14] == null ? null : ((Number) r[14]).intValue(),
                Columns.day(r[15])).orElse(null);
        return new ReferralListRow(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), (String) r[2],
                SpecialSocialService.valueOf((String) r[3]), (String) r[4], (String) r[5], status, Columns.moment(r[7]),
                sentAt, due.orElse(null), ServiceReferral.unanswered(status, sentAt, today),
                r[9] == null ? null : DeclineReason.valueOf((String) r[9]),
                ((BigDecimal) r[10]).setScale(ServiceDelivery.HOURS_SCALE), r[11] + " " + r[12], age);
    }

    private static ReferralListRow row(ResultSet r, LocalDate today) throws SQLException {
        Object[] values = new Object[16];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.getObject(i + 1);
        }
        return row(values, today);
    }
}
