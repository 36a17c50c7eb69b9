package kz.qorgau.casefile;

import java.sql.Date;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The SQL of a case list page and of its count, written so that every part of a partition is read through its own
 * index in the list's order. A social worker's partition, her organisation's cases or those assigned to her, is
 * <em>not</em> asked as {@code organisation = ? or assigned_to = ?}: PostgreSQL can read neither index in order for
 * an OR, and collects and sorts the whole organisation for every page. It is a union of two branches instead, each
 * an ordered, limited scan of its index (the second without the organisation's own cases, so that the union needs no
 * de-duplication), merged and cut to the page. The filters are conditions on columns those indexes carry.
 *
 * <p>Pure: it builds text and parameters, nothing else, so that its shape is tested without a database (and the
 * benchmark times exactly the SQL the application sends).
 */
public final class CaseListSql {

    /** Native SQL with positional parameters {@code ?1 … ?n}, in this order. */
    public record Statement(String sql, List<Object> parameters) {
    }

    private final CaseScope scope;
    private final CaseListFilter filter;
    private final DueWindow due;

    public CaseListSql(CaseScope scope, CaseListFilter filter, DueWindow due) {
        this.scope = scope;
        this.filter = filter;
        this.due = due;
    }

    /** The page: id, number, victim's family and given name, region, kind, status, opened at. */
    public Statement page(CaseListQuery query) {
        Params p = new Params();
        String with = dueCases(p);
        List<String> keys = sortKeys(query.sortBy());
        String direction = query.ascending() ? "asc" : "desc";
        boolean victim = query.sortBy() == CaseListQuery.SortBy.VICTIM;
        StringBuilder select = new StringBuilder("c.id");
        StringBuilder order = new StringBuilder();
        StringBuilder outerOrder = new StringBuilder();
        for (int i = 0; i < keys.size(); i++) {
            select.append(", ").append(keys.get(i)).append(" as k").append(i);
            order.append(keys.get(i)).append(' ').append(direction).append(", ");
            outerOrder.append("p.k").append(i).append(' ').append(direction).append(", ");
        }
        // the id as last key keeps pages stable when the sort column has ties
        order.append("c.id ").append(direction);
        outerOrder.append("p.id ").append(direction);
        String from = victim ? "case_file c join person v on v.id = c.victim_id" : "case_file c";
        int reach = query.first() + query.pageSize();
        List<String> branches = new ArrayList<>();
        for (String partition : partitions(p)) {
            branches.add("(select " + select + " from " + from + " where " + partition + filters(p)
                    + " order by " + order + " limit " + p.add(reach) + ")");
        }
        String sql = with + "select c.id, c.number, v.family_name, v.given_name, c.region_code, c.kind, c.status, c.opened_at\n"
                + "from (" + String.join("\n      union all\n      ", branches) + ") p\n"
                + "join case_file c on c.id = p.id\n"
                + "join person v on v.id = c.victim_id\n"
                + "order by " + outerOrder + "\n"
                + "offset " + p.add(query.first()) + " limit " + p.add(query.pageSize());
        return new Statement(sql, p.values);
    }

    /** How many cases, counted no further than {@code limit} (a count that stops early costs only what it counts). */
    public Statement countUpTo(long limit) {
        Params p = new Params();
        String with = dueCases(p);
        String rows = rows(p);
        return new Statement(with + "select count(*) from (" + rows + " limit " + p.add(limit) + ") x", p.values);
    }

    /** Every case of the list, one row each, for the planner to estimate how many there are. */
    public Statement rows() {
        Params p = new Params();
        String with = dueCases(p);
        return new Statement(with + rows(p), p.values);
    }

    /**
     * Every case of the list with what the list shows and who works on it, unordered (an export streams them as
     * PostgreSQL finds them; sorting a million rows first would cost more than writing them).
     */
    public Statement export() {
        Params p = new Params();
        String with = dueCases(p);
        List<String> branches = new ArrayList<>();
        for (String partition : partitions(p)) {
            branches.add("select c.id from case_file c where " + partition + filters(p));
        }
        return new Statement(with + "select c.number, v.family_name, v.given_name, c.region_code, c.kind, c.status,"
                + " c.opened_at, c.assigned_to, c.risk_level from (" + String.join(" union all ", branches) + ") x"
                + " join case_file c on c.id = x.id join person v on v.id = c.victim_id", p.values);
    }

    private String rows(Params p) {
        List<String> branches = new ArrayList<>();
        for (String partition : partitions(p)) {
            branches.add("select 1 from case_file c where " + partition + filters(p));
        }
        return String.join(" union all ", branches);
    }

    private static List<String> sortKeys(CaseListQuery.SortBy sortBy) {
        return switch (sortBy) {
            case NUMBER -> List.of("c.number");
            case VICTIM -> List.of("v.family_name", "v.given_name");
            case REGION -> List.of("c.region_code");
            case STATUS -> List.of("c.status");
            case OPENED_AT -> List.of("c.opened_at");
            case LAST_ACTIVITY -> List.of("c.last_activity_at");
        };
    }

    /** The partition as disjoint conditions, each served by one index. */
    private List<String> partitions(Params p) {
        return switch (scope.partition()) {
            case ORGANISATION -> {
                String organisation = p.add(scope.code());
                String first = "c.organisation_code = " + organisation;
                String second = "c.assigned_to = " + p.add(scope.username()) + " and c.organisation_code <> " + organisation;
                yield List.of(first, second);
            }
            case REGION -> List.of("c.region_code = " + p.add(scope.code()));
            case COURT -> List.of("c.id in (select s.case_file_id from court_submission s where s.court_code = "
                    + p.add(scope.code()) + ")");
        };
    }

    private String filters(Params p) {
        StringBuilder where = new StringBuilder();
        in(where, p, "c.status", filter.statuses());
        in(where, p, "c.kind", filter.kinds());
        in(where, p, "c.risk_level", filter.risks());
        switch (filter.assignment()) {
            case ANY -> {
            }
            case NOBODY -> where.append(" and c.assigned_to is null");
            case WORKER -> where.append(" and c.assigned_to = ").append(p.add(filter.assignee()));
        }
        if (filter.withDeadline()) {
            where.append(" and ").append(due(p));
        }
        return where.toString();
    }

    /**
     * The cases whose order in force expires or whose court measure ends within the window: deadlines with a date, which
     * fall due as days pass and so cannot be kept on the case by a trigger. Read once per statement through their date
     * indexes (a week's worth of endings nationally, a few rows) and shared by both branches, which look a case up in
     * it by hash. Empty text when the filter does not ask for deadlines.
     */
    private String dueCases(Params p) {
        if (!filter.withDeadline()) {
            return "";
        }
        Date today = Date.valueOf(due.today());
        Date horizon = Date.valueOf(due.horizon());
        return "with ending as materialized (\n"
                + "  select o.case_file_id as id from protective_order o where o.revoked_on is null and o.valid_until between "
                + p.add(today) + " and " + p.add(horizon) + "\n"
                + "  union all select m.case_file_id from court_mandate m where m.end_date between " + p.add(today) + " and "
                + p.add(horizon) + ")\n";
    }

    /**
     * A case with something due: an open deadline the case carries (V36: a referral waiting for an answer since before
     * the provider's days ran out, missed psychocorrection sessions not reported), a dated one ending within the window,
     * or — for those who run cases — no activity for too long. All but the dated ones are read from the list's index
     * entry itself.
     */
    private String due(Params p) {
        StringBuilder any = new StringBuilder("(c.referral_waiting_since < ")
                .append(p.add(Timestamp.from(due.referralsSentBefore())))
                .append(" or c.sessions_missed_unreported or c.id in (select e.id from ending e)");
        if (due.inactivityCounts()) {
            any.append(" or (c.status <> 'CLOSED' and c.last_activity_at < ").append(p.add(Timestamp.from(due.quietSince()))).append(')');
        }
        return any.append(')').toString();
    }

    private static void in(StringBuilder where, Params p, String column, Set<? extends Enum<?>> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> placeholders = new ArrayList<>();
        values.stream().map(Enum::name).sorted().forEach(v -> placeholders.add(p.add(v)));
        where.append(" and ").append(column).append(" in (").append(String.join(", ", placeholders)).append(')');
    }

    private static final class Params {
        private final List<Object> values = new ArrayList<>();

        String add(Object value) {
            values.add(value);
            return "?" + values.size();
        }
    }
}
