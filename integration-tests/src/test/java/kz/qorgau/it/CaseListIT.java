package kz.qorgau.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.CaseListCount;
import kz.qorgau.casefile.CaseListFilter;
import kz.qorgau.casefile.CaseListPreferences;
import kz.qorgau.casefile.CaseListQuery;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.casefile.CaseSummary;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.deadline.Deadline;
import kz.qorgau.deadline.DeadlineKind;
import kz.qorgau.deadline.DeadlineService;
import kz.qorgau.mandate.Attendance;
import kz.qorgau.mandate.MandateService;
import kz.qorgau.mandate.NonComplianceReason;
import kz.qorgau.mandate.Requirement;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.staff.StaffDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Case list filters inside Payara Micro against PostgreSQL: each filter finds exactly the cases made for it, the
 * partition holds under every filter (a social worker sees her organisation's cases and those assigned to her, never
 * more), the count agrees with the list, and a user's filter is kept for her alone.
 */
@ExtendWith(ArquillianExtension.class)
class CaseListIT {

    @Deployment
    static WebArchive deployment() throws Exception {
        return CaseServicesIT.deployment().addClasses(CaseListIT.class, TestClock.class);
    }

    @Inject
    CaseFileService cases;

    @Inject
    CaseWorkService work;

    @Inject
    StaffDirectory staff;

    @Inject
    CaseListPreferences preferences;

    @Inject
    DeadlineService deadlines;

    @Inject
    ReferralService referrals;

    @Inject
    ProtectionService protection;

    @Inject
    MandateService mandates;

    @Resource(lookup = "java:app/jdbc/qorgau")
    DataSource database;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void eachFilterFindsExactlyItsCasesAndNeverWidensThePartition() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        // a social worker of another organisation of Almaty, known to the staff directory so that she can be assigned;
        // not of ALM-FSC, whose social worker the browser tests pick from the supervisor's menu
        Caller worker = CaseServicesIT.worker("lists-" + suffix, "ALM-SPD", "ALM");
        staff.signedIn(worker, "Тестовая Списков " + suffix);
        String name = "Тестова-Фильтр-" + suffix;

        // a case quiet for 60 days: her only case with something due (inactivity)
        LocalDate longAgo = LocalDate.now(Clocks.KAZAKHSTAN).minusDays(60);
        TestClock.set(longAgo);
        String quiet = open(name + "-В", CaseKind.DOMESTIC_VIOLENCE, RiskLevel.LOW, longAgo);
        assign(quiet, worker);
        TestClock.reset();

        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);
        String active = open(name + "-А", CaseKind.DOMESTIC_VIOLENCE, RiskLevel.HIGH, today);
        work.activate(CaseServicesIT.AIGERIM, active, work.details(CaseServicesIT.AIGERIM, active).version());
        assign(active, worker);
        String trafficking = open(name + "-Т", CaseKind.TRAFFICKING, RiskLevel.HIGH, today);
        assign(trafficking, worker);
        String notAssigned = open(name + "-Н", CaseKind.DOMESTIC_VIOLENCE, RiskLevel.HIGH, today);

        CaseListFilter hers = CaseListFilter.assignedTo(worker.username());
        assertEquals(Set.of(active, trafficking, quiet), numbers(worker, hers));
        assertEquals(new CaseListCount(3, true), cases.count(worker, hers));
        assertEquals(Set.of(trafficking), numbers(worker, hers.withKinds(Set.of(CaseKind.TRAFFICKING))));
        assertEquals(Set.of(active, trafficking), numbers(worker, hers.withRisks(Set.of(RiskLevel.HIGH, RiskLevel.SEVERE))));
        assertEquals(Set.of(active), numbers(worker, hers.withStatuses(Set.of(CaseStatus.ACTIVE))));
        assertEquals(Set.of(trafficking, quiet), numbers(worker, hers.withStatuses(Set.of(CaseStatus.OPEN))));
        assertEquals(Set.of(quiet), numbers(worker, hers.withDeadline(true)));
        assertEquals(new CaseListCount(1, true), cases.count(worker, hers.withDeadline(true)));
        assertEquals(Set.of(), numbers(worker, hers.withKinds(Set.of(CaseKind.TRAFFICKING)).withRisks(Set.of(RiskLevel.LOW))));
        assertTrue(deadlines.forCaller(worker).stream().anyMatch(d -> d.kind() == DeadlineKind.CASE_INACTIVE && d.caseNumber().equals(quiet)),
                "the start page lists the same case as due");

        // her whole list: her organisation's cases and the three assigned to her, never aigerim's unassigned one
        Set<String> all = numbers(worker, CaseListFilter.NONE);
        assertTrue(all.containsAll(Set.of(active, trafficking, quiet)), all.toString());
        assertFalse(all.contains(notAssigned));
        for (String number : all) {
            var details = work.details(CaseServicesIT.NURLAN, number);
            assertTrue("ALM-SPD".equals(details.organisationCode()) || worker.username().equals(details.assignedTo()),
                    number + " is neither her organisation's nor assigned to her");
        }
        assertEquals(all.size(), cases.count(worker, CaseListFilter.NONE).value(), "the count agrees with the list");
        Set<String> unassigned = numbers(worker, CaseListFilter.NONE.withAssignee(CaseListFilter.Assignment.NOBODY, null));
        assertFalse(unassigned.contains(notAssigned), "a filter for unassigned cases does not reach into another organisation");
        assertTrue(unassigned.stream().noneMatch(Set.of(active, trafficking, quiet)::contains));

        // the owning organisation finds them by the same filter, another organisation and region does not
        assertEquals(Set.of(active, trafficking, quiet), numbers(CaseServicesIT.AIGERIM, hers));
        assertTrue(numbers(CaseServicesIT.AIGERIM, CaseListFilter.NONE.withAssignee(CaseListFilter.Assignment.NOBODY, null)
                .withRisks(Set.of(RiskLevel.HIGH))).contains(notAssigned));
        assertEquals(Set.of(), numbers(CaseServicesIT.DANA, hers), "a filter never widens Astana's partition");
        assertEquals(CaseListCount.ZERO, cases.count(CaseServicesIT.DANA, hers));
        assertEquals(Set.of(active, trafficking), numbers(CaseServicesIT.NURLAN, hers.withRisks(Set.of(RiskLevel.HIGH))),
                "the region's supervisor, with two filters");
        assertEquals(Set.of(), numbers(CaseServicesIT.GUEST, CaseListFilter.NONE));
    }

    /**
     * "Has a deadline" follows the records as they change — a referral sent and answered, an order expiring and revoked,
     * a missed session and its report — and after every change lists exactly the cases the start page lists as due.
     */
    @Test
    void hasADeadlineFollowsTheRecordsAndAgreesWithTheStartPage() throws SQLException {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        Caller worker = CaseServicesIT.worker("due-" + suffix, "ALM-SPD", "ALM");
        staff.signedIn(worker, "Тестовая Сроков " + suffix);
        CaseListFilter hers = CaseListFilter.assignedTo(worker.username());
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);

        // 25 days ago: a case with an order issued that day (in force for 30 days: it expires in four days, within the
        // week's warning); ten days ago a referral sent to an NGO, never answered (overdue after three days)
        TestClock.set(today.minusDays(25));
        String due = open("Тестова-Срок-" + suffix, CaseKind.DOMESTIC_VIOLENCE, RiskLevel.HIGH, today.minusDays(25));
        assign(due, worker);
        Long order = protection.issue(CaseServicesIT.POLICE, due, "ЗП-" + System.nanoTime(), today.minusDays(25),
                new Perpetrator("Примеров", "Ерлан", null, today.minusYears(30)), Set.of(Prohibition.NO_VIOLENCE));
        TestClock.set(today.minusDays(10));
        work.giveConsent(CaseServicesIT.AIGERIM, due, work.details(CaseServicesIT.AIGERIM, due).version(), ConsentScope.DISCLOSURE,
                today.minusDays(10));
        Long referral = referrals.propose(CaseServicesIT.AIGERIM, due, SpecialSocialService.PSYCHOLOGICAL, "ALM-NGO");
        referrals.send(CaseServicesIT.AIGERIM, referral, referralVersion(due, referral));
        TestClock.reset();
        String calm = open("Тестова-Спокойная-" + suffix, CaseKind.DOMESTIC_VIOLENCE, RiskLevel.LOW, today);
        assign(calm, worker);
        Set<String> ours = Set.of(due, calm);

        assertEquals(Set.of(due), numbers(worker, hers.withDeadline(true)));
        assertEquals(new CaseListCount(1, true), cases.count(worker, hers.withDeadline(true)));
        assertTrue(waitingSince(due) != null, "the case carries its waiting referral");
        assertEquals(Set.of(DeadlineKind.ORDER_EXPIRING, DeadlineKind.REFERRAL_UNANSWERED), kinds(due));
        assertAgree(ours, hers);

        // the NGO answers: the referral is no longer due, the order still is
        referrals.accept(CaseServicesIT.MADINA, referral, referralVersion(due, referral));
        assertEquals(null, waitingSince(due), "an answered referral leaves the case");
        assertEquals(Set.of(due), numbers(worker, hers.withDeadline(true)));
        assertEquals(Set.of(DeadlineKind.ORDER_EXPIRING), kinds(due));
        assertAgree(ours, hers);

        // the order revoked: nothing is due any more
        protection.revoke(CaseServicesIT.POLICE, order, protection.ofCase(CaseServicesIT.POLICE, due).get(0).version(), today,
                "Тестовая отмена");
        assertEquals(Set.of(), numbers(worker, hers.withDeadline(true)));
        assertEquals(CaseListCount.ZERO, cases.count(worker, hers.withDeadline(true)));
        assertEquals(Set.of(), kinds(due));
        assertAgree(ours, hers);

        // a court's psychocorrection course with a missed session makes it due again, the course's report ends that
        work.bringBeforeCourt(CaseServicesIT.POLICE, due, "ALM-CRT");
        Long mandate = mandates.record(CaseServicesIT.ALIYA, due, new MandateService.Decision("2-" + System.nanoTime(), today, today,
                today.plusMonths(6).minusDays(1), Set.of(Requirement.NO_CONTACT), 2, null, null, null, "ALM-HC", 10));
        assertFalse(sessionsMissed(due));
        mandates.recordSession(CaseServicesIT.ALIYA, mandate, mandateVersion(due), today, Attendance.ATTENDED);
        assertFalse(sessionsMissed(due), "an attended session is no deadline");
        assertEquals(Set.of(), numbers(worker, hers.withDeadline(true)));
        mandates.recordSession(CaseServicesIT.ALIYA, mandate, mandateVersion(due), today, Attendance.MISSED);
        assertTrue(sessionsMissed(due));
        assertEquals(Set.of(due), numbers(worker, hers.withDeadline(true)));
        assertEquals(Set.of(DeadlineKind.SESSIONS_MISSED), kinds(due));
        assertAgree(ours, hers);
        mandates.reportNonCompliance(CaseServicesIT.ALIYA, mandate, mandateVersion(due), today, NonComplianceReason.MISSED_SESSIONS);
        assertFalse(sessionsMissed(due), "a reported course leaves the case");
        assertEquals(Set.of(), numbers(worker, hers.withDeadline(true)));
        assertAgree(ours, hers);
    }

    /** The list's "has a deadline" and the start page name the same of these cases, for aigerim, whose cases they are. */
    private void assertAgree(Set<String> ours, CaseListFilter hers) {
        Set<String> listed = numbers(CaseServicesIT.AIGERIM, hers.withDeadline(true));
        Set<String> started = deadlines.forCaller(CaseServicesIT.AIGERIM).stream().map(Deadline::caseNumber)
                .filter(ours::contains).collect(Collectors.toSet());
        assertEquals(started, listed, "the list's filter and the start page agree");
    }

    private Set<DeadlineKind> kinds(String number) {
        return deadlines.forCaller(CaseServicesIT.AIGERIM).stream().filter(d -> d.caseNumber().equals(number))
                .map(Deadline::kind).collect(Collectors.toSet());
    }

    private long referralVersion(String number, Long referral) {
        return referrals.ofCase(CaseServicesIT.AIGERIM, number).stream().filter(r -> r.id().equals(referral)).findFirst()
                .orElseThrow().version();
    }

    private long mandateVersion(String number) {
        return mandates.ofCase(CaseServicesIT.ALIYA, number).get(0).version();
    }

    private java.sql.Timestamp waitingSince(String number) throws SQLException {
        return (java.sql.Timestamp) column(number, "referral_waiting_since");
    }

    private boolean sessionsMissed(String number) throws SQLException {
        return (Boolean) column(number, "sessions_missed_unreported");
    }

    /** What the case carries (V36), read as the database keeps it. */
    private Object column(String number, String column) throws SQLException {
        try (Connection c = database.getConnection();
             PreparedStatement ps = c.prepareStatement("select " + column + " from case_file where number = ?")) {
            ps.setString(1, number);
            try (ResultSet rs = ps.executeQuery()) {
                assertTrue(rs.next(), number);
                return rs.getObject(1);
            }
        }
    }

    @Test
    void aFilterIsKeptForItsUserAlone() {
        Caller worker = CaseServicesIT.worker("lists-pref-" + UUID.randomUUID().toString().substring(0, 8), "ALM-CC", "ALM");
        assertEquals(CaseListFilter.NONE, preferences.of(worker), "nothing remembered before she chooses");
        CaseListFilter chosen = CaseListFilter.NONE.withStatuses(Set.of(CaseStatus.OPEN, CaseStatus.REOPENED))
                .withKinds(Set.of(CaseKind.TRAFFICKING)).withRisks(Set.of(RiskLevel.SEVERE))
                .withAssignee(CaseListFilter.Assignment.WORKER, "zhanar").withDeadline(true);
        preferences.remember(worker, chosen);
        assertEquals(chosen, preferences.of(worker));

        CaseListFilter changed = CaseListFilter.NONE.withAssignee(CaseListFilter.Assignment.NOBODY, null);
        preferences.remember(worker, changed);
        assertEquals(changed, preferences.of(worker), "the last choice wins");
        assertNotEquals(changed, preferences.of(CaseServicesIT.DANA));
    }

    private String open(String familyName, CaseKind kind, RiskLevel risk, LocalDate on) {
        NewCaseFile form = CaseServicesIT.intake(familyName, "ALM");
        form.setKind(kind);
        form.setIncidentDate(on.minusDays(1));
        String number = cases.open(CaseServicesIT.AIGERIM, form).toString();
        work.assessRisk(CaseServicesIT.AIGERIM, number, work.details(CaseServicesIT.AIGERIM, number).version(), risk, on);
        return number;
    }

    private void assign(String number, Caller worker) {
        work.assign(CaseServicesIT.NURLAN, number, work.details(CaseServicesIT.NURLAN, number).version(), worker.username());
    }

    /** Every case of the filtered list, page by page as the list pages, checking that no case is listed twice. */
    private Set<String> numbers(Caller caller, CaseListFilter filter) {
        Set<String> found = new HashSet<>();
        for (int first = 0; ; first += 50) {
            List<CaseSummary> page = cases.list(caller, new CaseListQuery(first, 50, CaseListQuery.SortBy.LAST_ACTIVITY, false), filter);
            for (CaseSummary c : page) {
                assertTrue(found.add(c.number()), c.number() + " listed twice");
            }
            if (page.size() < 50 || first > 5000) {
                return found.stream().collect(Collectors.toSet());
            }
        }
    }
}
