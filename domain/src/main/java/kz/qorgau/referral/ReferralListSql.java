package kz.qorgau.referral;

import kz.qorgau.access.AccessPolicy;
import kz.qorgau.casefile.CaseScope;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.ListPage;
import kz.qorgau.shared.persistence.NativeQuery;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The SQL of the list of referrals: those of the cases in the reader's partition, and those sent to her organisation
 * when she provides services (never a draft it has not received: {@link AccessPolicy#addressedToSql}), narrowed by
 * the filter, newest first. Pure.
 */
public final class ReferralListSql {

    private static final String COLUMNS = "r.id, r.version, c.number, r.service_type, r.from_organisation_code,"
            + " r.to_organisation_code, r.status, r.created_at, r.sent_at, r.decline_reason,"
            + " (select coalesce(sum(d.hours), 0) from service_delivery d where d.referral_id = r.id),"
            + " v.family_name, v.given_name, v.birth_date, v.estimated_age, v.age_estimated_on";

    private final Optional<CaseScope> cases;
    private final Optional<String> provider;
    private final ReferralListFilter filter;

    /** The cases whose referrals she reads, and the organisation she answers referrals for; at least one. */
    public ReferralListSql(Optional<CaseScope> cases, Optional<String> provider, ReferralListFilter filter) {
        if (cases.isEmpty() && provider.isEmpty()) {
            throw new IllegalArgumentException("a list of referrals needs a partition");
        }
        this.cases = cases;
        this.provider = provider;
        this.filter = filter;
    }

    public NativeQuery page(ListPage page) {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        String from = from(p);
        return p.of("select " + COLUMNS + from + " order by r.created_at desc, r.id desc offset " + p.add(page.first())
                + " limit " + p.add(page.size()));
    }

    public NativeQuery count() {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        return p.of("select count(*) from service_referral r join case_file c on c.id = r.case_file_id where " + where(p));
    }

    public NativeQuery export() {
        NativeQuery.Parameters p = new NativeQuery.Parameters();
        String from = from(p);
        return p.of("select " + COLUMNS + from + " order by r.created_at desc, r.id desc");
    }

    private String from(NativeQuery.Parameters p) {
        return " from service_referral r join case_file c on c.id = r.case_file_id join person v on v.id = c.victim_id where "
                + where(p);
    }

    private String where(NativeQuery.Parameters p) {
        List<String> reach = new ArrayList<>();
        cases.ifPresent(scope -> {
            reach.add(scope.sqlCondition(p.next()));
            p.addAll(scope.sqlParameters());
        });
        provider.ifPresent(code -> reach.add(AccessPolicy.addressedToSql(p.add(code))));
        StringBuilder sql = new StringBuilder("(").append(String.join(" or ", reach)).append(')');
        in(sql, p, "r.status", filter.statuses());
        in(sql, p, "r.service_type", filter.services());
        filter.sent().start().ifPresent(d -> sql.append(" and r.sent_at >= ")
                .append(p.add(Timestamp.from(d.atStartOfDay(Clocks.KAZAKHSTAN).toInstant()))));
        filter.sent().end().ifPresent(d -> sql.append(" and r.sent_at < ")
                .append(p.add(Timestamp.from(d.plusDays(1).atStartOfDay(Clocks.KAZAKHSTAN).toInstant()))));
        return sql.toString();
    }

    private static void in(StringBuilder sql, NativeQuery.Parameters p, String column, Set<? extends Enum<?>> values) {
        if (values.isEmpty()) {
            return;
        }
        List<String> placeholders = values.stream().map(Enum::name).sorted().map(p::add).toList();
        sql.append(" and ").append(column).append(" in (").append(String.join(", ", placeholders)).append(')');
    }
}
