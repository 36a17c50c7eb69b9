package kz.qorgau.it;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import kz.qorgau.casefile.CaseDetails;
import kz.qorgau.casefile.ConsentScope;
import kz.qorgau.casefile.DuplicateCheck;
import kz.qorgau.deadline.Deadline;
import kz.qorgau.deadline.DeadlineKind;
import kz.qorgau.deadline.DeadlineService;
import kz.qorgau.mandate.Attendance;
import kz.qorgau.mandate.MandateService;
import kz.qorgau.mandate.Requirement;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.referral.ReferralStatus;
import kz.qorgau.referral.ReferralView;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.casefile.CaseStatus;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.timeline.CaseEvent;
import kz.qorgau.timeline.CaseEventKind;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseListQuery;
import kz.qorgau.casefile.CaseNumber;
import kz.qorgau.casefile.CaseSummary;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Sex;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.Role;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.naming.InitialContext;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The case services inside Payara Micro against PostgreSQL: the real WAR, migrated by Flyway, with this class added.
 * JUnit's own assertions only, so that nothing but the WAR and the test travels into the container.
 */
@ExtendWith(ArquillianExtension.class)
class CaseServicesIT {

    static final Caller AIGERIM = worker("aigerim", "ALM-CC", "ALM");
    static final Caller DANA = worker("dana", "AST-CC", "AST");
    static final Caller NURLAN = new Caller("nurlan", Set.of(Role.SUPERVISOR), Optional.of("ALM-SPD"), Optional.of("ALM"));
    static final Caller POLICE = new Caller("serik", Set.of(Role.POLICE), Optional.of("ALM-POL"), Optional.of("ALM"));
    static final Caller MADINA = new Caller("madina", Set.of(Role.NGO), Optional.of("ALM-NGO"), Optional.of("ALM"));
    static final Caller ALIYA = new Caller("aliya", Set.of(Role.COURT), Optional.of("ALM-CRT"), Optional.of("ALM"));
    static final Caller GUEST = new Caller("guest", Set.of(), Optional.empty(), Optional.empty());

    /** The WAR as built, with Arquillian's test runner servlet let through the application's sign-in. */
    @Deployment
    static WebArchive deployment() throws Exception {
        WebArchive war = ShrinkWrap.createFromZipFile(WebArchive.class,
                Path.of(System.getProperty("qorgau.it.runtime"), "ROOT.war").toFile());
        String webXml = new String(war.get("WEB-INF/web.xml").getAsset().openStream().readAllBytes(), StandardCharsets.UTF_8);
        String publicPatterns = "<url-pattern>/health/*</url-pattern>";
        if (!webXml.contains(publicPatterns)) {
            throw new IllegalStateException("web.xml no longer has the public constraint this test extends");
        }
        return war.setWebXML(new StringAsset(webXml.replace(publicPatterns,
                        publicPatterns + "<url-pattern>/ArquillianServletRunnerEE9</url-pattern>")))
                .addClass(CaseServicesIT.class);
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
    MandateService mandates;

    @Inject
    DeadlineService deadlines;

    @Inject
    kz.qorgau.breakglass.BreakGlassService breakGlass;

    @Inject
    kz.qorgau.caseview.CaseViewService caseViews;

    @Inject
    kz.qorgau.casefile.CaseNoteService notes;

    @Inject
    kz.qorgau.staff.StaffDirectory staff;

    @Inject
    kz.qorgau.reference.ReferenceDataAdmin referenceData;

    @Inject
    kz.qorgau.reference.ReferenceData reference;

    @Inject
    kz.qorgau.trafficking.TraffickingService trafficking;

    @Inject
    kz.qorgau.demo.DemoData demoData;

    static final Caller ZHANAR = worker("zhanar", "ALM-FSC", "ALM");

    static final Caller GULNARA = new Caller("gulnara", Set.of(Role.SUPERVISOR), Optional.of("ALM-SPD"), Optional.of("ALM"));
    static final Caller ADMIN = new Caller("admin", Set.of(Role.ADMIN), Optional.of("MIN-IT"), Optional.empty());

    static Caller worker(String username, String organisation, String region) {
        return new Caller(username, Set.of(Role.SOCIAL_WORKER), Optional.of(organisation), Optional.of(region));
    }

    static NewCaseFile intake(String familyName, String region) {
        NewCaseFile form = new NewCaseFile();
        form.setFamilyName(familyName);
        form.setGivenName("Сауле");
        form.setSex(Sex.FEMALE);
        form.setBirthDate(LocalDate.of(1988, 4, 2));
        form.setRegionCode(region);
        form.setIncidentDate(LocalDate.now(Clocks.KAZAKHSTAN).minusDays(3));
        form.setIncidentType(GbvType.PHYSICAL_ASSAULT);
        return form;
    }

    @Test
    void intakeSavesTheCaseUnderAReadableNumberForHerOrganisationOnly() {
        CaseNumber number = cases.open(AIGERIM, intake("Тестова-Один", "ALM"));

        assertTrue(number.toString().matches("ALM-" + LocalDate.now(Clocks.KAZAKHSTAN).getYear() + "-\\d{6}"), number.toString());
        CaseDetails saved = work.details(AIGERIM, number.toString());
        assertEquals("Тестова-Один", saved.victim().familyName());
        assertEquals("ALM-CC", saved.organisationCode());
        assertEquals("aigerim", saved.ownerUsername());
        assertEquals(GbvType.PHYSICAL_ASSAULT, saved.incidents().get(0).type());

        assertEquals(number.toString(), work.details(NURLAN, number.toString()).number(), "the supervisor of the region sees it");
        assertThrows(NotFoundException.class, () -> work.details(DANA, number.toString()), "another organisation does not");
        assertThrows(NotFoundException.class, () -> work.details(GUEST, number.toString()), "no role, no case");
        assertTrue(cases.list(GUEST, CaseListQuery.firstPage(25)).isEmpty());
        assertEquals(0, cases.count(GUEST));
        assertTrue(cases.list(AIGERIM, CaseListQuery.firstPage(25)).stream().anyMatch(c -> c.number().equals(number.toString())));
        assertFalse(cases.list(DANA, CaseListQuery.firstPage(100)).stream().anyMatch(c -> c.number().equals(number.toString())));
    }

    @Test
    void intakeRecordsRiskConsentsAndTheSafetyPlanInOneGoOrNothingAtAll() {
        NewCaseFile form = intake("Тестова-Сразу", "ALM");
        form.setRiskLevel(RiskLevel.HIGH);
        form.setConsents(Set.of(ConsentScope.SERVICES, ConsentScope.DISCLOSURE));
        form.setConsentGivenOn(LocalDate.now(Clocks.KAZAKHSTAN).minusDays(1));
        form.setSafetyPlan("Звонить сестре");
        form.setRelationship(kz.qorgau.casefile.Relationship.SPOUSE);
        String number = cases.open(AIGERIM, form).toString();
        CaseDetails saved = work.details(AIGERIM, number);
        assertEquals(RiskLevel.HIGH, saved.riskLevel());
        assertEquals(LocalDate.now(Clocks.KAZAKHSTAN), saved.risks().get(0).assessedOn());
        assertEquals(Set.of(ConsentScope.SERVICES, ConsentScope.DISCLOSURE),
                saved.consents().stream().map(CaseDetails.ConsentView::scope).collect(java.util.stream.Collectors.toSet()));
        assertEquals("Звонить сестре", work.safetyPlan(AIGERIM, number).orElseThrow().text());
        assertEquals(kz.qorgau.casefile.Relationship.SPOUSE, saved.incidents().get(0).relationship());
        assertTrue(work.timeline(AIGERIM, number).stream().map(CaseEvent::kind).toList().containsAll(List.of(
                CaseEventKind.CASE_OPENED, CaseEventKind.RISK_ASSESSED, CaseEventKind.CONSENT_GIVEN, CaseEventKind.SAFETY_PLAN_REVISED)));

        long before = cases.count(AIGERIM);
        NewCaseFile late = intake("Тестова-Позже", "ALM");
        late.setRiskLevel(RiskLevel.LOW);
        late.setConsents(Set.of(ConsentScope.STATISTICS));
        late.setConsentGivenOn(LocalDate.now(Clocks.KAZAKHSTAN).plusDays(1));
        assertEquals(List.of("case.consent.dateOutOfRange"),
                assertThrows(InvalidInputException.class, () -> cases.open(AIGERIM, late)).messageKeys());
        NewCaseFile longPlan = intake("Тестова-Длинно", "ALM");
        longPlan.setSafetyPlan("x".repeat(8001));
        assertThrows(InvalidInputException.class, () -> cases.open(AIGERIM, longPlan));
        assertEquals(before, cases.count(AIGERIM), "nothing of a refused intake is saved");

        assertEquals(List.of("case.incident.date.future"), assertThrows(InvalidInputException.class, () -> {
            NewCaseFile step = intake("Тестова-Шаг", "ALM");
            step.setIncidentDate(LocalDate.now(Clocks.KAZAKHSTAN).plusDays(2));
            cases.checkStep(AIGERIM, step, kz.qorgau.casefile.IntakeStep.INCIDENT);
        }).messageKeys(), "a step is checked on its own");
        NewCaseFile noName = intake(" ", "ALM");
        noName.setIncidentDate(null);
        cases.checkStep(AIGERIM, noName, kz.qorgau.casefile.IntakeStep.RISK); // asks nothing of the person or the incident
        assertEquals(List.of("case.victim.familyName.required"), assertThrows(InvalidInputException.class,
                () -> cases.checkStep(AIGERIM, noName, kz.qorgau.casefile.IntakeStep.PERSON)).messageKeys(),
                "the person step does not ask about the incident");
    }

    @Test
    void invalidInputSavesNothingAndTakesNoNumber() {
        long before = cases.count(AIGERIM);
        CaseNumber first = cases.open(AIGERIM, intake("Тестова-Два", "ALM"));

        NewCaseFile noName = intake(" ", "ALM");
        InvalidInputException refused = assertThrows(InvalidInputException.class, () -> cases.open(AIGERIM, noName));
        assertEquals(List.of("case.victim.familyName.required"), refused.messageKeys());

        NewCaseFile unborn = intake("Тестова-Три", "ALM");
        unborn.setBirthDate(LocalDate.now(Clocks.KAZAKHSTAN).plusDays(1));
        assertThrows(InvalidInputException.class, () -> cases.open(AIGERIM, unborn));

        NewCaseFile beforeBirth = intake("Тестова-Четыре", "ALM");
        beforeBirth.setIncidentDate(LocalDate.of(1980, 1, 1));
        assertEquals(List.of("case.incident.date.beforeBirth"),
                assertThrows(InvalidInputException.class, () -> cases.open(AIGERIM, beforeBirth)).messageKeys());

        NewCaseFile unknownRegion = intake("Тестова-Пять", "XXX");
        assertEquals(List.of("case.region.unknown"),
                assertThrows(InvalidInputException.class, () -> cases.open(AIGERIM, unknownRegion)).messageKeys());

        assertEquals(before + 1, cases.count(AIGERIM), "only the valid intake was saved");
        CaseNumber next = cases.open(AIGERIM, intake("Тестова-Шесть", "ALM"));
        assertEquals(first.sequence() + 1, next.sequence(), "refused intakes gave their numbers back");
    }

    @Test
    void onlyASocialWorkerOpensCases() {
        assertThrows(AccessDeniedException.class, () -> cases.open(NURLAN, intake("Тестова-Семь", "ALM")));
        assertThrows(AccessDeniedException.class, () -> cases.open(GUEST, intake("Тестова-Восемь", "ALM")));
        Caller unknownOrganisation = worker("ghost", "NO-SUCH-ORG", "ALM");
        assertEquals(List.of("case.organisation.unknown"),
                assertThrows(InvalidInputException.class, () -> cases.open(unknownOrganisation, intake("Тестова-Девять", "ALM"))).messageKeys());
    }

    @Test
    void concurrentIntakesGetDistinctConsecutiveNumbers() throws Exception {
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        int parallel = 12;
        // a region of its own, so that no other test's intake takes a number between; opened by a worker of that region
        String centre = "SHY-" + Math.floorMod(System.nanoTime(), 1_000_000L);
        referenceData.addOrganisation(ADMIN, centre, "Кризисный центр «Проверка» (Шымкент)",
                kz.qorgau.reference.OrganisationType.CRISIS_CENTRE, "SHY");
        Caller shymkent = worker("shymkent-worker", centre, "SHY");
        List<Callable<CaseNumber>> intakes = new ArrayList<>();
        for (int i = 0; i < parallel; i++) {
            String name = "Параллельная-" + i;
            intakes.add(() -> cases.open(shymkent, intake(name, "SHY")));
        }
        List<Long> sequences = new ArrayList<>();
        for (Future<CaseNumber> f : executor.invokeAll(intakes)) {
            sequences.add(f.get().sequence());
        }
        sequences.sort(null);
        assertEquals(parallel, sequences.stream().distinct().count(), "no number given twice: " + sequences);
        assertEquals(sequences.get(0) + parallel - 1, sequences.get(parallel - 1), "no gaps: " + sequences);
    }

    @Test
    void listsArePagedAndSortedByTheDatabaseInKazakhAlphabetOrder() {
        List<String> opened = new ArrayList<>();
        for (String family : List.of("Ясауи-Сорт", "Әлиева-Сорт", "Айтбаева-Сорт", "Қасымова-Сорт", "Кенжебаева-Сорт")) {
            opened.add(cases.open(DANA, intake(family, "AST")).toString());
        }
        long total = cases.count(DANA);
        List<String> sorted = cases.list(DANA, new CaseListQuery(0, 100, CaseListQuery.SortBy.VICTIM, true)).stream()
                .filter(c -> opened.contains(c.number()))
                .map(CaseSummary::victimFamilyName)
                .toList();
        assertEquals(List.of("Айтбаева-Сорт", "Әлиева-Сорт", "Кенжебаева-Сорт", "Қасымова-Сорт", "Ясауи-Сорт"), sorted);

        List<CaseSummary> firstTwo = cases.list(DANA, new CaseListQuery(0, 2, CaseListQuery.SortBy.NUMBER, false));
        List<CaseSummary> nextTwo = cases.list(DANA, new CaseListQuery(2, 2, CaseListQuery.SortBy.NUMBER, false));
        assertEquals(2, firstTwo.size());
        assertTrue(firstTwo.get(1).number().compareTo(nextTwo.get(0).number()) > 0, "pages follow each other");
        assertTrue(total >= 5);
    }

    @Test
    void aConcurrentEditIsToldNotSilentlyOverwritten() {
        String number = cases.open(AIGERIM, intake("Тестова-Одновременно", "ALM")).toString();
        long seenByBoth = work.details(AIGERIM, number).version();

        work.assessRisk(AIGERIM, number, seenByBoth, RiskLevel.HIGH, LocalDate.now(Clocks.KAZAKHSTAN));
        assertThrows(ConcurrentChangeException.class,
                () -> work.assessRisk(AIGERIM, number, seenByBoth, RiskLevel.LOW, LocalDate.now(Clocks.KAZAKHSTAN)));

        CaseDetails now = work.details(AIGERIM, number);
        assertEquals(RiskLevel.HIGH, now.riskLevel(), "the first change stands");
        assertEquals(1, now.risks().size(), "the second was not saved");
    }

    @Test
    void twoSimultaneousSavesOfTheSamePlanLeaveOneAndRefuseTheOther() throws Exception {
        String number = cases.open(AIGERIM, intake("Тестова-План", "ALM")).toString();
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        List<Callable<String>> saves = new ArrayList<>();
        for (String text : List.of("План А", "План Б")) {
            saves.add(() -> {
                try {
                    work.reviseSafetyPlan(AIGERIM, number, -1, text);
                    return "saved";
                } catch (ConcurrentChangeException e) {
                    return "refused";
                }
            });
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : executor.invokeAll(saves)) {
            outcomes.add(f.get());
        }
        outcomes.sort(null);
        assertEquals(List.of("refused", "saved"), outcomes);
        String text = work.safetyPlan(AIGERIM, number).orElseThrow().text();
        assertTrue(text.equals("План А") || text.equals("План Б"));
    }

    @Test
    void aConsentRecordedTwiceAtTheSameMomentIsRefusedByTheDatabaseInTheModelsOwnWords() throws Exception {
        String number = cases.open(AIGERIM, intake("Тестова-Согласие", "ALM")).toString();
        long version = work.details(AIGERIM, number).version();
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);
        javax.sql.DataSource db = InitialContext.doLookup("java:app/jdbc/qorgau");
        ManagedExecutorService executor = InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        try (java.sql.Connection other = db.getConnection(); java.sql.Connection watch = db.getConnection();
             java.sql.Statement watching = watch.createStatement()) {
            // a colleague's consent, saved but not yet committed: invisible to the service's own check
            other.setAutoCommit(false);
            try (java.sql.PreparedStatement ps = other.prepareStatement("insert into consent (case_file_id, scope, given_on,"
                    + " recorded_by, recorded_at) select id, 'STATISTICS', ?, 'aigerim', now() from case_file where number = ?")) {
                ps.setObject(1, today);
                ps.setString(2, number);
                assertEquals(1, ps.executeUpdate());
            }
            Future<String> outcome = executor.submit(() -> {
                try {
                    work.giveConsent(AIGERIM, number, version, ConsentScope.STATISTICS, today);
                    return "saved";
                } catch (InvalidInputException e) {
                    return String.join(",", e.messageKeys());
                } catch (ConcurrentChangeException e) {
                    return "concurrent change";
                }
            });
            long waiting = 0;
            for (int i = 0; i < 100 && waiting == 0 && !outcome.isDone(); i++) {
                Thread.sleep(100);
                waiting = Long.parseLong(scalar(watching, "select count(*) from pg_stat_activity where wait_event_type = 'Lock'"
                        + " and query ilike 'insert into consent%'"));
            }
            assertEquals(1, waiting, "the service's insert waits on the colleague's uncommitted one");
            other.commit();
            assertEquals("case.consent.alreadyGiven", outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
        }
        CaseDetails after = work.details(AIGERIM, number);
        assertEquals(1, after.consents().stream().filter(c -> c.scope() == ConsentScope.STATISTICS).count(), "one consent in force");
        assertEquals(version, after.version(), "nothing of the refused change was saved");
    }

    @Test
    void onlyASupervisorClosesAndAClosedCaseIsReadOnlyUntilReopened() {
        String number = cases.open(AIGERIM, intake("Тестова-Закрытие", "ALM")).toString();
        work.activate(AIGERIM, number, work.details(AIGERIM, number).version());
        work.requestClosure(AIGERIM, number, work.details(AIGERIM, number).version());

        long v = work.details(AIGERIM, number).version();
        assertThrows(AccessDeniedException.class, () -> work.approveClosure(AIGERIM, number, v, "сама закрою"));
        InvalidInputException noComment = assertThrows(InvalidInputException.class, () -> work.approveClosure(NURLAN, number, v, ""));
        assertEquals(List.of("case.closure.commentRequired"), noComment.messageKeys());
        work.approveClosure(NURLAN, number, v, "Цели плана достигнуты");
        assertEquals(CaseStatus.CLOSED, work.details(NURLAN, number).status());

        long closed = work.details(AIGERIM, number).version();
        assertEquals(List.of("case.closed.readOnly"), assertThrows(InvalidInputException.class,
                () -> work.assessRisk(AIGERIM, number, closed, RiskLevel.LOW, LocalDate.now(Clocks.KAZAKHSTAN))).messageKeys());
        assertThrows(InvalidInputException.class, () -> work.reviseSafetyPlan(AIGERIM, number, -1, "новый план"));

        work.reopen(NURLAN, number, closed);
        work.assessRisk(AIGERIM, number, work.details(AIGERIM, number).version(), RiskLevel.LOW, LocalDate.now(Clocks.KAZAKHSTAN));
        List<CaseEventKind> kinds = work.timeline(AIGERIM, number).stream().map(CaseEvent::kind).toList();
        assertEquals(List.of(CaseEventKind.CASE_OPENED, CaseEventKind.CASE_ACTIVATED, CaseEventKind.CLOSURE_REQUESTED,
                CaseEventKind.CLOSURE_APPROVED, CaseEventKind.CASE_REOPENED, CaseEventKind.RISK_ASSESSED), kinds);
    }

    @Test
    void outsideHerPartitionACaseDoesNotExist() {
        String number = cases.open(AIGERIM, intake("Тестова-Чужая", "ALM")).toString();
        assertThrows(NotFoundException.class, () -> work.details(DANA, number));
        assertThrows(NotFoundException.class, () -> work.assessRisk(DANA, number, 0, RiskLevel.LOW, LocalDate.now(Clocks.KAZAKHSTAN)));
        assertThrows(NotFoundException.class, () -> work.details(AIGERIM, "ALM-1999-999999"));
        assertThrows(AccessDeniedException.class, () -> work.safetyPlan(POLICE, number), "police never read the safety plan");
        assertEquals(number, work.details(POLICE, number).number(), "police of the region see the case itself");
    }

    @Test
    void aReferralLeavesOnlyWithConsentToDisclosureAndOnlyItsProviderAnswersIt() {
        String number = cases.open(AIGERIM, intake("Тестова-Направление", "ALM")).toString();
        Long id = referrals.propose(AIGERIM, number, SpecialSocialService.PSYCHOLOGICAL, "ALM-NGO");
        assertTrue(referrals.inbox(MADINA, 0, 100).stream().noneMatch(r -> r.id().equals(id)), "a draft is not sent");

        long v = version(number, id);
        assertEquals(List.of("referral.consent.disclosureMissing"),
                assertThrows(InvalidInputException.class, () -> referrals.send(AIGERIM, id, v)).messageKeys());

        work.giveConsent(AIGERIM, number, work.details(AIGERIM, number).version(), ConsentScope.DISCLOSURE,
                LocalDate.now(Clocks.KAZAKHSTAN));
        referrals.send(AIGERIM, id, version(number, id));

        ReferralView inInbox = referrals.inbox(MADINA, 0, 100).stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertEquals(ReferralStatus.SENT, inInbox.status());
        assertEquals(number, inInbox.caseNumber());
        assertThrows(NotFoundException.class, () -> referrals.accept(DANA_AS_NGO, id, inInbox.version()), "another provider");
        assertThrows(NotFoundException.class, () -> work.details(MADINA, number), "the NGO never reads the case itself");

        referrals.accept(MADINA, id, inInbox.version());
        referrals.recordDelivery(MADINA, id, version(number, id), LocalDate.now(Clocks.KAZAKHSTAN), new java.math.BigDecimal("1.5"));
        ReferralView delivered = referrals.ofCase(AIGERIM, number).get(0);
        assertEquals(ReferralStatus.IN_PROGRESS, delivered.status());
        assertEquals(0, new java.math.BigDecimal("1.50").compareTo(delivered.totalHours()));
    }

    static final Caller DANA_AS_NGO = new Caller("ngo2", Set.of(Role.NGO), Optional.of("AST-CC"), Optional.of("AST"));

    private long version(String number, Long referralId) {
        return referrals.ofCase(AIGERIM, number).stream().filter(r -> r.id().equals(referralId)).findFirst().orElseThrow().version();
    }

    @Test
    void policeIssueOrdersAndCourtsRecordDecisionsEachOnlyTheirOwn() {
        String number = cases.open(AIGERIM, intake("Тестова-Предписание", "ALM")).toString();
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);
        Perpetrator aggressor = new Perpetrator("Примеров", "Ерлан", null, today.minusYears(30));
        assertThrows(AccessDeniedException.class, () -> protection.issue(AIGERIM, number, "ЗП-1", today, aggressor,
                Set.of(Prohibition.NO_VIOLENCE)));
        assertThrows(AccessDeniedException.class, () -> protection.issue(ALIYA, number, "ЗП-1", today, aggressor,
                Set.of(Prohibition.NO_VIOLENCE)));
        String orderNumber = "ЗП-" + System.nanoTime();
        Long order = protection.issue(POLICE, number, orderNumber, today, aggressor, Set.of(Prohibition.NO_VIOLENCE));
        assertEquals(List.of("order.number.taken"), assertThrows(InvalidInputException.class,
                () -> protection.issue(POLICE, number, orderNumber, today, aggressor, Set.of(Prohibition.NO_VIOLENCE))).messageKeys());
        assertEquals(today.plusDays(29), protection.ofCase(AIGERIM, number).get(0).validUntil(), "30 days including the day of issue");

        assertThrows(AccessDeniedException.class, () -> mandates.record(POLICE, number, decision(today)));
        assertThrows(NotFoundException.class, () -> mandates.record(ALIYA, number, decision(today)),
                "a court sees only the cases brought before it");
        work.bringBeforeCourt(POLICE, number, "ALM-CRT");
        assertEquals(List.of("case.court.alreadySubmitted"), assertThrows(InvalidInputException.class,
                () -> work.bringBeforeCourt(AIGERIM, number, "ALM-CRT")).messageKeys());
        Long mandate = mandates.record(ALIYA, number, decision(today));
        assertEquals(1, mandates.ofCase(AIGERIM, number).size());
        long mv = mandates.ofCase(ALIYA, number).get(0).version();
        mandates.recordSession(ALIYA, mandate, mv, today, Attendance.MISSED);
        assertThrows(ConcurrentChangeException.class, () -> mandates.recordSession(ALIYA, mandate, mv, today, Attendance.ATTENDED),
                "a session recorded on a stale page is refused");

        List<Deadline> due = deadlines.forCaller(NURLAN);
        assertTrue(due.stream().anyMatch(d -> d.kind() == DeadlineKind.SESSIONS_MISSED && d.caseNumber().equals(number)));
        assertTrue(deadlines.forCaller(DANA).stream().noneMatch(d -> d.caseNumber().equals(number)), "other partitions see none");
        assertTrue(order > 0);
    }

    @Test
    void oneCaseViewIsOneReadOfAtMostFifteenStatementsAndOneAuditEntry() throws Exception {
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);
        String number = cases.open(AIGERIM, intake("Тестова-Полная", "ALM")).toString();
        for (int i = 1; i < 10; i++) {
            var perpetrator = new kz.qorgau.casefile.PersonDetails("Примеров", "Номер" + i, null, null, null, Sex.MALE,
                    null, 30 + i, null, null, null, null);
            work.recordIncident(AIGERIM, number, work.details(AIGERIM, number).version(), new kz.qorgau.casefile.IncidentDetails(
                    today.minusDays(40 + i), GbvType.PHYSICAL_ASSAULT, null, "ALM", "Образцово", null, perpetrator,
                    kz.qorgau.casefile.Relationship.values()[0], null));
        }
        Perpetrator aggressor = new Perpetrator("Примеров", "Ерлан", null, today.minusYears(30));
        for (int i = 0; i < 5; i++) {
            Long order = protection.issue(POLICE, number, "ЗП-" + System.nanoTime(), today.minusDays(i * 40L), aggressor,
                    Set.of(Prohibition.NO_VIOLENCE, Prohibition.NO_SEEKING_OR_HARASSING));
            if (i == 0) {
                long version = protection.ofCase(POLICE, number).stream().filter(o -> o.id().equals(order)).findFirst().orElseThrow().version();
                protection.recordViolation(POLICE, order, version, today, kz.qorgau.protection.ViolationConsequence.WARNING, null);
            }
        }
        work.bringBeforeCourt(POLICE, number, "ALM-CRT");
        for (int i = 0; i < 3; i++) {
            Long mandate = mandates.record(ALIYA, number, decision(today));
            long version = mandates.ofCase(ALIYA, number).stream().filter(m -> m.id().equals(mandate)).findFirst().orElseThrow().version();
            mandates.recordSession(ALIYA, mandate, version, today, Attendance.ATTENDED);
        }
        work.giveConsent(AIGERIM, number, work.details(AIGERIM, number).version(), ConsentScope.DISCLOSURE, today);
        SpecialSocialService[] services = SpecialSocialService.values();
        for (int i = 0; i < 10; i++) {
            Long id = referrals.propose(AIGERIM, number, services[i % services.length], i < 5 ? "ALM-NGO" : "ALM-FSC");
            referrals.send(AIGERIM, id, version(number, id));
            if (i < 5) {
                referrals.accept(MADINA, id, version(number, id));
                referrals.recordDelivery(MADINA, id, version(number, id), today, new java.math.BigDecimal("2"));
            }
        }
        notes.write(AIGERIM, number, "Тестовая заметка");

        javax.sql.DataSource db = InitialContext.doLookup("java:app/jdbc/qorgau");
        String reads = "select count(*) from audit_event where case_file_id = (select id from case_file where number = '"
                + number + "') and action = 'READ'";
        long readsBefore;
        try (var c = db.getConnection(); var st = c.createStatement()) {
            readsBefore = Long.parseLong(scalar(st, reads));
        }
        var counted = kz.qorgau.shared.persistence.StatementCount.during(() -> caseViews.open(AIGERIM, number));
        kz.qorgau.caseview.CaseView view = counted.result();
        assertEquals(10, view.details().incidents().size());
        assertEquals(5, view.orders().size());
        assertEquals(1, view.orders().get(0).violations().size(), "the newest order, with its violation");
        assertEquals(3, view.decisions().size());
        assertTrue(view.decisions().stream().allMatch(d -> d.course() != null && d.course().attendedSessions() == 1));
        assertEquals(10, view.referrals().size());
        assertEquals(5, view.referrals().stream().filter(r -> r.totalHours().signum() > 0).count());
        assertTrue(view.timeline().size() >= 30, view.timeline().size() + " timeline entries");
        assertEquals(1, view.readableNotes().orElseThrow().size());
        assertTrue(view.plan().isPresent() && view.secretAddress().isPresent(), "her own organisation's worker");
        assertEquals(view.orders().get(0).orderNumber(), view.summary().orderInForce());
        System.out.println("one case view: " + counted.statements() + " SQL statements");
        assertTrue(counted.statements() > 0, "the count sees the statements");
        assertTrue(counted.statements() <= 15, "one case view cost " + counted.statements() + " SQL statements");
        try (var c = db.getConnection(); var st = c.createStatement()) {
            assertEquals(readsBefore + 1, Long.parseLong(scalar(st, reads)), "one audit entry per view");
        }

        // the others who read it: the same read, only what each may see, within the same bound
        var byPolice = kz.qorgau.shared.persistence.StatementCount.during(() -> caseViews.open(POLICE, number));
        assertTrue(byPolice.result().readableNotes().isEmpty() && byPolice.result().plan().isEmpty()
                && byPolice.result().secretAddress().isEmpty() && byPolice.result().referrals().isEmpty());
        assertTrue(byPolice.result().details().consents().isEmpty(), "no social work for the police");
        assertTrue(byPolice.statements() <= 15, "police view: " + byPolice.statements());
        var bySupervisor = kz.qorgau.shared.persistence.StatementCount.during(() -> caseViews.open(NURLAN, number));
        assertTrue(bySupervisor.result().secretAddress().isEmpty(), "the address stays with her organisation");
        assertTrue(bySupervisor.statements() <= 15, "supervisor view: " + bySupervisor.statements());
        assertThrows(NotFoundException.class, () -> caseViews.open(DANA, number));
        assertSerialisable(view);
    }

    /** A view-scoped page keeps the view: it must survive serialisation (session passivation, replication). */
    private static void assertSerialisable(kz.qorgau.caseview.CaseView view) throws Exception {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(view);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(view, in.readObject());
        }
    }

    private static MandateService.Decision decision(LocalDate today) {
        return new MandateService.Decision("2-" + System.nanoTime(), today, today, today.plusMonths(6).minusDays(1),
                Set.of(Requirement.NO_CONTACT), 2, null, null, null, "ALM-HC", 10);
    }

    @Test
    void theDuplicateCheckNamesVisibleCasesAndOnlyCountsOthers() {
        NewCaseFile form = intake("Дубликатова", "ALM");
        form.setBirthDate(LocalDate.of(1979, 2, 3));
        String almaty = cases.open(AIGERIM, form).toString();
        NewCaseFile sameInAstana = intake("ДУБЛИКАТОВА", "AST");
        sameInAstana.setBirthDate(LocalDate.of(1979, 2, 3));
        String astanaCase = cases.open(DANA, sameInAstana).toString();

        DuplicateCheck check = cases.possibleDuplicates(DANA, form);
        assertEquals(List.of(astanaCase), check.visible().stream().map(DuplicateCheck.Match::number).toList());
        assertEquals(1, check.visibleTotal());
        assertTrue(check.knownElsewhere(), "aigerim's case is a yes, not a number");
        assertEquals(List.of(almaty), cases.possibleDuplicates(AIGERIM, form).visible().stream().map(DuplicateCheck.Match::number).toList());
    }

    /**
     * Beyond one page: 25 cases of the same woman in her organisation are counted by the database and listed page by
     * page, a case in another organisation is only a yes, and every check leaves an audit row without the IIN.
     */
    @Test
    void theDuplicateCheckCountsBeyondAPageAndIsAuditedWithoutTheIin() throws Exception {
        String iin = "850412400012";
        kz.qorgau.casefile.PersonSearch byIin = new kz.qorgau.casefile.PersonSearch(iin, null, null, null);
        assertFalse(cases.possibleDuplicates(ZHANAR, byIin, 0).found(), "nobody has this IIN yet");
        List<String> opened = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            NewCaseFile again = intake("Многократова", "ALM");
            again.setBirthDate(null);
            again.setIin(iin);
            opened.add(cases.open(AIGERIM, again).toString());
        }
        NewCaseFile elsewhere = intake("Многократова", "AST");
        elsewhere.setBirthDate(null);
        elsewhere.setIin(iin);
        String astana = cases.open(DANA, elsewhere).toString();

        DuplicateCheck first = cases.possibleDuplicates(AIGERIM, byIin, 0);
        assertEquals(25, first.visibleTotal(), "counted, not cut at a page");
        assertEquals(CaseFileService.DUPLICATES_PAGE, first.visible().size());
        assertEquals(25 - CaseFileService.DUPLICATES_PAGE, first.notListed());
        assertTrue(first.knownElsewhere(), "Astana's case is a yes");
        DuplicateCheck all = first;
        while (all.notListed() > 0) {
            all = all.withMore(cases.possibleDuplicates(AIGERIM, byIin, all.visible().size()));
        }
        List<String> listed = all.visible().stream().map(DuplicateCheck.Match::number).toList();
        assertEquals(new java.util.HashSet<>(opened), new java.util.HashSet<>(listed), "every one of hers, each once");
        assertEquals(25, listed.size());
        assertFalse(listed.contains(astana));

        DuplicateCheck fromAstana = cases.possibleDuplicates(DANA, byIin, 0);
        assertEquals(List.of(astana), fromAstana.visible().stream().map(DuplicateCheck.Match::number).toList());
        assertTrue(fromAstana.knownElsewhere());
        DuplicateCheck zhanar = cases.possibleDuplicates(ZHANAR, byIin, 0);
        assertEquals(0, zhanar.visibleTotal(), "another organisation of Almaty sees none of them");
        assertTrue(zhanar.knownElsewhere());

        assertEquals(List.of("person.iin.checkDigit"), assertThrows(InvalidInputException.class,
                () -> cases.possibleDuplicates(AIGERIM, new kz.qorgau.casefile.PersonSearch("850412400013", null, null, null), 0)).messageKeys());
        assertEquals(List.of("case.duplicates.criteriaRequired"), assertThrows(InvalidInputException.class,
                () -> cases.possibleDuplicates(AIGERIM, new kz.qorgau.casefile.PersonSearch(null, "Многократова", null, null), 0)).messageKeys());
        assertThrows(AccessDeniedException.class, () -> cases.possibleDuplicates(POLICE, byIin, 0), "intake only");
        assertThrows(AccessDeniedException.class, () -> cases.possibleDuplicates(NURLAN, byIin, 0), "a supervisor does not intake");
        assertThrows(AccessDeniedException.class, () -> cases.possibleDuplicates(MADINA, byIin, 0));

        javax.sql.DataSource application = InitialContext.doLookup("java:app/jdbc/qorgau");
        try (java.sql.Connection c = application.getConnection(); java.sql.Statement st = c.createStatement()) {
            String rows = "select count(*) from audit_event where record_type = 'DuplicateCheck' and username = 'zhanar'"
                    + " and action = 'READ' and occurred_at > now() - interval '10 minutes'";
            assertEquals("2", scalar(st, rows), "each of zhanar's checks, answered or not, is one row");
            assertEquals("by=IIN first=0 found=0 elsewhere=yes", scalar(st, "select detail from audit_event where record_type = 'DuplicateCheck'"
                    + " and username = 'zhanar' order by id desc limit 1"));
            assertEquals("by=IIN first=10 found=25 elsewhere=yes", scalar(st, "select detail from audit_event where record_type = 'DuplicateCheck'"
                    + " and username = 'aigerim' and detail like '%first=10 %' order by id desc limit 1"));
            assertEquals("0", scalar(st, "select count(*) from audit_event where detail like '%" + iin + "%'"
                    + " or detail ilike '%многократова%' or record_type like '%" + iin + "%'"), "no IIN or name in the trail");
        }
    }

    @Test
    void whereSheLivesIsForHerOwnOrganisationOnly() {
        String number = cases.open(AIGERIM, intake("Тестова-Адрес", "ALM")).toString();
        work.recordSecretAddress(AIGERIM, number, -1, "ул. Вымышленная, 7", "убежище «Демо»");
        assertEquals("ул. Вымышленная, 7", work.secretAddress(AIGERIM, number).orElseThrow().currentAddress().orElseThrow());
        assertThrows(AccessDeniedException.class, () -> work.secretAddress(NURLAN, number), "not even her supervisor");
        assertThrows(AccessDeniedException.class, () -> work.secretAddress(POLICE, number));
        assertThrows(NotFoundException.class, () -> work.secretAddress(DANA, number));
        assertThrows(ConcurrentChangeException.class, () -> work.recordSecretAddress(AIGERIM, number, -1, "другой", null),
                "a second first entry is a stale page");
    }

    @Test
    void everyLookAtACaseLeavesATraceTheApplicationCannotErase() throws Exception {
        String number = cases.open(AIGERIM, intake("Тестова-След", "ALM")).toString();
        work.details(AIGERIM, number);
        work.details(NURLAN, number);
        assertThrows(NotFoundException.class, () -> work.details(DANA, number));

        List<kz.qorgau.audit.AuditEntry> trail = work.whoSaw(AIGERIM, number, new kz.qorgau.shared.PageRequest(0, 100)).items();
        assertTrue(trail.stream().anyMatch(a -> a.username().equals("aigerim") && a.action() == kz.qorgau.audit.AuditAction.CREATE));
        assertTrue(trail.stream().anyMatch(a -> a.username().equals("nurlan") && a.action() == kz.qorgau.audit.AuditAction.READ));
        assertFalse(work.whoSaw(NURLAN, number, new kz.qorgau.shared.PageRequest(0, 100)).items().isEmpty(), "the supervisor may read it too");
        assertThrows(AccessDeniedException.class, () -> work.whoSaw(POLICE, number, new kz.qorgau.shared.PageRequest(0, 100)).items(), "police may not");

        javax.sql.DataSource application = InitialContext.doLookup("java:app/jdbc/qorgau");
        try (java.sql.Connection c = application.getConnection(); java.sql.Statement st = c.createStatement()) {
            try (java.sql.ResultSet rs = st.executeQuery("select count(*) from audit_event where username = 'dana' and action = 'FAILED_ACCESS'")) {
                rs.next();
                assertTrue(rs.getLong(1) >= 1, "the refused look is recorded");
            }
            try (java.sql.ResultSet rs = st.executeQuery("select string_agg(coalesce(detail, '') || record_type, ' ') from audit_event")) {
                rs.next();
                assertFalse(rs.getString(1).contains("Тестова"), "no victim's name in the trail");
            }
            assertEquals("qorgau_app", scalar(st, "select current_user"), "the application is not the schema owner");
            String refusalsOfDana = "select count(*) from audit_event where username = 'dana' and action = 'FAILED_ACCESS'";
            long before = Long.parseLong(scalar(st, refusalsOfDana));
            assertThrows(NotFoundException.class, () -> referrals.ofCase(DANA, number), "passes through two services");
            assertEquals(before + 1, Long.parseLong(scalar(st, refusalsOfDana)), "one attempt, one line");
            for (String attack : List.of("update audit_event set username = 'nobody'", "delete from audit_event",
                    "truncate audit_event", "drop table audit_event", "alter table audit_event disable trigger all",
                    "delete from flyway_schema_history")) {
                java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> st.execute(attack), attack);
                assertTrue(refused.getSQLState().startsWith("42"), attack + " -> " + refused.getSQLState());
            }
        }
    }

    private static String scalar(java.sql.Statement st, String sql) throws java.sql.SQLException {
        try (java.sql.ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aSupervisorBreaksTheGlassWithAReasonAndItIsFlaggedAndListed() {
        String astana = cases.open(DANA, intake("Тестова-Экстренно", "AST")).toString();
        assertThrows(NotFoundException.class, () -> work.details(NURLAN, astana));
        assertEquals(List.of("breakGlass.reason.required"),
                assertThrows(InvalidInputException.class, () -> breakGlass.open(NURLAN, astana, "срочно")).messageKeys());
        assertThrows(AccessDeniedException.class, () -> breakGlass.open(AIGERIM, astana, "Хочу посмотреть это дело"));
        assertThrows(NotFoundException.class, () -> breakGlass.open(NURLAN, "AST-1999-999999", "Угроза жизни, звонок из полиции"));

        breakGlass.open(NURLAN, astana, "Угроза жизни, звонок из полиции Алматы");
        assertEquals(astana, work.details(NURLAN, astana).number(), "now she may read it");
        assertEquals(1, caseViews.open(DANA, astana).emergencyAccesses().size(), "flagged for the owner too");
        assertTrue(work.timeline(DANA, astana).stream().anyMatch(e -> e.kind() == CaseEventKind.EMERGENCY_ACCESS));
        assertTrue(work.whoSaw(DANA, astana, new kz.qorgau.shared.PageRequest(0, 100)).items().stream().anyMatch(a -> a.action() == kz.qorgau.audit.AuditAction.BREAK_GLASS
                && a.username().equals("nurlan")));
        assertTrue(breakGlass.review(NURLAN).stream().anyMatch(r -> r.caseNumber().equals(astana)
                && r.reason().startsWith("Угроза жизни")));
        assertThrows(NotFoundException.class, () -> work.details(DANA_AS_NGO, astana), "nobody else gains anything");
    }

    @Test
    void theAssignedWorkerOfAnotherOrganisationFindsTheCaseWorksOnItAndLosesItWhenUnassigned() throws Exception {
        staff.signedIn(ZHANAR, "Zhanar Demo");
        staff.signedIn(DANA, "Dana Demo");
        String number = cases.open(AIGERIM, intake("Тестова-Назначение", "ALM")).toString();
        work.recordSecretAddress(AIGERIM, number, -1, "ул. Вымышленная, 7", null);
        assertThrows(NotFoundException.class, () -> work.details(ZHANAR, number));
        assertTrue(staff.socialWorkersOfMyRegion(NURLAN).stream().anyMatch(w -> w.username().equals("zhanar")));
        assertFalse(staff.socialWorkersOfMyRegion(NURLAN).stream().anyMatch(w -> w.username().equals("dana")), "Astana");
        assertThrows(AccessDeniedException.class, () -> staff.socialWorkersOfMyRegion(AIGERIM));

        assertThrows(AccessDeniedException.class, () -> work.assign(AIGERIM, number, work.details(AIGERIM, number).version(), "zhanar"),
                "the supervisor assigns, not the owning organisation");
        assertEquals(List.of("case.assignment.otherRegion"), assertThrows(InvalidInputException.class,
                () -> work.assign(NURLAN, number, work.details(NURLAN, number).version(), "dana")).messageKeys());
        assertEquals(List.of("case.assignment.unknownWorker"), assertThrows(InvalidInputException.class,
                () -> work.assign(NURLAN, number, work.details(NURLAN, number).version(), "nobody")).messageKeys());
        work.assign(NURLAN, number, work.details(NURLAN, number).version(), "zhanar");

        assertEquals("zhanar", work.details(AIGERIM, number).assignedTo());
        assertEquals(number, work.details(ZHANAR, number).number(), "she opens it");
        List<CaseSummary> hers = cases.list(ZHANAR, new CaseListQuery(0, 100, CaseListQuery.SortBy.LAST_ACTIVITY, false));
        assertTrue(hers.stream().anyMatch(c -> c.number().equals(number)), "and finds it in her list");
        assertTrue(cases.count(ZHANAR) >= 1);
        work.activate(ZHANAR, number, work.details(ZHANAR, number).version());
        notes.write(ZHANAR, number, "Встреча в центре поддержки семьи, следующая через неделю.");
        assertTrue(notes.notes(AIGERIM, number, new kz.qorgau.shared.PageRequest(0, 100)).items().stream().anyMatch(n -> n.authorUsername().equals("zhanar")));
        assertThrows(NotFoundException.class, () -> work.secretAddress(ZHANAR, number), "the address stays with ALM-CC");
        assertTrue(work.secretAddress(AIGERIM, number).isPresent());

        work.unassign(NURLAN, number, work.details(NURLAN, number).version());
        assertThrows(NotFoundException.class, () -> work.details(ZHANAR, number));
        assertThrows(NotFoundException.class, () -> notes.notes(ZHANAR, number, new kz.qorgau.shared.PageRequest(0, 100)).items());
        List<CaseEventKind> kinds = work.timeline(AIGERIM, number).stream().map(CaseEvent::kind).toList();
        assertTrue(kinds.containsAll(List.of(CaseEventKind.CASE_ASSIGNED, CaseEventKind.NOTE_WRITTEN, CaseEventKind.CASE_UNASSIGNED)), kinds.toString());
        assertTrue(work.timeline(AIGERIM, number).stream().filter(e -> e.kind() == CaseEventKind.CASE_ASSIGNED)
                .allMatch(e -> "ALM-FSC".equals(e.detail())), "the timeline names her organisation, not her");
    }

    @Test
    void notesAreReadByThoseWhoWorkOnTheCaseAuditedAndNeverChangedOrCopied() throws Exception {
        String number = cases.open(AIGERIM, intake("Тестова-Заметки", "ALM")).toString();
        String text = "Рассказала о давлении со стороны свекрови " + java.util.UUID.randomUUID();
        assertEquals(List.of("case.note.required"),
                assertThrows(InvalidInputException.class, () -> notes.write(AIGERIM, number, "   ")).messageKeys());
        notes.write(AIGERIM, number, "  " + text + "  ");
        notes.write(AIGERIM, number, "Поправка: свёкра, не свекрови.");

        List<kz.qorgau.casefile.CaseNoteService.NoteView> read = notes.notes(AIGERIM, number, new kz.qorgau.shared.PageRequest(0, 100)).items();
        assertEquals(2, read.size());
        assertEquals("Поправка: свёкра, не свекрови.", read.get(0).text(), "newest first");
        assertEquals(text, read.get(1).text(), "trimmed");
        assertEquals(2, notes.notes(NURLAN, number, new kz.qorgau.shared.PageRequest(0, 100)).items().size(), "the supervisor reads them");
        assertThrows(AccessDeniedException.class, () -> notes.write(NURLAN, number, "Руководитель пишет"));
        assertThrows(AccessDeniedException.class, () -> notes.notes(POLICE, number, new kz.qorgau.shared.PageRequest(0, 100)).items());
        assertThrows(AccessDeniedException.class, () -> notes.notes(ALIYA, number, new kz.qorgau.shared.PageRequest(0, 100)).items());
        assertThrows(AccessDeniedException.class, () -> notes.notes(MADINA, number, new kz.qorgau.shared.PageRequest(0, 100)).items());
        assertThrows(NotFoundException.class, () -> notes.notes(DANA, number, new kz.qorgau.shared.PageRequest(0, 100)).items());

        String closing = cases.open(AIGERIM, intake("Тестова-Заметки-Закрыто", "ALM")).toString();
        work.requestClosure(AIGERIM, closing, work.details(AIGERIM, closing).version());
        work.approveClosure(NURLAN, closing, work.details(NURLAN, closing).version(), "Помощь оказана");
        assertEquals(List.of("case.closed.readOnly"),
                assertThrows(InvalidInputException.class, () -> notes.write(AIGERIM, closing, "Поздно")).messageKeys());

        javax.sql.DataSource application = InitialContext.doLookup("java:app/jdbc/qorgau");
        try (java.sql.Connection c = application.getConnection(); java.sql.Statement st = c.createStatement()) {
            long id = read.get(1).id();
            assertTrue(Long.parseLong(scalar(st, "select count(*) from audit_event where record_type = 'CaseNote' and action = 'READ'"
                    + " and username = 'nurlan' and case_file_id = " + work.details(AIGERIM, number).id())) >= 1, "each read is audited");
            assertEquals("1", scalar(st, "select count(*) from audit_event where record_type = 'CaseNote' and action = 'CREATE'"
                    + " and record_id = " + id));
            assertEquals("0", scalar(st, "select count(*) from audit_event where coalesce(detail, '') like '%свекров%'"));
            assertEquals("0", scalar(st, "select count(*) from case_event where coalesce(detail, '') like '%свекров%'"));
            for (String attack : List.of("update case_note set text = 'изменено' where id = " + id,
                    "delete from case_note where id = " + id, "truncate case_note")) {
                java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> st.execute(attack), attack);
                assertTrue(refused.getSQLState().startsWith("42"), attack + " -> " + refused.getSQLState());
            }
        }
        assertEquals(text, notes.notes(AIGERIM, number, new kz.qorgau.shared.PageRequest(0, 100)).items().get(1).text(), "unchanged");
    }

    @Test
    void anotherSupervisorOfTheRegionReviewsAnEmergencyAccessOnceAndItLeavesTheList() throws Exception {
        String astana = cases.open(DANA, intake("Тестова-Проверка", "AST")).toString();
        Long id = breakGlass.open(NURLAN, astana, "Угроза жизни, звонок из полиции Алматы");
        assertTrue(breakGlass.review(GULNARA).stream().anyMatch(r -> r.id().equals(id)), "to review");
        Caller astanaSupervisor = new Caller("supervisor-ast", Set.of(Role.SUPERVISOR), Optional.of("AST-CC"), Optional.of("AST"));

        assertThrows(NotFoundException.class, () -> breakGlass.markReviewed(astanaSupervisor, id,
                kz.qorgau.breakglass.ReviewOutcome.JUSTIFIED, null, null), "another region's access does not exist for her");
        assertThrows(AccessDeniedException.class, () -> breakGlass.markReviewed(AIGERIM, id,
                kz.qorgau.breakglass.ReviewOutcome.JUSTIFIED, null, null));
        assertEquals(List.of("breakGlass.review.ownAccess"), assertThrows(InvalidInputException.class,
                () -> breakGlass.markReviewed(NURLAN, id, kz.qorgau.breakglass.ReviewOutcome.JUSTIFIED, null, null)).messageKeys());
        assertEquals(List.of("breakGlass.review.findingContradicts"), assertThrows(InvalidInputException.class,
                () -> breakGlass.markReviewed(GULNARA, id, kz.qorgau.breakglass.ReviewOutcome.JUSTIFIED,
                        kz.qorgau.breakglass.ReviewFinding.NO_EMERGENCY, null)).messageKeys());

        breakGlass.markReviewed(GULNARA, id, kz.qorgau.breakglass.ReviewOutcome.NOT_JUSTIFIED,
                kz.qorgau.breakglass.ReviewFinding.OWNER_REACHABLE, "Центр в Астане работал круглосуточно");

        assertFalse(breakGlass.review(GULNARA).stream().anyMatch(r -> r.id().equals(id)), "left the list");
        assertFalse(breakGlass.review(NURLAN).stream().anyMatch(r -> r.id().equals(id)));
        kz.qorgau.breakglass.ReviewedAccess reviewed = breakGlass.reviewed(NURLAN, java.time.Instant.now().minusSeconds(3600))
                .stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
        assertEquals("gulnara", reviewed.reviewedBy());
        assertEquals(kz.qorgau.breakglass.ReviewOutcome.NOT_JUSTIFIED, reviewed.outcome());
        assertEquals(astana, reviewed.caseNumber());
        assertEquals(List.of("breakGlass.review.alreadyReviewed"), assertThrows(InvalidInputException.class,
                () -> breakGlass.markReviewed(GULNARA, id, kz.qorgau.breakglass.ReviewOutcome.JUSTIFIED, null, null)).messageKeys());

        Long another = breakGlass.open(NURLAN, astana, "Вторая экстренная ситуация, звонок полиции");
        javax.sql.DataSource application = InitialContext.doLookup("java:app/jdbc/qorgau");
        try (java.sql.Connection c = application.getConnection(); java.sql.Statement st = c.createStatement()) {
            assertEquals("1", scalar(st, "select count(*) from audit_event where username = 'gulnara' and action = 'CREATE' "
                    + "and record_type = 'BreakGlassReview' and record_id = " + id));
            for (String attack : List.of("update break_glass_review set outcome = 'JUSTIFIED' where break_glass_id = " + id,
                    "delete from break_glass_review where break_glass_id = " + id,
                    "update break_glass set reason = 'другая причина' where id = " + id)) {
                java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> st.execute(attack), attack);
                assertEquals("42501", refused.getSQLState(), attack);
            }
            java.sql.SQLException own = assertThrows(java.sql.SQLException.class, () -> st.execute(
                    "insert into break_glass_review (break_glass_id, outcome, reviewed_by, reviewed_at) values ("
                            + another + ", 'JUSTIFIED', 'nurlan', now())"), "the database refuses a self-review too");
            assertEquals("23514", own.getSQLState());
        }
    }

    @Test
    void theAdminAddsAndDeactivatesAnOrganisationThatOldReferralsKeep() throws Exception {
        String code = "IT-NGO-" + Math.floorMod(System.nanoTime(), 1_000_000L);
        referenceData.addOrganisation(ADMIN, code, "НПО «Проверка» (Алматы)", kz.qorgau.reference.OrganisationType.NGO, "ALM");
        assertEquals(List.of("reference.code.duplicate"), assertThrows(InvalidInputException.class,
                () -> referenceData.addOrganisation(ADMIN, code, "Другое", kz.qorgau.reference.OrganisationType.NGO, "ALM"))
                .messageKeys());
        assertEquals(List.of("reference.code.format"), assertThrows(InvalidInputException.class,
                () -> referenceData.addOrganisation(ADMIN, "it ngo", "НПО", kz.qorgau.reference.OrganisationType.NGO, "ALM"))
                .messageKeys());
        assertThrows(AccessDeniedException.class, () -> referenceData.deactivateOrganisation(NURLAN, code, 0));
        // two admins rename it from the same page: the second is told, and the first one's name stands
        long seen = reference.organisation(code).orElseThrow().version();
        referenceData.renameOrganisation(ADMIN, code, seen, "НПО «Проверка-2» (Алматы)");
        assertEquals(List.of("reference.changedByOthers"), assertThrows(ConcurrentChangeException.class,
                () -> referenceData.renameOrganisation(ADMIN, code, seen, "Другое имя")).messageKeys());
        referenceData.renameOrganisation(ADMIN, code, reference.organisation(code).orElseThrow().version(), "НПО «Проверка» (Алматы)");
        assertTrue(referrals.providers().stream().anyMatch(o -> o.code().equals(code)));

        String number = cases.open(AIGERIM, intake("Тестова-Справочник", "ALM")).toString();
        referrals.propose(AIGERIM, number, SpecialSocialService.LEGAL, code);
        referenceData.deactivateOrganisation(ADMIN, code, reference.organisation(code).orElseThrow().version());

        assertFalse(referrals.providers().stream().anyMatch(o -> o.code().equals(code)), "no longer offered");
        assertEquals(List.of("referral.provider.unknown"), assertThrows(InvalidInputException.class,
                () -> referrals.propose(AIGERIM, number, SpecialSocialService.SOCIAL_DOMESTIC, code)).messageKeys());
        assertTrue(referrals.ofCase(AIGERIM, number).stream().anyMatch(r -> r.toOrganisationCode().equals(code)), "the old one stays");
        assertEquals("НПО «Проверка» (Алматы)", reference.organisation(code).orElseThrow().name(), "and its name");

        String article = "IT-ART-" + Math.floorMod(System.nanoTime(), 1_000_000L);
        referenceData.addLegalArticle(ADMIN, article, "УК РК", "ст. 999", "Проверочная статья", null, null);
        referenceData.deactivateLegalArticle(ADMIN, article, reference.legalArticle(article).orElseThrow().version());
        LocalDate yesterday = LocalDate.now(Clocks.KAZAKHSTAN).minusDays(1);
        kz.qorgau.casefile.IncidentDetails underIt = new kz.qorgau.casefile.IncidentDetails(yesterday, GbvType.PHYSICAL_ASSAULT,
                null, null, null, article, null, null, null);
        assertEquals(List.of("incident.legalArticle.unknown"), assertThrows(InvalidInputException.class,
                () -> work.recordIncident(AIGERIM, number, work.details(AIGERIM, number).version(), underIt)).messageKeys());

        javax.sql.DataSource application = InitialContext.doLookup("java:app/jdbc/qorgau");
        try (java.sql.Connection c = application.getConnection(); java.sql.Statement st = c.createStatement()) {
            assertEquals("Organisation:" + code + " added Organisation:" + code + " renamed Organisation:" + code + " renamed Organisation:"
                    + code + " deactivated", scalar(st,
                    "select string_agg(record_type || ':' || detail, ' ' order by id) from audit_event "
                            + "where username = 'admin' and record_type = 'Organisation' and detail like '" + code + " %'"));
            for (String attack : List.of("delete from organisation where code = '" + code + "'",
                    "update organisation set type = 'COURT' where code = '" + code + "'",
                    "update organisation set code = 'IT-OTHER' where code = '" + code + "'",
                    "delete from legal_article where code = '" + article + "'",
                    "update region set name_ru = 'Другое' where code = 'ALM'")) {
                java.sql.SQLException refused = assertThrows(java.sql.SQLException.class, () -> st.execute(attack), attack);
                assertEquals("42501", refused.getSQLState(), attack);
            }
        }
    }

    /**
     * The demo data go through the services like the people they stand for; generated here into the shared database
     * (the deployment runs without them), every demo user then finds work of her own. Counted as differences, since
     * the other tests add cases of their own.
     */
    @Test
    void theDemoDataLoadAndGiveEveryDemoUserSomethingToDo() {
        long beforeCourt = cases.count(ALIYA);
        long assignedBefore = cases.count(ZHANAR);
        // the total, not one page: the shared deployment's imports send hundreds of referrals to this organisation
        long inboxBefore = referrals.inbox(MADINA, new kz.qorgau.shared.PageRequest(0, 1)).total();
        long started = System.nanoTime();
        kz.qorgau.demo.DemoData.Showcase demo = demoData.generate();
        System.out.println("Demo data generated in " + (System.nanoTime() - started) / 1_000_000 + " ms: "
                + demo.casesOpened() + " cases");
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);

        String atWork = demo.withOrders().get(0);
        CaseDetails worked = work.details(AIGERIM, atWork);
        assertEquals(CaseStatus.ACTIVE, worked.status());
        assertFalse(worked.risks().isEmpty());
        assertTrue(worked.consents().stream().anyMatch(c -> c.scope() == ConsentScope.DISCLOSURE));
        assertTrue(worked.incidents().stream().anyMatch(i -> i.legalArticleCode() != null && i.perpetratorName() != null));
        assertTrue(work.safetyPlan(AIGERIM, atWork).isPresent());
        assertEquals(2, notes.notes(AIGERIM, atWork, new kz.qorgau.shared.PageRequest(0, 100)).items().size());

        List<kz.qorgau.protection.OrderStatus> orders = demo.withOrders().stream()
                .flatMap(n -> protection.ofCase(POLICE, n).stream()).map(o -> o.status(today)).toList();
        assertEquals(5, orders.size());
        assertTrue(orders.contains(kz.qorgau.protection.OrderStatus.REVOKED), orders.toString());
        assertTrue(demo.withOrders().stream().anyMatch(n -> work.timeline(POLICE, n).stream()
                .anyMatch(e -> e.kind() == CaseEventKind.PROTECTIVE_ORDER_VIOLATED)));
        assertTrue(deadlines.forCaller(POLICE).stream().anyMatch(d -> d.kind() == DeadlineKind.ORDER_EXPIRING
                && demo.withOrders().contains(d.caseNumber()) && d.mine()), "serik's start page names the order ending this week");

        assertEquals(beforeCourt + demo.beforeCourt().size(), cases.count(ALIYA));
        for (String number : demo.beforeCourt()) {
            assertEquals(1, mandates.ofCase(ALIYA, number).size(), number);
        }
        List<Deadline> courtDue = deadlines.forCaller(ALIYA);
        assertTrue(courtDue.stream().anyMatch(d -> d.kind() == DeadlineKind.SESSIONS_MISSED && demo.beforeCourt().contains(d.caseNumber())));
        assertTrue(courtDue.stream().anyMatch(d -> d.kind() == DeadlineKind.MANDATE_ENDING && demo.beforeCourt().contains(d.caseNumber())));

        kz.qorgau.shared.Page<ReferralView> inboxPage = referrals.inbox(MADINA, new kz.qorgau.shared.PageRequest(0, 100));
        assertEquals(inboxBefore + demo.referred().size(), inboxPage.total());
        List<ReferralView> inbox = inboxPage.items();
        Set<ReferralStatus> answers = inbox.stream().filter(r -> demo.referred().contains(r.caseNumber()))
                .map(ReferralView::status).collect(java.util.stream.Collectors.toSet());
        assertEquals(Set.of(ReferralStatus.SENT, ReferralStatus.ACCEPTED, ReferralStatus.IN_PROGRESS, ReferralStatus.DECLINED,
                ReferralStatus.COMPLETED), answers);

        assertEquals(CaseStatus.CLOSURE_REQUESTED, work.details(NURLAN, demo.closureRequested()).status());
        assertEquals(assignedBefore + 1, cases.count(ZHANAR));
        assertEquals("zhanar", work.details(ZHANAR, demo.assignedToZhanar()).assignedTo());
        assertFalse(notes.notes(ZHANAR, demo.assignedToZhanar(), new kz.qorgau.shared.PageRequest(0, 100)).items().isEmpty());

        kz.qorgau.trafficking.TraffickingIdentification identified = trafficking.of(POLICE, demo.trafficking()).orElseThrow();
        assertEquals(kz.qorgau.trafficking.IdentificationStatus.VICTIM, identified.status());
        assertEquals("ALM-POL", identified.decidingOrganisationCode());
        assertTrue(work.details(POLICE, demo.trafficking()).victim().foreign());

        assertTrue(breakGlass.review(GULNARA).stream().anyMatch(r -> r.caseNumber().equals(demo.emergencyAccess())));
    }
}
