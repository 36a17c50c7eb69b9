package kz.qorgau.casefile;

import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseListSqlTest {

    private static final CaseScope AIGERIM = new CaseScope(CaseScope.Partition.ORGANISATION, "ALM-CC", "aigerim");
    private static final CaseScope ALMATY = new CaseScope(CaseScope.Partition.REGION, "ALM");
    private static final CaseScope COURT = new CaseScope(CaseScope.Partition.COURT, "ALM-CRT");
    private static final DueWindow DUE = new DueWindow(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 8),
            Instant.parse("2026-11-27T19:00:00Z"), Instant.parse("2026-10-31T19:00:00Z"), true);

    @Test
    void aSocialWorkersPartitionIsAUnionOfTwoIndexScansNeverAnOr() {
        CaseListSql.Statement page = new CaseListSql(AIGERIM, CaseListFilter.NONE, DUE).page(CaseListQuery.firstPage(25));

        assertThat(page.sql()).doesNotContainIgnoringCase(" or ")
                .contains("where c.organisation_code = ?1 order by c.last_activity_at desc, c.id desc limit ?3")
                .contains("union all")
                // the assigned cases of other organisations only, so that no case is listed twice
                .contains("where c.assigned_to = ?2 and c.organisation_code <> ?1 order by c.last_activity_at desc, c.id desc limit ?4")
                .endsWith("order by p.k0 desc, p.id desc\noffset ?5 limit ?6");
        assertThat(page.parameters()).containsExactly("ALM-CC", "aigerim", 25, 25, 0, 25);
    }

    @Test
    void eachBranchReachesAsFarAsTheRequestedPageAndTheMergeCutsIt() {
        CaseListSql.Statement page = new CaseListSql(AIGERIM, CaseListFilter.NONE, DUE)
                .page(new CaseListQuery(50, 25, CaseListQuery.SortBy.OPENED_AT, true));

        assertThat(page.sql()).contains("select c.id, c.opened_at as k0 from case_file c")
                .contains("order by c.opened_at asc, c.id asc limit ?3")
                .contains("order by p.k0 asc, p.id asc");
        assertThat(page.parameters()).containsExactly("ALM-CC", "aigerim", 75, 75, 50, 25);
    }

    @Test
    void sortingByVictimJoinsHerInEachBranch() {
        CaseListSql.Statement page = new CaseListSql(ALMATY, CaseListFilter.NONE, DUE)
                .page(new CaseListQuery(0, 10, CaseListQuery.SortBy.VICTIM, true));

        assertThat(page.sql()).contains("(select c.id, v.family_name as k0, v.given_name as k1 from case_file c join person v on v.id = c.victim_id where c.region_code = ?1")
                .contains("order by p.k0 asc, p.k1 asc, p.id asc")
                .doesNotContain("union");
    }

    @Test
    void filtersAreConditionsOnTheIndexedColumnsRepeatedInEachBranch() {
        CaseListFilter filter = CaseListFilter.assignedTo("zhanar")
                .withStatuses(Set.of(CaseStatus.OPEN, CaseStatus.ACTIVE))
                .withKinds(Set.of(CaseKind.TRAFFICKING))
                .withRisks(Set.of(RiskLevel.SEVERE, RiskLevel.HIGH));
        CaseListSql.Statement page = new CaseListSql(AIGERIM, filter, DUE).page(CaseListQuery.firstPage(25));

        assertThat(page.sql()).contains("where c.organisation_code = ?1 and c.status in (?3, ?4) and c.kind in (?5)"
                + " and c.risk_level in (?6, ?7) and c.assigned_to = ?8 order by")
                .contains("where c.assigned_to = ?2 and c.organisation_code <> ?1 and c.status in (?10, ?11) and c.kind in (?12)"
                        + " and c.risk_level in (?13, ?14) and c.assigned_to = ?15 order by");
        assertThat(page.parameters()).containsExactly("ALM-CC", "aigerim",
                "ACTIVE", "OPEN", "TRAFFICKING", "HIGH", "SEVERE", "zhanar", 25,
                "ACTIVE", "OPEN", "TRAFFICKING", "HIGH", "SEVERE", "zhanar", 25, 0, 25);
    }

    @Test
    void notAssignedIsANullTest() {
        CaseListFilter filter = CaseListFilter.NONE.withAssignee(CaseListFilter.Assignment.NOBODY, null);
        assertThat(new CaseListSql(ALMATY, filter, DUE).rows().sql())
                .isEqualTo("select 1 from case_file c where c.region_code = ?1 and c.assigned_to is null");
    }

    @Test
    void hasADeadlineReadsOpenDeadlinesFromTheCaseAndDatedOnesOnceAndInactivityOnlyForThoseWhoRunCases() {
        CaseListFilter filter = CaseListFilter.NONE.withDeadline(true);
        CaseListSql.Statement worker = new CaseListSql(AIGERIM, filter, DUE).page(CaseListQuery.firstPage(25));
        assertThat(worker.sql()).startsWith("with ending as materialized (")
                .contains("select o.case_file_id as id from protective_order o where o.revoked_on is null and o.valid_until between ?1 and ?2")
                .contains("select m.case_file_id from court_mandate m where m.end_date between ?3 and ?4)")
                .doesNotContain("service_referral").doesNotContain("psychocorrection")
                .contains("where c.organisation_code = ?5 and (c.referral_waiting_since < ?7 or c.sessions_missed_unreported"
                        + " or c.id in (select e.id from ending e) or (c.status <> 'CLOSED' and c.last_activity_at < ?8))")
                .contains("where c.assigned_to = ?6 and c.organisation_code <> ?5 and (c.referral_waiting_since < ?10"
                        + " or c.sessions_missed_unreported or c.id in (select e.id from ending e)"
                        + " or (c.status <> 'CLOSED' and c.last_activity_at < ?11))");
        assertThat(worker.sql().split("from protective_order", -1)).as("read once for both branches").hasSize(2);
        assertThat(worker.parameters().subList(0, 4)).containsExactly(
                java.sql.Date.valueOf(DUE.today()), java.sql.Date.valueOf(DUE.horizon()),
                java.sql.Date.valueOf(DUE.today()), java.sql.Date.valueOf(DUE.horizon()));
        assertThat(worker.parameters().get(6)).isEqualTo(Timestamp.from(DUE.referralsSentBefore()));
        assertThat(worker.parameters().get(7)).isEqualTo(Timestamp.from(DUE.quietSince()));

        DueWindow police = new DueWindow(DUE.today(), DUE.horizon(), DUE.referralsSentBefore(), DUE.quietSince(), false);
        assertThat(new CaseListSql(ALMATY, filter, police).rows().sql()).doesNotContain("last_activity_at")
                .endsWith("select 1 from case_file c where c.region_code = ?5 and (c.referral_waiting_since < ?6"
                        + " or c.sessions_missed_unreported or c.id in (select e.id from ending e))");
        assertThat(new CaseListSql(ALMATY, CaseListFilter.NONE, DUE).rows().sql()).doesNotContain("ending")
                .doesNotContain("referral_waiting_since");
    }

    @Test
    void theWindowOfADayComesFromTheTermsInForceThatDay() {
        DueWindow window = DueWindow.on(LocalDate.of(2026, 12, 1), true);
        assertThat(window.horizon()).isEqualTo(LocalDate.of(2026, 12, 8));
        // sent on 27 November with three days to answer, a referral is overdue on 1 December; sent on the 28th, not yet
        assertThat(window.referralsSentBefore()).isEqualTo(java.time.OffsetDateTime.parse("2026-11-28T00:00+05:00").toInstant());
        assertThat(window.quietSince()).isEqualTo(java.time.OffsetDateTime.parse("2026-11-01T00:00+05:00").toInstant());
        assertThat(window.inactivityCounts()).isTrue();
    }

    @Test
    void theCountStopsAtItsLimitAndReadsNoPerson() {
        CaseListSql.Statement count = new CaseListSql(AIGERIM, CaseListFilter.NONE, DUE).countUpTo(10_001);
        assertThat(count.sql()).isEqualTo("select count(*) from (select 1 from case_file c where c.organisation_code = ?1"
                + " union all select 1 from case_file c where c.assigned_to = ?2 and c.organisation_code <> ?1 limit ?3) x");
        assertThat(count.parameters()).containsExactly("ALM-CC", "aigerim", 10_001L);
    }

    @Test
    void aCourtReadsTheCasesBroughtBeforeIt() {
        assertThat(new CaseListSql(COURT, CaseListFilter.NONE, DUE).rows().sql())
                .isEqualTo("select 1 from case_file c where c.id in (select s.case_file_id from court_submission s where s.court_code = ?1)");
    }

    @Test
    void aFilterOfEveryValueIsNoFilterAndAWorkerMustBeNamed() {
        assertThat(CaseListFilter.NONE.withKinds(Set.of(CaseKind.values())).isEmpty()).isTrue();
        assertThatThrownBy(() -> CaseListFilter.NONE.withAssignee(CaseListFilter.Assignment.WORKER, " "))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseListFilter.NONE.withAssignee(CaseListFilter.Assignment.NOBODY, "zhanar"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void rememberedCodesSurviveARenamedValue() {
        assertThat(CaseListPreferences.codes(Set.of(CaseStatus.REOPENED, CaseStatus.ACTIVE))).isEqualTo("ACTIVE,REOPENED");
        assertThat(CaseListPreferences.parse("ACTIVE, GONE,REOPENED", CaseStatus.class))
                .containsExactlyInAnyOrder(CaseStatus.ACTIVE, CaseStatus.REOPENED);
        assertThat(CaseListPreferences.parse("", CaseStatus.class)).isEmpty();
    }
}
