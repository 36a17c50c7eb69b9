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
     * emergency access to review is the caller's own.
     */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("aigerim", "Y N Y Y Y Y F F F Y F Y  Y Y F Y Y Y Y  F F  F F F Y F F"),
            Map.entry("dana",    "N Y Y N N N F F F N F N  N N F N N N N  F F  F F F F F F"),
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
                c -> work.whoSaw(c, almaty),
                c -> referrals.inbox(c),
                c -> work.details(c, closing),
                c -> notes.notes(c, almaty),
                c -> notes.write(c, almaty, "Матрица: ещё одна заметка"),
                c -> {
                    // a case of its own for each attempt: both supervisors of the region may assign
                    String toAssign = cases.open(aigerim, intake("Матрица-Назначить", "ALM")).toString();
                    work.assign(c, toAssign, work.details(aigerim, toAssign).version(), "zhanar");
                },
                c -> work.details(c, assigned),
                c -> notes.notes(c, assigned),
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
