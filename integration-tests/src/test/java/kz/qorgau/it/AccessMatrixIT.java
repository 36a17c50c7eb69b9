package kz.qorgau.it;

import kz.qorgau.statistics.Area;
import kz.qorgau.statistics.Figure;
import kz.qorgau.statistics.Period;
import kz.qorgau.statistics.ReportRequest;
import kz.qorgau.statistics.StatisticsService;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import kz.qorgau.casefile.CaseFileService;
import kz.qorgau.casefile.CaseWorkService;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.RiskLevel;
import kz.qorgau.casefile.Sex;
import kz.qorgau.mandate.MandateService;
import kz.qorgau.mandate.Requirement;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectionService;
import kz.qorgau.referral.ReferralService;
import kz.qorgau.breakglass.BreakGlassService;
import kz.qorgau.breakglass.ReviewFinding;
import kz.qorgau.breakglass.ReviewOutcome;
import kz.qorgau.reference.OrganisationType;
import kz.qorgau.reference.ReferenceDataAdmin;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.NotFoundException;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every role × every action × a record inside and outside its partition, with the identity each demo user really
 * gets from Keycloak: a password grant on the test client, the token's claims turned into a caller by the same
 * {@code Caller.fromToken} the pages use. A refusal is either "forbidden" (the action is not the role's) or
 * "not found" (the record is outside the partition, indistinguishable from one that does not exist).
 * The matrix is printed to the test's output.
 */
@ExtendWith(ArquillianExtension.class)
class AccessMatrixIT {

    @Deployment
    static WebArchive deployment() throws Exception {
        return CaseServicesIT.deployment().addClasses(AccessMatrixIT.class, DemoTokens.class);
    }

    @Inject
    CaseFileService cases;

    @Inject
    CaseWorkService work;

    @Inject
    ProtectionService protection;

    @Inject
    MandateService mandates;

    @Inject
    ReferralService referrals;

    @Inject
    kz.qorgau.casefile.CaseNoteService notes;

    @Inject
    kz.qorgau.staff.StaffDirectory staff;

    @Inject
    BreakGlassService breakGlass;

    @Inject
    ReferenceDataAdmin referenceData;

    @Inject
    StatisticsService statistics;

    private static final List<String> USERS = List.of("aigerim", "dana", "zhanar", "nurlan", "gulnara", "serik", "aliya",
            "madina", "asel", "admin", "guest");

    /**
     * Expected outcome per user, in the order of the actions below: Y allowed, F forbidden, N not found. A role with
     * no case partition at all (NGO, analyst, admin, none) finds no case: to it, none exists. S: refused because the
     * emergency access to review is the caller's own. R: refused with a reason, the Almaty case of a worker of Astana.
     */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("aigerim", "Y N Y Y Y Y F F F Y F Y  Y Y F Y Y Y Y  F F  F F F Y F F"),
            Map.entry("dana",    "N Y R N N N F F F N F N  N N F N N N N  F F  F F F F F F"),
            Map.entry("zhanar",  "N N Y N N N F F F N F N  N N F Y Y Y N  F F  F F F F F F"),
            Map.entry("nurlan",  "Y N F F Y F Y F F Y F Y  Y F Y Y Y F F  F S  F Y F Y Y Y"),
            Map.entry("gulnara", "Y N F F Y F Y F F Y F Y  Y F Y Y Y F F  F Y  F Y F Y Y Y"),
            Map.entry("serik",   "Y N F F F F F Y F F F Y  F F F Y F F F  F F  F F F F Y F"),
            Map.entry("aliya",   "Y N F F F F F F Y F F N  F F F N F F F  F F  F F F F F F"),
            Map.entry("madina",  "N N F F F F F F F N Y N  F F F N F F F  F F  F F F F F F"),
            Map.entry("asel",    "N N F F F F F F F N F N  F F F N F F F  F F  Y Y Y F F F"),
            Map.entry("admin",   "N N F F F F F F F N F N  F F F N F F F  Y F  F F F F F F"),
            Map.entry("guest",   "N N F F F F F F F N F N  F F F N F F F  F F  F F F F F F"));

    private static final List<String> ACTIONS = List.of("read Almaty case", "read Astana case", "open a case",
            "assess risk", "read safety plan", "read address", "approve closure", "issue order", "record decision",
            "who saw this", "referral inbox", "read case not before court",
            "read notes", "write a note", "assign a case", "read case assigned to zhanar", "its notes", "note on it",
            "its address", "administer reference data", "review a break-glass access",
            "national statistics", "Almaty statistics", "Astana statistics", "ALM-CC statistics", "ALM-POL order statistics",
            "Almaty caseload");

    @Test
    void eachRoleDoesExactlyWhatItMayAndSeesNoMore() throws Exception {
        Map<String, Caller> callers = new LinkedHashMap<>();
        for (String user : USERS) {
            callers.put(user, callerFromKeycloak(user));
        }
        Caller aigerim = callers.get("aigerim");
        String almaty = cases.open(aigerim, intake("Матрица-Алматы", "ALM")).toString();
        String astana = cases.open(callers.get("dana"), intake("Матрица-Астана", "AST")).toString();
        String closing = cases.open(aigerim, intake("Матрица-Закрытие", "ALM")).toString();
        Caller nurlan = callers.get("nurlan");
        // a case of its own for the emergency accesses to review: they let nurlan read it, and must not open the others
        String emergency = cases.open(callers.get("dana"), intake("Матрица-Экстренно", "AST")).toString();
        work.bringBeforeCourt(aigerim, almaty, "ALM-CRT");
        work.requestClosure(aigerim, closing, work.details(aigerim, closing).version());
        work.recordSecretAddress(aigerim, almaty, -1, "ул. Вымышленная, 1", null);
        notes.write(aigerim, almaty, "Матрица: заметка консультанта");
        // zhanar, of another Almaty organisation, works on one of aigerim's cases by the supervisor's assignment
        staff.signedIn(callers.get("zhanar"), "Zhanar Demo");
        String assigned = cases.open(aigerim, intake("Матрица-Назначено", "ALM")).toString();
        work.recordSecretAddress(aigerim, assigned, -1, "ул. Вымышленная, 2", null);
        work.assign(callers.get("nurlan"), assigned, work.details(aigerim, assigned).version(), "zhanar");
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);

        List<Consumer<Caller>> actions = List.of(
                c -> work.details(c, almaty),
                c -> work.details(c, astana),
                c -> cases.open(c, intake("Матрица-Новое", "ALM")),
                c -> work.assessRisk(c, almaty, work.details(aigerim, almaty).version(), RiskLevel.MEDIUM, today),
                c -> work.safetyPlan(c, almaty),
                c -> work.secretAddress(c, almaty),
                c -> {
                    // a case of its own for each attempt: the first supervisor's approval would close a shared one
                    String toClose = cases.open(aigerim, intake("Матрица-Закрытие", "ALM")).toString();
                    work.requestClosure(aigerim, toClose, work.details(aigerim, toClose).version());
                    work.approveClosure(c, toClose, work.details(aigerim, toClose).version(), "Матрица: закрыть");
                },
                c -> protection.issue(c, almaty, "М-" + System.nanoTime(), today,
                        new Perpetrator("Примеров", "Ерлан", null, today.minusYears(30)), Set.of(Prohibition.NO_VIOLENCE)),
                c -> mandates.record(c, almaty, new MandateService.Decision("М-" + System.nanoTime(), today, today,
                        today.plusMonths(3).minusDays(1), Set.of(Requirement.NO_CONTACT), null, null, null, null, null, null)),
                c -> work.whoSaw(c, almaty, new kz.qorgau.shared.PageRequest(0, 100)).items(),
                c -> referrals.inbox(c, 0, 25),
                c -> work.details(c, closing),
                c -> notes.notes(c, almaty, new kz.qorgau.shared.PageRequest(0, 100)).items(),
                c -> notes.write(c, almaty, "Матрица: ещё одна заметка"),
                c -> {
                    // a case of its own for each attempt: both supervisors of the region may assign
                    String toAssign = cases.open(aigerim, intake("Матрица-Назначить", "ALM")).toString();
                    work.assign(c, toAssign, work.details(aigerim, toAssign).version(), "zhanar");
                },
                c -> work.details(c, assigned),
                c -> notes.notes(c, assigned, new kz.qorgau.shared.PageRequest(0, 100)).items(),
                c -> notes.write(c, assigned, "Матрица: заметка по назначенному делу"),
                c -> work.secretAddress(c, assigned),
                c -> referenceData.addOrganisation(c, "MX-" + Math.floorMod(System.nanoTime(), 1_000_000_000L), "Матрица: НПО",
                        OrganisationType.NGO, "AST"),
                c -> breakGlass.markReviewed(c, breakGlass.open(nurlan, emergency, "Матрица: угроза жизни, звонок полиции"),
                        ReviewOutcome.JUSTIFIED, ReviewFinding.POLICE_REQUEST, null),
                c -> statistics.report(c, lastYear(Figure.NEW_CASES, Area.NATIONAL)),
                c -> statistics.report(c, lastYear(Figure.NEW_CASES, Area.region("ALM"))),
                c -> statistics.report(c, lastYear(Figure.NEW_CASES, Area.region("AST"))),
                c -> statistics.report(c, lastYear(Figure.NEW_CASES, Area.organisation("ALM-CC"))),
                c -> statistics.report(c, lastYear(Figure.ORDERS_ISSUED, Area.organisation("ALM-POL"))),
                c -> statistics.caseload(c));

        StringBuilder table = new StringBuilder(String.format("%-9s", "user"));
        ACTIONS.forEach(a -> table.append(" | ").append(a));
        table.append('\n');
        List<String> mismatches = new ArrayList<>();
        for (String user : USERS) {
            List<String> outcomes = new ArrayList<>();
            for (Consumer<Caller> action : actions) {
                outcomes.add(outcome(action, callers.get(user)));
            }
            String actual = String.join(" ", outcomes);
            table.append(String.format("%-9s", user));
            for (int i = 0; i < outcomes.size(); i++) {
                table.append(" | ").append(String.format("%-" + ACTIONS.get(i).length() + "s", label(outcomes.get(i))));
            }
            table.append('\n');
            if (!actual.equals(EXPECTED.get(user).replaceAll(" +", " "))) {
                mismatches.add(user + ": expected " + EXPECTED.get(user) + " but was " + actual);
            }
        }
        System.out.println("Access matrix (Y allowed, F forbidden, N not found):\n" + table);
        assertEquals(List.of(), mismatches, "\n" + table);
    }

    /**
     * Two roles on one token, as Keycloak issues them: bolat is a social worker of ALM-FSC and police, saule a social
     * worker of ALM-SPD and a supervisor. Each role grants in its own partition: police and supervisors read every
     * Almaty case, but neither may work on a case of another organisation because of it.
     */
    @Test
    void twoRolesOnOneTokenGetWhatEachRoleMayInItsOwnPartitionNeverMore() throws Exception {
        Caller aigerim = callerFromKeycloak("aigerim");
        Caller bolat = callerFromKeycloak("bolat");
        Caller saule = callerFromKeycloak("saule");
        assertEquals(Set.of(kz.qorgau.shared.Role.SOCIAL_WORKER, kz.qorgau.shared.Role.POLICE), bolat.roles());
        assertEquals(Set.of(kz.qorgau.shared.Role.SOCIAL_WORKER, kz.qorgau.shared.Role.SUPERVISOR), saule.roles());
        String other = cases.open(aigerim, intake("Две-Роли", "ALM")).toString();
        work.recordSecretAddress(aigerim, other, -1, "ул. Вымышленная, 3", null);
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);
        for (Caller both : List.of(bolat, saule)) {
            String who = both.username() + ": ";
            assertEquals("Y", outcome(c -> work.details(c, other), both), who + "reads the region's case");
            assertEquals("F", outcome(c -> work.activate(c, other, work.details(aigerim, other).version()), both), who + "activate");
            assertEquals("F", outcome(c -> work.requestClosure(c, other, work.details(aigerim, other).version()), both),
                    who + "request closure");
            assertEquals("F", outcome(c -> work.assessRisk(c, other, work.details(aigerim, other).version(), RiskLevel.HIGH, today),
                    both), who + "assess risk");
            assertEquals("F", outcome(c -> notes.write(c, other, "Две роли: заметка"), both), who + "write a note");
            assertEquals("F", outcome(c -> work.reviseSafetyPlan(c, other, -1, "План"), both), who + "safety plan");
            assertEquals("N", outcome(c -> work.secretAddress(c, other), both), who + "address");
            assertEquals("F", outcome(c -> referrals.propose(c, other, kz.qorgau.referral.SpecialSocialService.LEGAL, "ALM-NGO"),
                    both), who + "referral");
            assertTrue(work.details(both, other).access().getActions().stream().noneMatch(a -> a.name().startsWith("WORK")
                    || a == kz.qorgau.access.CaseAction.WRITE_NOTE), who + "the answer offers no work");
            // her own organisation's case she runs as any social worker does
            String own = cases.open(both, intake("Две-Роли-Своё", "ALM")).toString();
            assertEquals("Y", outcome(c -> work.activate(c, own, work.details(c, own).version()), both), who + "own case");
            assertEquals("Y", outcome(c -> notes.write(c, own, "Две роли: своё дело"), both), who + "own note");
        }
        // what each role may do it still does, in its own partition
        assertEquals("Y", outcome(c -> work.bringBeforeCourt(c, other, "ALM-CRT"), bolat), "as police he brings any case of the region before a court");
        // an order is issued by a police unit: his organisation is a family support centre, so the case refuses with a reason
        assertEquals("E(order.unit.notPolice)", outcome(c -> protection.issue(c, other, "ДР-" + System.nanoTime(), today,
                new Perpetrator("Примеров", "Ерлан", null, today.minusYears(30)), Set.of(Prohibition.NO_VIOLENCE)), bolat));
        assertEquals("F", outcome(c -> notes.notes(c, other, new kz.qorgau.shared.PageRequest(0, 100)).items(), bolat), "police read no notes");
        assertEquals("Y", outcome(c -> notes.notes(c, other, new kz.qorgau.shared.PageRequest(0, 100)).items(), saule), "the supervisor reads the region's notes");
        String closing = cases.open(aigerim, intake("Две-Роли-Закрытие", "ALM")).toString();
        work.requestClosure(aigerim, closing, work.details(aigerim, closing).version());
        assertEquals("Y", outcome(c -> work.approveClosure(c, closing, work.details(aigerim, closing).version(), "Две роли"), saule));
    }

    /**
     * An emergency access reads and never writes: nurlan breaks the glass on Astana cases, reads them, and may not
     * approve a closure, send a case back, reopen it, assign it, or see who saw it.
     */
    @Test
    void anEmergencyAccessReadsAndNeverApprovesSendsBackReopensAssignsOrSeesWhoSaw() throws Exception {
        Caller dana = callerFromKeycloak("dana");
        Caller nurlan = callerFromKeycloak("nurlan");
        Caller astanaSupervisor = new Caller("supervisor-ast", Set.of(kz.qorgau.shared.Role.SUPERVISOR), Optional.of("AST-CC"),
                Optional.of("AST"));
        String requested = cases.open(dana, intake("Экстренно-Закрытие", "AST")).toString();
        work.requestClosure(dana, requested, work.details(dana, requested).version());
        String closed = cases.open(dana, intake("Экстренно-Закрыто", "AST")).toString();
        work.requestClosure(dana, closed, work.details(dana, closed).version());
        work.approveClosure(astanaSupervisor, closed, work.details(dana, closed).version(), "Закрыто в Астане");
        String running = cases.open(dana, intake("Экстренно-Работа", "AST")).toString();
        notes.write(dana, running, "Экстренно: заметка");
        staff.signedIn(dana, "Dana Demo");
        for (String number : List.of(requested, closed, running)) {
            assertEquals("N", outcome(c -> work.details(c, number), nurlan), "before the glass is broken");
            breakGlass.open(nurlan, number, "Проверка: угроза жизни, звонок полиции");
            assertEquals("Y", outcome(c -> work.details(c, number), nurlan), "an emergency access reads");
            assertEquals("F", outcome(c -> work.whoSaw(c, number, new kz.qorgau.shared.PageRequest(0, 100)).items(), nurlan), "who saw this");
        }
        assertEquals("F", outcome(c -> work.approveClosure(c, requested, work.details(dana, requested).version(), "Экстренно"),
                nurlan), "approve closure");
        assertEquals("F", outcome(c -> work.rejectClosure(c, requested, work.details(dana, requested).version(), "Экстренно"),
                nurlan), "send back");
        assertEquals("F", outcome(c -> work.reopen(c, closed, work.details(dana, closed).version()), nurlan), "reopen");
        assertEquals("F", outcome(c -> work.assign(c, running, work.details(dana, running).version(), "dana"), nurlan), "assign");
        assertEquals("F", outcome(c -> work.unassign(c, running, work.details(dana, running).version()), nurlan), "unassign");
        assertEquals("F", outcome(c -> notes.notes(c, running, new kz.qorgau.shared.PageRequest(0, 100)).items(), nurlan), "notes");
        assertTrue(work.details(nurlan, requested).access().getActions().stream()
                .noneMatch(a -> a == kz.qorgau.access.CaseAction.DECIDE_CLOSURE), "the answer offers no decision");
        assertEquals(kz.qorgau.casefile.CaseStatus.CLOSURE_REQUESTED, work.details(dana, requested).status(), "nothing changed");
        assertEquals(kz.qorgau.casefile.CaseStatus.CLOSED, work.details(dana, closed).status());
        assertTrue(work.details(dana, running).assignedTo() == null);
    }

    /** A social worker of an Almaty centre opens no case in Astana or Shymkent, where her supervisor would not see it. */
    @Test
    void aSocialWorkerOpensCasesOnlyInHerOrganisationsRegion() throws Exception {
        Caller aigerim = callerFromKeycloak("aigerim");
        Caller nurlan = callerFromKeycloak("nurlan");
        long before = cases.count(aigerim);
        for (String elsewhere : List.of("AST", "SHY")) {
            InvalidInputException refused = org.junit.jupiter.api.Assertions.assertThrows(InvalidInputException.class,
                    () -> cases.open(aigerim, intake("Чужой-Регион", elsewhere)));
            assertEquals(List.of("case.region.notOwn"), refused.messageKeys());
        }
        assertEquals(before, cases.count(aigerim), "nothing saved");
        String own = cases.open(aigerim, intake("Свой-Регион", "ALM")).toString();
        assertEquals("Y", outcome(c -> work.details(c, own), nurlan), "her own region's supervisor sees what she opens");
    }

    /** Police and courts see the timeline of what they may read, never an entry that tells what lies beyond it. */
    @Test
    void policeAndCourtTimelinesLackTheKindsOfWhatTheyMayNotRead() throws Exception {
        Caller aigerim = callerFromKeycloak("aigerim");
        LocalDate today = LocalDate.now(Clocks.KAZAKHSTAN);
        String number = cases.open(aigerim, intake("Хроника", "ALM")).toString();
        work.recordSecretAddress(aigerim, number, -1, "ул. Вымышленная, 4", null);
        notes.write(aigerim, number, "Хроника: заметка");
        work.reviseSafetyPlan(aigerim, number, -1, "Хроника: план");
        work.assessRisk(aigerim, number, work.details(aigerim, number).version(), RiskLevel.HIGH, today);
        work.giveConsent(aigerim, number, work.details(aigerim, number).version(), kz.qorgau.casefile.ConsentScope.SERVICES, today);
        work.bringBeforeCourt(aigerim, number, "ALM-CRT");
        List<kz.qorgau.timeline.CaseEventKind> hidden = List.of(kz.qorgau.timeline.CaseEventKind.SECRET_ADDRESS_RECORDED,
                kz.qorgau.timeline.CaseEventKind.NOTE_WRITTEN, kz.qorgau.timeline.CaseEventKind.SAFETY_PLAN_REVISED,
                kz.qorgau.timeline.CaseEventKind.RISK_ASSESSED, kz.qorgau.timeline.CaseEventKind.CONSENT_GIVEN);
        assertTrue(kinds(aigerim, number).containsAll(hidden), "the owner sees every entry: " + kinds(aigerim, number));
        for (String reader : List.of("serik", "aliya")) {
            List<kz.qorgau.timeline.CaseEventKind> seen = kinds(callerFromKeycloak(reader), number);
            assertTrue(seen.containsAll(List.of(kz.qorgau.timeline.CaseEventKind.CASE_OPENED,
                    kz.qorgau.timeline.CaseEventKind.BROUGHT_BEFORE_COURT)), reader + ": " + seen);
            assertTrue(seen.stream().noneMatch(hidden::contains), reader + " sees " + seen);
        }
    }

    private List<kz.qorgau.timeline.CaseEventKind> kinds(Caller caller, String number) {
        return work.timeline(caller, number).stream().map(kz.qorgau.timeline.CaseEvent::kind).toList();
    }

    private static ReportRequest lastYear(Figure figure, Area area) {
        return new ReportRequest(figure, Period.year(LocalDate.now(Clocks.KAZAKHSTAN).getYear() - 1), 1, area, List.of(),
                Optional.empty(), false);
    }

    private static String label(String outcome) {
        return switch (outcome) {
            case "Y" -> "allowed";
            case "F" -> "forbidden";
            case "N" -> "not found";
            case "S" -> "own: refused";
            case "R" -> "other region";
            default -> outcome;
        };
    }

    private static String outcome(Consumer<Caller> action, Caller caller) {
        try {
            action.accept(caller);
            return "Y";
        } catch (AccessDeniedException e) {
            return "F";
        } catch (NotFoundException e) {
            return "N";
        } catch (InvalidInputException e) {
            if (e.messageKeys().equals(List.of("case.region.notOwn"))) {
                return "R";
            }
            return e.messageKeys().equals(List.of("breakGlass.review.ownAccess")) ? "S" : "E(" + e.getMessage() + ")";
        } catch (RuntimeException e) {
            return "E(" + e.getClass().getSimpleName() + ")";
        }
    }

    /** A real token from the demo realm, read the way the application reads one. */
    static Caller callerFromKeycloak(String user) throws Exception {
        String issuer = ConfigProvider.getConfig().getValue("qorgau.oidc.issuer", String.class);
        String token = DemoTokens.accessToken(issuer, user);
        JsonObject claims = Json.createReader(new StringReader(new String(
                Base64.getUrlDecoder().decode(token.split("\\.")[1]), StandardCharsets.UTF_8))).readObject();
        List<String> groups = claims.containsKey("groups")
                ? claims.getJsonArray("groups").getValuesAs(JsonString.class).stream().map(JsonString::getString).toList()
                : List.of();
        return Caller.fromToken(claims.getString("preferred_username"), groups,
                Optional.ofNullable(claims.getString("organisation", null)), Optional.ofNullable(claims.getString("region", null)),
                "test");
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
}
