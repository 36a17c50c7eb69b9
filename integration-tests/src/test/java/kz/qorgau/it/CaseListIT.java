package kz.qorgau.it;

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
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.deadline.DeadlineKind;
import kz.qorgau.deadline.DeadlineService;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.staff.StaffDirectory;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

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
