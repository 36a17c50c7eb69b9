package kz.qorgau.protection;

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
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.persistence.Columns;
import kz.qorgau.shared.persistence.Cursor;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.function.Consumer;

/**
 * The list of protective orders across cases: the orders on every case the caller reads (police their region's, a
 * court the cases before it, a social worker her organisation's and those assigned to her, a supervisor her
 * region's), so exactly the orders her case pages show. Nobody else lists any. Reading a page and exporting are
 * audited; the filter is not written down, since a day or a status says nothing of a person but the rows do.
 */
@ApplicationScoped
@Transactional
@Audited
public class OrderListService {

    /** How the list is named in the audit trail. */
    public static final String LIST = "ProtectiveOrderList";

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Cursor cursor;

    @Inject
    AuditTrail audit;

    @Inject
    Clock clock;

    /** Whether the caller lists orders at all: where she reads cases. */
    public boolean available(Caller caller) {
        return AccessPolicy.scope(caller, CaseAction.READ).isPresent();
    }

    public List<OrderListRow> page(Caller caller, OrderListFilter filter, ListPage page) {
        LocalDate today = LocalDate.now(clock);
        List<OrderListRow> rows = new OrderListSql(scope(caller), filter, today).page(page).rows(em, r -> row(r, today));
        if (!rows.isEmpty()) {
            audit.record(caller, AuditAction.READ, LIST, null, null, "first=" + page.first() + " rows=" + rows.size());
        }
        return rows;
    }

    public long count(Caller caller, OrderListFilter filter) {
        LocalDate today = LocalDate.now(clock);
        return new OrderListSql(scope(caller), filter, today).count().count(em);
    }

    /** Every order of the filtered list, streamed to {@code sink}; audited with the format and how many rows left. */
    public long export(Caller caller, OrderListFilter filter, String format, Consumer<OrderListRow> sink) {
        LocalDate today = LocalDate.now(clock);
        long rows = cursor.each(new OrderListSql(scope(caller), filter, today).export(), r -> row(r, today), sink);
        audit.record(caller, AuditAction.EXPORT, LIST, null, null, format + " rows=" + rows);
        return rows;
    }

    /** Where the caller reads cases; one who reads none has no such list (an analyst, a provider, an administrator). */
    private static CaseScope scope(Caller caller) {
        return AccessPolicy.scope(caller, CaseAction.READ).orElseThrow(AccessDeniedException::new);
    }

    private static OrderListRow row(Object[] r, LocalDate today) {
        LocalDate validUntil = Columns.day(r[5]);
        LocalDate revokedOn = Columns.day(r[6]);
        return new OrderListRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3], Columns.day(r[4]),
                validUntil, OrderStatus.on(today, validUntil, revokedOn), revokedOn, ((Number) r[7]).intValue(),
                (String) r[8], (String) r[9]);
    }

    private static OrderListRow row(ResultSet r, LocalDate today) throws SQLException {
        return row(new Object[]{r.getLong(1), r.getString(2), r.getString(3), r.getString(4), r.getDate(5), r.getDate(6),
                r.getDate(7), r.getLong(8), r.getString(9), r.getString(10)}, today);
    }
}
