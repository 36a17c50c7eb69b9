package kz.qorgau.protection;

import kz.qorgau.casefile.CaseScope;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.persistence.NativeQuery;

import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of the list of protective orders: the orders on the cases of the reader's partition (the case's own
 * partition columns, as the case list reads them), narrowed by the filter, newest issue first. An order's status is
 * derived from its dates on {@code today}, as {@link OrderStatus#on} derives it. Pure: text and parameters only.
 */
public final class OrderListSql {

    private static final String COLUMNS = "o.id, c.number, o.order_number, o.issuing_unit_code, o.issue_date, o.valid_until,"
            + " o.revoked_on, (select count(*) from protective_order_violation v where v.protective_order_id = o.id),"
            + " o.perpetrator_family_name, o.perpetrator_given_name";

    private final CaseScope scope;
    private final OrderListFilter filter;
    private final LocalDate today;

    public OrderListSql(CaseScope scope, OrderListFilter filter, LocalDate today) {
        this.scope = scope;
        this.filter = filter;
        this.today = today;
    }

    public NativeQuery page(ListPage page) {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        String from = from(p);
        return p.of("select " + COLUMNS + from + " order by o.issue_date desc, o.id desc offset " + p.add(page.first())
                + " limit " + p.add(page.size()));
    }

    public NativeQuery count() {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        return p.of("select count(*)" + from(p));
    }

    /** Every order of the list in the page's order: a police unit's or a region's orders are thousands, not millions. */
    public NativeQuery export() {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        String from = from(p);
        return p.of("select " + COLUMNS + from + " order by o.issue_date desc, o.id desc");
    }

    private String from(NativeQuery.Parameters p) {
        StringBuilder sql = new StringBuilder(" from protective_order o join case_file c on c.id = o.case_file_id where ");
        sql.append(scope.sqlCondition(p.next()));
        p.addAll(scope.sqlParameters());
        filter.issued().start().ifPresent(d -> sql.append(" and o.issue_date >= ").append(p.add(Date.valueOf(d))));
        filter.issued().end().ifPresent(d -> sql.append(" and o.issue_date <= ").append(p.add(Date.valueOf(d))));
        if (!filter.statuses().isEmpty()) {
            List<String> any = new ArrayList<>();
            String day = p.add(Date.valueOf(today));
            for (OrderStatus status : OrderStatus.values()) {
                if (filter.statuses().contains(status)) {
                    any.add(switch (status) {
                        case REVOKED -> "o.revoked_on <= " + day;
                        case EXPIRED -> "((o.revoked_on is null or o.revoked_on > " + day + ") and o.valid_until < " + day + ")";
                        case ACTIVE -> "((o.revoked_on is null or o.revoked_on > " + day + ") and o.valid_until >= " + day + ")";
                    });
                }
            }
            sql.append(" and (").append(String.join(" or ", any)).append(')');
        }
        return sql.toString();
    }
}
