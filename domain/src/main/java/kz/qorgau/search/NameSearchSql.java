package kz.qorgau.search;

import kz.qorgau.casefile.CaseListSql.Statement;
import kz.qorgau.casefile.CaseScope;

import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of a search by name within a partition, written for the index of V45: the keys asked are scoped by the
 * partition in the query itself ({@code search_partition_keys}), so that the index reads only the posting lists of
 * that organisation's or region's words. A social worker's cases assigned to her by name are few, found by their own
 * B-tree and their keys checked row by row.
 *
 * <p>Pure: it builds text and parameters, so that the benchmark asks PostgreSQL exactly what the application asks.
 */
public final class NameSearchSql {

    static final String COLUMNS = "c.number, v.family_name, v.given_name, v.patronymic, v.birth_date, c.status, c.region_code";
    private static final String SCOPED = "search_scoped_keys(s.organisation_code, s.region_code, s.search_keys)";

    private NameSearchSql() {
    }

    /**
     * Cases whose name has every key of {@code keys} (space separated) and, when {@code except} is given, not all of
     * those: at most {@code limit}, the most recently active first.
     */
    public static Statement byKeys(CaseScope scope, String keys, String except, int limit) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(keys);
        String not = "";
        if (except != null) {
            parameters.add(except);
            not = " and not s.search_keys @> string_to_array(?2, ' ')";
        }
        int next = parameters.size() + 1;
        String where = switch (scope.partition()) {
            case ORGANISATION -> {
                parameters.add(scope.code());
                parameters.add(scope.username());
                yield "(" + SCOPED + " @> search_partition_keys('o', ?" + next + ", string_to_array(?1, ' '))" + not
                        + ") or (s.assigned_to = ?" + (next + 1) + " and s.search_keys @> string_to_array(?1, ' ')" + not + ")";
            }
            case REGION -> {
                parameters.add(scope.code());
                yield SCOPED + " @> search_partition_keys('r', ?" + next + ", string_to_array(?1, ' '))" + not;
            }
            case COURT -> {
                parameters.add(scope.code());
                yield "s.case_file_id in (select b.case_file_id from court_submission b where b.court_code = ?" + next
                        + ") and s.search_keys @> string_to_array(?1, ' ')" + not;
            }
        };
        return new Statement("""
                select %s
                from (select s.case_file_id from case_search s where %s limit %d) s
                join case_file c on c.id = s.case_file_id join person v on v.id = c.victim_id
                order by c.last_activity_at desc, c.id desc""".formatted(COLUMNS, where, limit), parameters);
    }
}
