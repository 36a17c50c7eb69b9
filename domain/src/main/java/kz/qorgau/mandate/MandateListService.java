package kz.qorgau.mandate;

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
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The list of court decisions across cases: the decisions on every case the caller reads (a court the cases brought
 * before it, police their region's, who enforce the requirements, a social worker her organisation's, a supervisor her
 * region's), so exactly the decisions her case pages show. Pages and exports are audited, never with the filter.
 */
@ApplicationScoped
@Transactional
@Audited
public class MandateListService {

    /** How the list is named in the audit trail. */
    public static final String LIST = "CourtMandateList";

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    Cursor cursor;

    @Inject
    AuditTrail audit;

    public boolean available(Caller caller) {
        return AccessPolicy.scope(caller, CaseAction.READ).isPresent();
    }

    public List<MandateListRow> page(Caller caller, MandateListFilter filter, ListPage page) {
        List<MandateListRow> rows = new MandateListSql(scope(caller), filter).page(page).rows(em, MandateListService::row);
        if (!rows.isEmpty()) {
            audit.record(caller, AuditAction.READ, LIST, null, null, "first=" + page.first() + " rows=" + rows.size());
        }
        return rows;
    }

    public long count(Caller caller, MandateListFilter filter) {
        return new MandateListSql(scope(caller), filter).count().count(em);
    }

    /** Every decision of the filtered list, streamed to {@code sink}; audited with the format and how many rows left. */
    public long export(Caller caller, MandateListFilter filter, String format, Consumer<MandateListRow> sink) {
        long rows = cursor.each(new MandateListSql(scope(caller), filter).export(), MandateListService::row, sink);
        audit.record(caller, AuditAction.EXPORT, LIST, null, null, format + " rows=" + rows);
        return rows;
    }

    /** Where the caller reads cases; one who reads none has no such list (an analyst, a provider, an administrator). */
    private static CaseScope scope(Caller caller) {
        return AccessPolicy.scope(caller, CaseAction.READ).orElseThrow(AccessDeniedException::new);
    }

    private static MandateListRow row(Object[] r) {
        Set<MandateMeasure> measures = EnumSet.noneOf(MandateMeasure.class);
        if (r[7] != null) {
            Arrays.stream(((String) r[7]).split(",")).map(MandateMeasure::valueOf).forEach(measures::add);
        }
        if (r[8] != null) {
            measures.add(MandateMeasure.POLICE_REPORTS);
        }
        if (r[9] != null) {
            measures.add(MandateMeasure.EVICTION);
        }
        Integer required = r[12] == null ? null : ((Number) r[12]).intValue();
        Integer attended = required == null ? null : ((Number) r[13]).intValue();
        CourseOutcome outcome = null;
        if (required != null) {
            measures.add(MandateMeasure.PSYCHOCORRECTION);
            outcome = CourseOutcome.of(r[14] == null ? null : CourseReportKind.valueOf((String) r[14]), attended, required);
        }
        return new MandateListRow(((Number) r[0]).longValue(), (String) r[1], (String) r[2], (String) r[3],
                Columns.day(r[4]), Columns.day(r[5]), Columns.day(r[6]), measures,
                r[8] == null ? null : ((Number) r[8]).intValue(), Columns.day(r[9]), Columns.day(r[10]), (String) r[11],
                required, attended, outcome);
    }

    private static MandateListRow row(ResultSet r) throws SQLException {
        Object[] values = new Object[15];
        for (int i = 0; i < values.length; i++) {
            values[i] = r.getObject(i + 1);
        }
        return row(values);
    }
}
