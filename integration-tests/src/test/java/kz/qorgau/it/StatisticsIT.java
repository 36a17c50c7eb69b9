package kz.qorgau.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.IncidentContext;
import kz.qorgau.casefile.IncidentDetails;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Sex;
import kz.qorgau.mandate.Attendance;
import kz.qorgau.mandate.MandateService;
import kz.qorgau.mandate.NonComplianceReason;
import kz.qorgau.mandate.Requirement;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.protection.ViolationConsequence;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.reference.ReferenceDataAdmin;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Role;
import kz.qorgau.statistics.Area;
import kz.qorgau.statistics.Dimension;
import kz.qorgau.statistics.Disclosure;
import kz.qorgau.statistics.Figure;
import kz.qorgau.statistics.Period;
import kz.qorgau.statistics.Report;
import kz.qorgau.statistics.ReportQueries;
import kz.qorgau.statistics.ReportRequest;
import kz.qorgau.statistics.StatisticsService;
import kz.qorgau.trafficking.ExploitationType;
import kz.qorgau.trafficking.IdentificationStatus;
import kz.qorgau.trafficking.MeansOfControl;
import kz.qorgau.trafficking.RecruitmentType;
import kz.qorgau.trafficking.TraffickingService;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Statistics against hand counts. A fixture of Karaganda region, built through the services on the days it happened
 * (the test clock), holds each case the definitions must get right: citizens and foreigners, a victim served twice
 * in a year, one served in two consecutive years, one with cases in two organisations, one who withdrew her consent
 * to statistics, an estimated age that has advanced, a cell of 3. Karaganda is this test's own: no other test writes
 * there, so its figures are exactly the fixture's.
 */
@ExtendWith(ArquillianExtension.class)
class StatisticsIT {

    static final String REGION = "KAR";
    static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.of("MIN-IT"), Optional.empty());
    static final Caller WORKER_CC = worker("kar-cc", "KAR-CC");
    static final Caller WORKER_FSC = worker("kar-fsc", "KAR-FSC");
    static final Caller NGO = new Caller("kar-ngo", Set.of(Role.NGO), Optional.of("KAR-NGO"), Optional.of(REGION));
    static final Caller NGO2 = new Caller("kar-ngo2", Set.of(Role.NGO), Optional.of("KAR-NGO2"), Optional.of(REGION));
    static final Caller POLICE = new Caller("kar-pol", Set.of(Role.POLICE), Optional.of("KAR-POL"), Optional.of(REGION));
    static final Caller SUPERVISOR = new Caller("kar-sup", Set.of(Role.SUPERVISOR), Optional.of("KAR-SPD"), Optional.of(REGION));
    static final Caller OTHER_SUPERVISOR = new Caller("nurlan", Set.of(Role.SUPERVISOR), Optional.of("ALM-SPD"), Optional.of("ALM"));
    static final Caller ANALYST = new Caller("asel", Set.of(Role.ANALYST), Optional.of("MIN-STAT"), Optional.empty());

    private static boolean built;

    /** The real WAR, as the case services' tests deploy it, with this test's clock. */
    @Deployment
    static WebArchive deployment() throws Exception {
        return CaseServicesIT.deployment().addClasses(StatisticsIT.class, TestClock.class, ReportQueries.class);
    }

    @Inject
    CaseFileService cases;

    @Inject
    CaseWorkService work;

    @Inject
    ReferralService referrals;

    @Inject
    ProtectionService protection;

    @Inject
    ReferenceDataAdmin referenceData;

    @Inject
    StatisticsService statistics;

    @Inject
    TraffickingService trafficking;

    @Inject
    MandateService mandates;

    @Resource(lookup = "java:app/jdbc/qorgau")
    DataSource database;

    static Caller worker(String username, String organisation) {
        return new Caller(username, Set.of(Role.SOCIAL_WORKER), Optional.of(organisation), Optional.of(REGION));
    }

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    /** The fixture, once for the class: eight victims, nine cases, eleven deliveries. */
    private synchronized void fixture() {
        if (built) {
            return;
        }
        for (String[] org : new String[][]{{"KAR-CC", "CRISIS_CENTRE"}, {"KAR-FSC", "FAMILY_SUPPORT_CENTRE"},
                {"KAR-NGO", "NGO"}, {"KAR-NGO2", "NGO"}, {"KAR-POL", "POLICE_UNIT"}, {"KAR-SPD", "SOCIAL_PROTECTION_DEPARTMENT"}}) {
            referenceData.addOrganisation(ADMIN, org[0], "Тест-статистика " + org[0], OrganisationType.valueOf(org[1]), REGION);
        }
        // V1: citizen, served twice in 2025
        String v1 = open(WORKER_CC, "Статова", "Первая", Sex.FEMALE, LocalDate.of(1990, 5, 5), null, "KZ", iin(LocalDate.of(1990, 5, 5), Sex.FEMALE, 101), d(2025, 1, 15));
        Long r1 = refer(WORKER_CC, v1, NGO, "KAR-NGO", d(2025, 3, 1));
        deliver(NGO, r1, d(2025, 3, 10));
        deliver(NGO, r1, d(2025, 6, 1));
        // V2: foreign
        Long r2 = refer(WORKER_CC, open(WORKER_CC, "Статова", "Вторая", Sex.FEMALE, LocalDate.of(1985, 1, 1), null, "UZ", null, d(2025, 1, 15)), NGO, "KAR-NGO", d(2025, 3, 1));
        deliver(NGO, r2, d(2025, 4, 1));
        // V3: one woman, a case in each of two organisations, served by two providers
        String iin3 = iin(LocalDate.of(2000, 2, 2), Sex.FEMALE, 303);
        Long r3a = refer(WORKER_CC, open(WORKER_CC, "Статова", "Третья", Sex.FEMALE, LocalDate.of(2000, 2, 2), null, "KZ", iin3, d(2025, 1, 15)), NGO, "KAR-NGO", d(2025, 3, 1));
        deliver(NGO, r3a, d(2025, 3, 5));
        Long r3b = refer(WORKER_FSC, open(WORKER_FSC, "Статова", "Третья", Sex.FEMALE, LocalDate.of(2000, 2, 2), null, "KZ", iin3, d(2025, 3, 1)), NGO2, "KAR-NGO2", d(2025, 3, 2));
        deliver(NGO2, r3b, d(2025, 3, 6));
        // V4: served in two consecutive years
        Long r4 = refer(WORKER_CC, open(WORKER_CC, "Статова", "Четвёртая", Sex.FEMALE, LocalDate.of(1960, 1, 1), null, "KZ", null, d(2024, 10, 1)), NGO, "KAR-NGO", d(2024, 11, 1));
        deliver(NGO, r4, d(2024, 11, 10));
        deliver(NGO, r4, d(2025, 2, 1));
        // V5: consented to statistics, then withdrew: still counted in aggregates
        String v5 = open(WORKER_CC, "Статов", "Пятый", Sex.MALE, LocalDate.of(1970, 7, 7), null, "KZ", null, d(2025, 1, 15));
        work.giveConsent(WORKER_CC, v5, work.details(WORKER_CC, v5).version(), ConsentScope.STATISTICS, d(2025, 1, 15));
        TestClock.set(d(2025, 2, 1));
        work.withdrawConsent(WORKER_CC, v5, work.details(WORKER_CC, v5).version(), ConsentScope.STATISTICS, d(2025, 2, 1));
        deliver(NGO, refer(WORKER_CC, v5, NGO, "KAR-NGO", d(2025, 3, 1)), d(2025, 5, 5));
        // V6: age estimated at 17 in July 2024, of unknown citizenship: 18 by August 2025
        Long r6 = refer(WORKER_CC, open(WORKER_CC, "Статова", "Шестая", Sex.FEMALE, null, 17, null, null, d(2024, 7, 10)), NGO, "KAR-NGO", d(2025, 7, 30));
        deliver(NGO, r6, d(2025, 8, 1));
        // V7 and V8: two more foreigners, so that foreign victims are a cell of 3
        deliver(NGO, refer(WORKER_CC, open(WORKER_CC, "Статова", "Седьмая", Sex.FEMALE, LocalDate.of(1992, 9, 9), null, "RU", null, d(2025, 1, 15)), NGO, "KAR-NGO", d(2025, 3, 1)), d(2025, 3, 10));
        deliver(NGO, refer(WORKER_CC, open(WORKER_CC, "Статов", "Восьмой", Sex.MALE, LocalDate.of(2010, 3, 3), null, "KG", null, d(2025, 1, 15)), NGO, "KAR-NGO", d(2025, 3, 1)), d(2025, 3, 11));
        // one protective order on V1's case, violated once
        TestClock.set(d(2025, 2, 1));
        Long order = protection.issue(POLICE, v1, "КАР-ЗП-1", d(2025, 2, 1),
                new Perpetrator("Агрессоров", "Тест", null, LocalDate.of(1985, 6, 6)), Set.of(Prohibition.NO_VIOLENCE));
        TestClock.set(d(2025, 2, 10));
        long orderVersion = protection.ofCase(POLICE, v1).stream().filter(o -> o.id().equals(order)).findFirst().orElseThrow().version();
        protection.recordViolation(POLICE, order, orderVersion, d(2025, 2, 10), ViolationConsequence.WARNING, null);
        TestClock.reset();
        built = true;
    }

    @Test
    void victimsAssistedEqualTheHandCount() {
        fixture();
        Report year = exact(Figure.VICTIMS_ASSISTED, List.of(Dimension.CITIZENSHIP), null, Area.region(REGION));
        assertEquals(8, total(year), "V3 once although she has two cases, V1 once although served twice, V5 despite her withdrawal");
        assertEquals(Map.of("CITIZEN", 4L, "FOREIGN", 3L, "UNKNOWN", 1L), rows(year));

        Report bySex = exact(Figure.VICTIMS_ASSISTED, List.of(Dimension.SEX), null, Area.region(REGION));
        assertEquals(Map.of("FEMALE", 6L, "MALE", 2L), rows(bySex));

        Report byAge = exact(Figure.VICTIMS_ASSISTED, List.of(Dimension.AGE_GROUP), null, Area.region(REGION));
        Map<String, Long> ages = rows(byAge);
        assertEquals(1L, ages.get("A14_17"), "V8, 15");
        assertEquals(2L, ages.get("A18_29"), "V3 (25) and V6, whose estimate of 17 in 2024 has become 18");
        assertEquals(3L, ages.get("A30_44"), "V1 (34), V2 (40), V7 (32)");
        assertEquals(1L, ages.get("A45_59"));
        assertEquals(1L, ages.get("A60_PLUS"));
        assertEquals(0L, ages.get("UNKNOWN"));

        Report byProvider = exact(Figure.VICTIMS_ASSISTED, List.of(Dimension.ORGANISATION), null, Area.region(REGION));
        assertEquals(Map.of("KAR-NGO", 8L, "KAR-NGO2", 1L), rows(byProvider), "each provider counts her for itself: rows add up to 9 > 8");
        assertEquals(8, total(byProvider));

        ReportRequest twoYears = new ReportRequest(Figure.VICTIMS_ASSISTED, Period.year(2025), 2, Area.region(REGION),
                List.of(), Optional.empty(), false);
        Report compared = statistics.report(SUPERVISOR, twoYears);
        assertEquals(1, compared.columnTotals()[0].value().longValueExact(), "2024: V4 only");
        assertEquals(8, compared.columnTotals()[1].value().longValueExact());
        assertEquals(new BigDecimal("700.0"), compared.totalChange(1).orElseThrow());

        Report q1 = statistics.report(SUPERVISOR, new ReportRequest(Figure.VICTIMS_ASSISTED, Period.quarter(2025, 1), 1,
                Area.region(REGION), List.of(), Optional.empty(), false));
        assertEquals(5, total(q1), "all but V2 (April), V5 (May) and V6 (August)");
        Report march = statistics.report(SUPERVISOR, new ReportRequest(Figure.VICTIMS_ASSISTED, Period.month(2025, 3), 1,
                Area.region(REGION), List.of(), Optional.empty(), false));
        assertEquals(4, total(march), "V1, V3, V7, V8 in March");
    }

    @Test
    void casesOrdersAndServicesEqualTheHandCount() {
        fixture();
        assertEquals(7, total(exact(Figure.NEW_CASES, List.of(), null, Area.region(REGION))), "nine cases, two of them opened in 2024");
        assertEquals(6, total(exact(Figure.VICTIMS_REGISTERED, List.of(), null, Area.region(REGION))),
                "V3's second case is not a new victim; V4 and V6 were registered in 2024");
        assertEquals(1, total(exact(Figure.ORDERS_ISSUED, List.of(), null, Area.region(REGION))));
        Report violations = exact(Figure.ORDER_VIOLATIONS, List.of(Dimension.VIOLATION_CONSEQUENCE), null, Area.region(REGION));
        assertEquals(1L, rows(violations).get("WARNING"));
        Report referred = exact(Figure.REFERRALS, List.of(Dimension.REFERRAL_OUTCOME), null, Area.region(REGION));
        assertEquals(8, total(referred), "every 2025 referral, V4's of 2024 not");
        assertEquals(8L, rows(referred).get("IN_PROGRESS"), "accepted, then in progress with the first service delivered");
        assertEquals(0L, rows(referred).get("DECLINED"));
        Report byService = exact(Figure.VICTIMS_ASSISTED, List.of(Dimension.SERVICE_TYPE), null, Area.region(REGION));
        assertEquals(8L, rows(byService).get("PSYCHOLOGICAL"));
        // a two-dimensional table has distinct counts in every margin
        Report cross = exact(Figure.VICTIMS_ASSISTED, List.of(Dimension.ORGANISATION), Dimension.SEX, Area.region(REGION));
        assertEquals(8, cross.total().value().longValueExact());
        assertEquals(6, cross.columnTotals()[cross.columns().indexOf("FEMALE")].value().longValueExact());
    }

    @Test
    void eachOrganisationSeesItsOwnFigures() {
        fixture();
        Report fsc = statistics.report(WORKER_FSC, new ReportRequest(Figure.VICTIMS_ASSISTED, Period.year(2025), 1,
                Area.organisation("KAR-FSC"), List.of(), Optional.empty(), false));
        assertEquals(1, total(fsc), "V3, through the family support centre's own case");
        assertThrows(AccessDeniedException.class, () -> statistics.report(WORKER_FSC, new ReportRequest(Figure.VICTIMS_ASSISTED,
                Period.year(2025), 1, Area.organisation("KAR-CC"), List.of(), Optional.empty(), false)), "another organisation");
        assertThrows(AccessDeniedException.class, () -> statistics.report(WORKER_FSC, new ReportRequest(Figure.VICTIMS_ASSISTED,
                Period.year(2025), 1, Area.region(REGION), List.of(), Optional.empty(), false)), "the region");
        assertThrows(AccessDeniedException.class, () -> statistics.report(OTHER_SUPERVISOR, new ReportRequest(Figure.VICTIMS_ASSISTED,
                Period.year(2025), 1, Area.region(REGION), List.of(), Optional.empty(), false)), "another region's supervisor");
        assertThrows(AccessDeniedException.class, () -> statistics.report(POLICE, new ReportRequest(Figure.VICTIMS_ASSISTED,
                Period.year(2025), 1, Area.organisation("KAR-POL"), List.of(), Optional.empty(), false)), "police see orders only");
        assertEquals(1, total(statistics.report(POLICE, new ReportRequest(Figure.ORDERS_ISSUED, Period.year(2025), 1,
                Area.organisation("KAR-POL"), List.of(), Optional.empty(), false))));
        assertThrows(AccessDeniedException.class, () -> statistics.report(ADMIN, new ReportRequest(Figure.NEW_CASES,
                Period.year(2025), 1, Area.NATIONAL, List.of(), Optional.empty(), false)));
    }

    @Test
    void theAnalystReceivesNoCountBelowFiveAndNoRecord() {
        fixture();
        Report citizenship = statistics.report(ANALYST, new ReportRequest(Figure.VICTIMS_ASSISTED, Period.year(2025), 1,
                Area.region(REGION), List.of(Dimension.CITIZENSHIP), Optional.empty(), false));
        assertTrue(citizenship.protectedCells());
        assertEquals(8, total(citizenship), "the total is 8 and shown");
        for (Report.Cell[] row : citizenship.cells()) {
            Report.Cell cell = row[0];
            assertNull(cell.value(), "4, 3 and 1 are all suppressed, and carry no value");
            assertEquals(Disclosure.SMALL, cell.disclosure());
            assertEquals("<5", cell.display());
        }
        assertThrows(InvalidInputException.class, () -> statistics.report(ANALYST, new ReportRequest(Figure.VICTIMS_ASSISTED,
                Period.yearToDate(LocalDate.now(), false), 1, Area.NATIONAL, List.of(), Optional.empty(), false)),
                "published figures cover complete months only");
        // the same table for publication by the supervisor is suppressed the same way
        Report published = statistics.report(SUPERVISOR, new ReportRequest(Figure.VICTIMS_ASSISTED, Period.year(2025), 1,
                Area.region(REGION), List.of(Dimension.CITIZENSHIP), Optional.empty(), true));
        assertTrue(published.protectedCells());
        assertTrue(java.util.Arrays.stream(published.cells()).allMatch(r -> r[0].value() == null));
        assertThrows(InvalidInputException.class, () -> statistics.report(SUPERVISOR, new ReportRequest(Figure.VICTIMS_ASSISTED,
                Period.yearToDate(LocalDate.now(), false), 1, Area.region(REGION), List.of(), Optional.empty(), true)),
                "a supervisor's figures for publication cover complete months too");
    }

    @Test
    void viewingStatisticsIsAuditedWithoutFigures() throws Exception {
        fixture();
        statistics.report(SUPERVISOR, new ReportRequest(Figure.NEW_CASES, Period.year(2025), 1, Area.region(REGION),
                List.of(), Optional.empty(), false));
        try (Connection c = database.getConnection(); Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select detail from audit_event where username = 'kar-sup' and record_type = 'STATISTICS'"
                     + " order by id desc limit 1")) {
            assertTrue(r.next());
            assertEquals("NEW_CASES R:KAR 2025", r.getString(1));
        }
    }

    /** After any sequence of writes, the summary the triggers keep equals the summary computed from scratch. */
    @Test
    void theSummaryEqualsAComputationFromScratchAfterRandomWrites() throws Exception {
        fixture();
        for (long seed = 1; seed <= 3; seed++) {
            Random random = new Random(seed);
            List<String> numbers = new ArrayList<>();
            Map<String, Long> referralOf = new HashMap<>();
            for (int step = 0; step < 25; step++) {
                int action = numbers.isEmpty() ? 0 : random.nextInt(6);
                switch (action) {
                    case 0 -> numbers.add(open(random.nextBoolean() ? WORKER_CC : WORKER_FSC, "Случайнова", "Шаг" + seed + "x" + step,
                            random.nextBoolean() ? Sex.FEMALE : Sex.MALE, LocalDate.of(1950 + random.nextInt(60), 1 + random.nextInt(12), 1),
                            null, random.nextInt(10) == 0 ? "TJ" : "KZ", null, LocalDate.now().minusDays(20)));
                    case 1 -> {
                        String n = numbers.get(random.nextInt(numbers.size()));
                        Caller owner = ownerOf(n);
                        work.recordIncident(owner, n, work.details(owner, n).version(), new IncidentDetails(
                                LocalDate.now().minusDays(random.nextInt(10)), GbvType.values()[random.nextInt(GbvType.values().length)],
                                IncidentContext.FAMILY, REGION, null, random.nextBoolean() ? "UK-109-1" : "KOAP-73", null, null, null));
                    }
                    case 2 -> {
                        String n = numbers.get(random.nextInt(numbers.size()));
                        if (!referralOf.containsKey(n)) {
                            referralOf.put(n, refer(ownerOf(n), n, NGO, "KAR-NGO", LocalDate.now().minusDays(5)));
                        }
                    }
                    case 3 -> {
                        List<String> referred = new ArrayList<>(referralOf.keySet());
                        if (!referred.isEmpty()) {
                            deliver(NGO, referralOf.get(referred.get(random.nextInt(referred.size()))), LocalDate.now().minusDays(random.nextInt(4)));
                        }
                    }
                    case 5 -> {
                        // an order issued, and now and then revoked: the orders' summary follows both
                        String n = numbers.get(random.nextInt(numbers.size()));
                        TestClock.set(LocalDate.now().minusDays(3));
                        Long order = protection.issue(POLICE, n, "КАР-СЛ-" + seed + "-" + step, LocalDate.now().minusDays(3),
                                new Perpetrator("Агрессоров", "Шаг", null, LocalDate.of(1980, 1, 1)), Set.of(Prohibition.NO_VIOLENCE));
                        if (random.nextBoolean()) {
                            TestClock.set(LocalDate.now().minusDays(1));
                            long version = protection.ofCase(POLICE, n).stream().filter(o -> o.id().equals(order)).findFirst().orElseThrow().version();
                            protection.revoke(POLICE, order, version, LocalDate.now().minusDays(1), "Тестовая отмена");
                        }
                    }
                    default -> {
                        // a corrected date of birth or citizenship reaches every figure of her cases
                        String n = numbers.get(random.nextInt(numbers.size()));
                        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
                            s.executeUpdate("update person set birth_date = date '1980-01-01' + " + random.nextInt(9000)
                                    + ", citizenship = '" + (random.nextBoolean() ? "KZ" : "KG") + "' where id = (select victim_id from case_file where number = '" + n + "')");
                        }
                    }
                }
                TestClock.reset();
            }
            assertSummaryIsExact();
        }
    }

    /**
     * Orders issued, expired and revoked, court decisions by requirement, evictions and psychocorrection, by hand;
     * 2021 is this test's own year.
     */
    @Test
    void ordersAndCourtMandatesEqualTheHandCount() {
        fixture();
        referenceData.addOrganisation(ADMIN, "KAR-CRT", "Тест-статистика KAR-CRT", OrganisationType.COURT, REGION);
        referenceData.addOrganisation(ADMIN, "KAR-HC", "Тест-статистика KAR-HC", OrganisationType.HEALTHCARE_PROVIDER, REGION);
        referenceData.addOrganisation(ADMIN, "KAR-CSA", "Тест-статистика KAR-CSA", OrganisationType.SOCIAL_ADAPTATION_CENTRE, REGION);
        Caller court = new Caller("kar-crt", Set.of(Role.COURT), Optional.of("KAR-CRT"), Optional.of(REGION));
        Perpetrator aggressor = new Perpetrator("Агрессоров", "Судебный", null, LocalDate.of(1980, 1, 1));
        String first = open(WORKER_CC, "Судова", "Первая", Sex.FEMALE, LocalDate.of(1985, 1, 1), null, "KZ", null, d(2021, 1, 10));
        String second = open(WORKER_CC, "Судова", "Вторая", Sex.FEMALE, LocalDate.of(1987, 1, 1), null, "KZ", null, d(2021, 2, 1));
        // an order that ran its 30 days, and one revoked after four
        TestClock.set(d(2021, 1, 12));
        protection.issue(POLICE, first, "КАР-СУД-1", d(2021, 1, 12), aggressor, Set.of(Prohibition.NO_VIOLENCE));
        TestClock.set(d(2021, 3, 1));
        Long revoked = protection.issue(POLICE, second, "КАР-СУД-2", d(2021, 3, 1), aggressor, Set.of(Prohibition.NO_VIOLENCE));
        TestClock.set(d(2021, 3, 5));
        protection.revoke(POLICE, revoked, protection.ofCase(POLICE, second).stream().filter(o -> o.id().equals(revoked))
                .findFirst().orElseThrow().version(), d(2021, 3, 5), "Примирение сторон");
        // one decision with every requirement but weapons, completed; one with psychocorrection only, not complied with
        TestClock.set(d(2021, 3, 10));
        work.bringBeforeCourt(POLICE, first, "KAR-CRT");
        work.bringBeforeCourt(POLICE, second, "KAR-CRT");
        TestClock.set(d(2021, 4, 1));
        Long full = mandates.record(court, first, new MandateService.Decision("2-СТАТ-1", d(2021, 4, 1), d(2021, 4, 1), d(2021, 9, 30),
                Set.of(Requirement.NO_CONTACT, Requirement.NO_ALCOHOL_OR_DRUGS), 2, "KAR-CSA", d(2021, 4, 2), d(2021, 4, 30), "KAR-HC", 2));
        TestClock.set(d(2021, 5, 1));
        Long course = mandates.record(court, second, new MandateService.Decision("2-СТАТ-2", d(2021, 5, 1), d(2021, 5, 1), d(2021, 10, 31),
                Set.of(), null, null, null, null, "KAR-HC", 8));
        TestClock.set(d(2021, 6, 1));
        mandates.reportNonCompliance(court, course, version(court, second), d(2021, 6, 1), NonComplianceReason.DID_NOT_START);
        for (int month : new int[]{5, 6}) {
            TestClock.set(d(2021, month, 10));
            mandates.recordSession(court, full, version(court, first), d(2021, month, 10), Attendance.ATTENDED);
        }
        TestClock.set(d(2021, 10, 1));
        mandates.reportCompletion(court, full, version(court, first), d(2021, 10, 1));
        TestClock.reset();

        assertEquals(2, total(exact(2021, Figure.ORDERS_ISSUED, List.of())));
        assertEquals(1, total(exact(2021, Figure.ORDERS_EXPIRED, List.of())), "the first ran until 10 February");
        assertEquals(1, total(exact(2021, Figure.ORDERS_REVOKED, List.of())));
        Report decided = exact(2021, Figure.MANDATES_DECIDED, List.of(Dimension.REQUIREMENT));
        assertEquals(2, total(decided), "each decision once in the total");
        assertEquals(Map.of("NO_CONTACT", 1L, "NO_ALCOHOL_OR_DRUGS", 1L, Figure.POLICE_REPORTS, 1L, Figure.EVICTION, 1L,
                Figure.PSYCHOCORRECTION, 2L), nonZero(rows(decided)), "and once under each requirement it imposes");
        assertEquals(1, total(exact(2021, Figure.EVICTIONS, List.of())));
        assertEquals(2, total(exact(2021, Figure.PSYCHOCORRECTION_ORDERED, List.of())));
        assertEquals(1, total(exact(2021, Figure.PSYCHOCORRECTION_COMPLETED, List.of())));
        assertEquals(1, total(exact(2021, Figure.PSYCHOCORRECTION_NON_COMPLIANT, List.of())));
        assertEquals(0, new BigDecimal("50").compareTo(exact(2021, Figure.PSYCHOCORRECTION_COMPLETION_RATE, List.of()).columnTotals()[0].value()),
                "one of the two courses reported on was completed");
    }

    private long version(Caller court, String number) {
        return mandates.ofCase(court, number).get(0).version();
    }

    /** Victims of trafficking are those the police identified as a victim or a possible victim; 2022 is this test's own year. */
    @Test
    void traffickingVictimsLeaveOutThoseFoundNotToBeVictims() {
        fixture();
        String victim = open(WORKER_CC, "Торгова", "Первая", Sex.FEMALE, LocalDate.of(1995, 1, 1), null, "KZ", null, d(2022, 3, 1));
        String possible = open(WORKER_CC, "Торгова", "Вторая", Sex.FEMALE, LocalDate.of(1999, 1, 1), null, "UZ", null, d(2022, 3, 1));
        String notVictim = open(WORKER_CC, "Торгова", "Третья", Sex.FEMALE, LocalDate.of(1990, 1, 1), null, "KZ", null, d(2022, 3, 1));
        TestClock.set(d(2022, 4, 1));
        trafficking.identify(POLICE, victim, -1, IdentificationStatus.VICTIM, d(2022, 4, 1), Set.of(ExploitationType.FORCED_LABOUR),
                Set.of(MeansOfControl.PHYSICAL_ABUSE), "KZ", "RU", RecruitmentType.JOB_ADVERTISEMENT);
        trafficking.identify(POLICE, possible, -1, IdentificationStatus.POSSIBLE_VICTIM, d(2022, 4, 1), Set.of(ExploitationType.SEXUAL),
                Set.of(MeansOfControl.PSYCHOLOGICAL_ABUSE), "UZ", "RU", RecruitmentType.ONLINE);
        trafficking.identify(POLICE, notVictim, -1, IdentificationStatus.NOT_A_VICTIM, d(2022, 4, 1), Set.of(), Set.of(), null, null, null);
        TestClock.reset();

        Report byStatus = exact(2022, Figure.TRAFFICKING_VICTIMS, List.of(Dimension.IDENTIFICATION_STATUS));
        assertEquals(2, total(byStatus), "the woman found not to be a victim is not one");
        assertEquals(Map.of("VICTIM", 1L, "POSSIBLE_VICTIM", 1L), rows(byStatus));
        assertEquals(Map.of("FORCED_LABOUR", 1L, "SEXUAL", 1L), nonZero(rows(exact(2022, Figure.TRAFFICKING_VICTIMS, List.of(Dimension.EXPLOITATION_TYPE)))));
        assertEquals(Map.of("CITIZEN", 1L, "FOREIGN", 1L), nonZero(rows(exact(2022, Figure.TRAFFICKING_VICTIMS, List.of(Dimension.CITIZENSHIP)))));
        assertEquals(Map.of("RU", 2L), rows(exact(2022, Figure.TRAFFICKING_VICTIMS, List.of(Dimension.COUNTRY_OF_EXPLOITATION))));
    }

    private static Map<String, Long> nonZero(Map<String, Long> rows) {
        Map<String, Long> found = new HashMap<>(rows);
        found.values().removeIf(v -> v == 0);
        return found;
    }

    /**
     * A national yearly report of victims assisted by region and her attributes reads the per-year summary
     * (stat_victim_year); computed from the deliveries instead, every grouped row must be the same — among them a
     * woman served in two regions, one victim nationally. 2023 and Kostanay are this test's own.
     */
    @Test
    void theYearlySummaryGivesTheAnswerOfTheDeliveries() throws Exception {
        fixture();
        referenceData.addOrganisation(ADMIN, "KOS-CC", "Тест-статистика KOS-CC", OrganisationType.CRISIS_CENTRE, "KOS");
        referenceData.addOrganisation(ADMIN, "KOS-NGO", "Тест-статистика KOS-NGO", OrganisationType.NGO, "KOS");
        Caller kosWorker = new Caller("kos-cc", Set.of(Role.SOCIAL_WORKER), Optional.of("KOS-CC"), Optional.of("KOS"));
        Caller kosNgo = new Caller("kos-ngo", Set.of(Role.NGO), Optional.of("KOS-NGO"), Optional.of("KOS"));
        Caller kosSupervisor = new Caller("kos-sup", Set.of(Role.SUPERVISOR), Optional.of("KOS-CC"), Optional.of("KOS"));
        // one woman in both regions: 29 at her first delivery (Karaganda, March), 30 at her first in Kostanay (June)
        LocalDate born = LocalDate.of(1993, 4, 20);
        String iin = iin(born, Sex.FEMALE, 2023);
        deliver(NGO, refer(WORKER_CC, open(WORKER_CC, "Годова", "Двухрегионная", Sex.FEMALE, born, null, "KZ", iin, d(2023, 2, 1)),
                NGO, "KAR-NGO", d(2023, 2, 10)), d(2023, 3, 1));
        deliver(kosNgo, refer(kosWorker, open(kosWorker, "KOS", "Годова", "Двухрегионная", Sex.FEMALE, born, null, "KZ", iin, d(2023, 5, 1)),
                kosNgo, "KOS-NGO", d(2023, 5, 10)), d(2023, 6, 1));
        deliver(kosNgo, refer(kosWorker, open(kosWorker, "KOS", "Годов", "Костанайский", Sex.MALE, LocalDate.of(1970, 1, 1), null, "TJ", null,
                d(2023, 5, 1)), kosNgo, "KOS-NGO", d(2023, 5, 10)), d(2023, 12, 31));
        TestClock.reset();
        assertSummaryIsExact();

        LocalDate today = LocalDate.now();
        List<List<Dimension>> breakdowns = List.of(List.of(), List.of(Dimension.REGION), List.of(Dimension.AGE_GROUP),
                List.of(Dimension.REGION, Dimension.AGE_GROUP, Dimension.CITIZENSHIP), List.of(Dimension.CITIZENSHIP, Dimension.SEX));
        int compared = 0;
        for (int[] yearAndYears : new int[][]{{2023, 1}, {2025, 1}, {2025, 3}}) {
            int years = yearAndYears[1];
            for (List<Dimension> rows : breakdowns) {
                for (Dimension column : new Dimension[]{null, Dimension.SEX, Dimension.REGION}) {
                    if (column != null && (rows.contains(column) || years > 1)) {
                        continue;
                    }
                    ReportRequest request = new ReportRequest(Figure.VICTIMS_ASSISTED, Period.year(yearAndYears[0]), years, Area.NATIONAL,
                            rows, Optional.ofNullable(column), true);
                    assertTrue(ReportQueries.sql(request, today).contains("stat_victim_year"), "read from the summary: " + request);
                    List<String> fromFacts = ReportQueries.fromFacts(database, request, today);
                    assertFalse(fromFacts.isEmpty());
                    assertEquals(fromFacts, ReportQueries.asAsked(database, request, today), rows + " × " + column + ", " + years + " years");
                    compared++;
                }
            }
        }
        assertEquals(29, compared);

        // within a region, her age is taken at her first delivery there
        Report kos = statistics.report(kosSupervisor, new ReportRequest(Figure.VICTIMS_ASSISTED, Period.year(2023), 1,
                Area.region("KOS"), List.of(Dimension.AGE_GROUP), Optional.empty(), false));
        assertEquals(2, total(kos), "both Kostanay victims");
        assertEquals(1L, rows(kos).get("A30_44"), "she was 30 at her first delivery in Kostanay");
        assertEquals(1L, rows(kos).get("A45_59"));
    }

    private void assertSummaryIsExact() throws Exception {
        try (Connection c = database.getConnection(); Statement s = c.createStatement()) {
            for (String table : new String[]{"stat_case", "stat_delivery", "stat_victim_year", "stat_order", "stat_first_case"}) {
                for (String sql : new String[]{"select count(*) from (select * from " + table + " except select * from " + table + "_source) d",
                        "select count(*) from (select * from " + table + "_source except select * from " + table + ") d"}) {
                    try (ResultSet r = s.executeQuery(sql)) {
                        r.next();
                        assertEquals(0, r.getLong(1), sql);
                    }
                }
            }
        }
    }

    private Caller ownerOf(String number) {
        try {
            work.details(WORKER_CC, number);
            return WORKER_CC;
        } catch (RuntimeException notHers) {
            return WORKER_FSC;
        }
    }

    private Report exact(Figure figure, List<Dimension> rows, Dimension column, Area area) {
        return exact(2025, figure, rows, column, area);
    }

    /** A year's figure for the supervisor of this test's region, by rows only. */
    private Report exact(int year, Figure figure, List<Dimension> rows) {
        return exact(year, figure, rows, null, Area.region(REGION));
    }

    private Report exact(int year, Figure figure, List<Dimension> rows, Dimension column, Area area) {
        Report report = statistics.report(SUPERVISOR, new ReportRequest(figure, Period.year(year), 1, area, rows,
                Optional.ofNullable(column), false));
        assertFalse(report.protectedCells(), "the supervisor's own region is exact");
        return report;
    }

    private static long total(Report report) {
        return report.columnTotals()[0].value().longValueExact();
    }

    private static Map<String, Long> rows(Report report) {
        Map<String, Long> rows = new HashMap<>();
        for (int i = 0; i < report.rows().size(); i++) {
            rows.put(report.rows().get(i).get(0), report.cells()[i][0].value().longValueExact());
        }
        return rows;
    }

    private String open(Caller worker, String family, String given, Sex sex, LocalDate born, Integer estimatedAge,
                        String citizenship, String iin, LocalDate on) {
        return open(worker, REGION, family, given, sex, born, estimatedAge, citizenship, iin, on);
    }

    private String open(Caller worker, String region, String family, String given, Sex sex, LocalDate born, Integer estimatedAge,
                        String citizenship, String iin, LocalDate on) {
        TestClock.set(on);
        NewCaseFile form = new NewCaseFile();
        form.setFamilyName(family);
        form.setGivenName(given);
        form.setSex(sex);
        form.setBirthDate(born);
        form.setEstimatedAge(estimatedAge);
        form.setCitizenship(citizenship);
        form.setIin(iin);
        form.setRegionCode(region);
        form.setIncidentDate(on.minusDays(2));
        form.setIncidentType(GbvType.PHYSICAL_ASSAULT);
        return cases.open(worker, form).toString();
    }

    /** Sent with consent to disclosure and accepted by the provider, the same day. */
    private Long refer(Caller worker, String number, Caller provider, String providerCode, LocalDate on) {
        TestClock.set(on);
        work.giveConsent(worker, number, work.details(worker, number).version(), ConsentScope.DISCLOSURE, on);
        Long id = referrals.propose(worker, number, SpecialSocialService.PSYCHOLOGICAL, providerCode);
        referrals.send(worker, id, referrals.ofCase(worker, number).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow().version());
        referrals.accept(provider, id, inbox(provider, id).version());
        return id;
    }

    private void deliver(Caller provider, Long referral, LocalDate on) {
        TestClock.set(on);
        referrals.recordDelivery(provider, referral, inbox(provider, referral).version(), on, new BigDecimal("1.5"));
    }

    private ReferralView inbox(Caller provider, Long id) {
        return referrals.inbox(provider, 0, 100).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    private static LocalDate d(int year, int month, int day) {
        return LocalDate.of(year, month, day);
    }

    /** A well-formed IIN for a test person: birth date, century and sex, a serial, and the check digit. */
    static String iin(LocalDate born, Sex sex, int serial) {
        int century = born.getYear() < 2000 ? (sex == Sex.MALE ? 3 : 4) : (sex == Sex.MALE ? 5 : 6);
        for (int s = serial; ; s++) {
            String digits = String.format("%02d%02d%02d%d%04d", born.getYear() % 100, born.getMonthValue(), born.getDayOfMonth(), century, s % 10000);
            int check = check(digits, new int[]{1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11});
            if (check == 10) {
                check = check(digits, new int[]{3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2});
            }
            if (check < 10) {
                return digits + check;
            }
        }
    }

    private static int check(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum % 11;
    }
}
