package kz.qorgau.shared.persistence;

import kz.qorgau.casefile.CaseScope;
import kz.qorgau.mandate.CourseOutcome;
import kz.qorgau.mandate.MandateListFilter;
import kz.qorgau.mandate.MandateListSql;
import kz.qorgau.mandate.MandateMeasure;
import kz.qorgau.protection.OrderListFilter;
import kz.qorgau.protection.OrderListSql;
import kz.qorgau.protection.OrderStatus;
import kz.qorgau.referral.ReferralListFilter;
import kz.qorgau.referral.ReferralListSql;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.DateRange;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.ListPage;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The lists' SQL, for every kind of partition and every filter: each value is bound to exactly one placeholder, so a
 * filter can never shift another's value (a partition's code read as a date, or a status as an organisation).
 */
class ListSqlTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 30);
    private static final List<CaseScope> SCOPES = List.of(new CaseScope(CaseScope.Partition.ORGANISATION, "ALM-CC", "aigerim"),
            new CaseScope(CaseScope.Partition.REGION, "ALM"), new CaseScope(CaseScope.Partition.COURT, "ALM-CRT"));
    private static final DateRange PERIOD = new DateRange(DAY.minusDays(30), DAY);

    @Test
    void everyValueHasItsOwnPlaceholderInEveryList() {
        List<NativeQuery> queries = new ArrayList<>();
        for (CaseScope scope : SCOPES) {
            for (OrderListFilter f : List.of(OrderListFilter.NONE, new OrderListFilter(EnumSet.allOf(OrderStatus.class), PERIOD))) {
                OrderListSql sql = new OrderListSql(scope, f, DAY);
                queries.addAll(List.of(sql.page(new ListPage(25, 25)), sql.count(), sql.export()));
            }
            for (MandateListFilter f : List.of(MandateListFilter.NONE, new MandateListFilter(EnumSet.allOf(MandateMeasure.class),
                    EnumSet.allOf(CourseOutcome.class), PERIOD))) {
                MandateListSql sql = new MandateListSql(scope, f);
                queries.addAll(List.of(sql.page(new ListPage(0, 10)), sql.count(), sql.export()));
            }
            ReferralListFilter all = new ReferralListFilter(EnumSet.allOf(ReferralStatus.class),
                    EnumSet.allOf(SpecialSocialService.class), PERIOD);
            for (Optional<String> provider : List.of(Optional.<String>empty(), Optional.of("ALM-NGO"))) {
                ReferralListSql sql = new ReferralListSql(Optional.of(scope), provider, all);
                queries.addAll(List.of(sql.page(new ListPage(0, 10)), sql.count(), sql.export()));
            }
        }
        ReferralListSql providerOnly = new ReferralListSql(Optional.empty(), Optional.of("ALM-NGO"), ReferralListFilter.NONE);
        queries.add(providerOnly.page(new ListPage(0, 10)));
        for (NativeQuery query : queries) {
            TreeSet<Integer> used = new TreeSet<>();
            Matcher m = Pattern.compile("\\?(\\d+)").matcher(query.sql());
            while (m.find()) {
                used.add(Integer.parseInt(m.group(1)));
            }
            assertThat(used).as(query.sql()).hasSize(query.parameters().size());
            if (!used.isEmpty()) {
                assertThat(used.first()).isEqualTo(1);
                assertThat(used.last()).isEqualTo(query.parameters().size());
            }
        }
        assertThat(providerOnly.page(new ListPage(0, 10)).sql()).contains("r.status <> 'PROPOSED'").doesNotContain("organisation_code = ?1 or");
    }

    @Test
    void aPeriodEndingBeforeItStartsAndAPageTooLargeAreRefused() {
        assertThatThrownBy(() -> new DateRange(DAY, DAY.minusDays(1))).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ListPage(0, 501)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new ListPage(-1, 10)).isInstanceOf(InvalidInputException.class);
    }
}
