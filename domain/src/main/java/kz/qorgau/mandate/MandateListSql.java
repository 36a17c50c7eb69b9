package kz.qorgau.mandate;

import kz.qorgau.casefile.CaseScope;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.persistence.NativeQuery;

import java.sql.Date;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the list of court decisions: the decisions on the cases of the reader's partition, narrowed by the
 * filter, latest decision first. A course's outcome is derived as {@link CourseOutcome#of} derives it. Pure.
 */
public final class MandateListSql {

    private static final String ATTENDED = "(select count(*) from psychocorrection_session s"
            + " where s.psychocorrection_course_id = k.id and s.attendance = 'ATTENDED')";

    private static final String COLUMNS = "m.id, c.number, m.court_code, m.decision_number, m.decision_date, m.start_date,"
            + " m.end_date, (select string_agg(q.requirement, ',') from court_mandate_requirement q where q.court_mandate_id = m.id),"
            + " m.police_reports_per_month, m.eviction_from, m.eviction_to, k.provider_code, k.sessions_required, "
            + ATTENDED + ", k.report_kind";

    private final CaseScope scope;
    private final MandateListFilter filter;

    public MandateListSql(CaseScope scope, MandateListFilter filter) {
        this.scope = scope;
        this.filter = filter;
    }

    public NativeQuery page(ListPage page) {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        String from = from(p);
        return p.of("select " + COLUMNS + from + " order by m.decision_date desc, m.id desc offset " + p.add(page.first())
                + " limit " + p.add(page.size()));
    }

    public NativeQuery count() {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        return p.of("select count(*)" + from(p));
    }

    public NativeQuery export() {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        String from = from(p);
        return p.of("select " + COLUMNS + from + " order by m.decision_date desc, m.id desc");
    }

    private String from(NativeQuery.Parameters p) {
        StringBuilder sql = new StringBuilder(" from court_mandate m join case_file c on c.id = m.case_file_id"
                + " left join psychocorrection_course k on k.court_mandate_id = m.id where ");
        sql.append(scope.sqlCondition(p.next()));
        p.addAll(scope.sqlParameters());
        filter.decided().start().ifPresent(d -> sql.append(" and m.decision_date >= ").append(p.add(Date.valueOf(d))));
        filter.decided().end().ifPresent(d -> sql.append(" and m.decision_date <= ").append(p.add(Date.valueOf(d))));
        if (!filter.measures().isEmpty()) {
            List<String> any = new ArrayList<>();
            List<String> prohibitions = new ArrayList<>();
            for (MandateMeasure measure : MandateMeasure.values()) {
                if (!filter.measures().contains(measure)) {
                    continue;
                }
                switch (measure) {
                    case NO_CONTACT, NO_WEAPONS, NO_ALCOHOL_OR_DRUGS -> prohibitions.add(p.add(measure.name()));
                    case POLICE_REPORTS -> any.add("m.police_reports_per_month is not null");
                    case EVICTION -> any.add("m.eviction_from is not null");
                    case PSYCHOCORRECTION -> any.add("k.id is not null");
                }
            }
            if (!prohibitions.isEmpty()) {
                any.add("exists (select 1 from court_mandate_requirement q where q.court_mandate_id = m.id and q.requirement in ("
                        + String.join(", ", prohibitions) + "))");
            }
            sql.append(" and (").append(String.join(" or ", any)).append(')');
        }
        if (!filter.outcomes().isEmpty()) {
            List<String> any = new ArrayList<>();
            for (CourseOutcome outcome : CourseOutcome.values()) {
                if (filter.outcomes().contains(outcome)) {
                    any.add(switch (outcome) {
                        case NON_COMPLIANT -> "k.report_kind = 'NON_COMPLIANCE'";
                        case COMPLETED -> "(k.report_kind is distinct from 'NON_COMPLIANCE' and " + ATTENDED + " >= k.sessions_required)";
                        case IN_PROGRESS -> "(k.report_kind is distinct from 'NON_COMPLIANCE' and " + ATTENDED + " < k.sessions_required)";
                    });
                }
            }
            sql.append(" and k.id is not null and (").append(String.join(" or ", any)).append(')');
        }
        return sql.toString();
    }
}
