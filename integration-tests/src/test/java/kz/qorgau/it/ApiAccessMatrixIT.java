package kz.qorgau.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The access matrix again, over HTTP: each demo user's real bearer token from Keycloak against the running
 * application's REST API, every action on a record inside and outside the user's partition. Outcomes are read from the
 * status: 2xx allowed, 403 forbidden, 404 not found. Printed to the test's output. Then the attacks a client can try:
 * guessed case numbers and order ids, a forged or missing token.
 */
class ApiAccessMatrixIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final List<String> USERS = List.of("aigerim", "dana", "zhanar", "nurlan", "gulnara", "serik",
            "aliya", "madina", "asel", "admin", "guest");
    private static final Map<String, String> TOKENS = new LinkedHashMap<>();

    private static String api;
    private static String almaty;
    private static String almatyNotBeforeCourt;
    private static String astana;
    private static long orderId;

    @BeforeAll
    static void recordsInsideAndOutsidePartitions() throws Exception {
        api = TestStack.applicationUrl() + "api/";
        for (String user : USERS) {
            TOKENS.put(user, token(user));
        }
        almaty = number(call("aigerim", "POST", "cases", intake("Апиева", "ALM")));
        almatyNotBeforeCourt = number(call("aigerim", "POST", "cases", intake("Апиева-Вторая", "ALM")));
        astana = number(call("dana", "POST", "cases", intake("Апиева-Астана", "AST")));
        assertEquals(201, call("aigerim", "POST", "cases/" + almaty + "/court-submissions", "{\"courtCode\":\"ALM-CRT\"}").statusCode());
        HttpResponse<String> order = call("serik", "POST", "cases/" + almaty + "/protective-orders", order("API-" + System.nanoTime()));
        assertEquals(201, order.statusCode(), order.body());
        orderId = json(order.body()).asJsonObject().getJsonNumber("id").longValue();
    }

    /**
     * Y allowed, F forbidden, N not found; a role with no case partition finds no case at all. R: refused with a reason,
     * a case in Astana opened by a worker of Almaty.
     */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("aigerim", "Y N Y Y R Y Y Y F F Y Y Y Y F"),
            Map.entry("dana",    "N Y N N Y N N N F F Y N N Y F"),
            Map.entry("zhanar",  "N N N N R N N N F F Y N N Y F"),
            Map.entry("nurlan",  "Y N Y Y F Y F Y F F Y Y F Y F"),
            Map.entry("gulnara", "Y N Y Y F Y F Y F F Y Y F Y F"),
            Map.entry("serik",   "Y N Y Y F F F F Y Y F F F F F"),
            Map.entry("aliya",   "Y N N Y F F F F F F F F F F F"),
            Map.entry("madina",  "N N N N F F F N F F Y F F F F"),
            Map.entry("asel",    "N N N N F F F N F F F F F Y Y"),
            Map.entry("admin",   "N N N N F F F N F F F F F F F"),
            Map.entry("guest",   "N N N N F F F N F F F F F F F"));

    private static final List<String> ACTIONS = List.of("GET Almaty case", "GET Astana case", "GET case not before court",
            "list shows Almaty case", "POST case", "GET safety plan", "GET address", "GET who saw this", "POST order",
            "POST revocation", "GET referrals", "GET notes", "POST note", "GET own statistics", "GET Astana statistics");

    @Test
    void eachRoleDoesExactlyWhatItMayOverHttp() throws Exception {
        List<Function<String, String>> actions = List.of(
                u -> outcome(call(u, "GET", "cases/" + almaty, null)),
                u -> outcome(call(u, "GET", "cases/" + astana, null)),
                u -> outcome(call(u, "GET", "cases/" + almatyNotBeforeCourt, null)),
                u -> listed(call(u, "GET", "cases?size=100", null), almaty),
                u -> outcome(call(u, "POST", "cases", intake("Апиева-Новая", "AST"))),
                u -> outcome(call(u, "GET", "cases/" + almaty + "/safety-plan", null)),
                u -> outcome(call(u, "GET", "cases/" + almaty + "/address", null)),
                u -> outcome(call(u, "GET", "cases/" + almaty + "/audit", null)),
                u -> outcome(call(u, "POST", "cases/" + almaty + "/protective-orders", order("API-" + System.nanoTime()))),
                u -> outcome(call(u, "POST", "protective-orders/" + orderId + "/revocation",
                        "{\"version\":1,\"reason\":\"Проверка матрицы\"}")),
                u -> outcome(call(u, "GET", "referrals", null)),
                u -> outcome(call(u, "GET", "cases/" + almaty + "/notes", null)),
                u -> outcome(call(u, "POST", "cases/" + almaty + "/notes", "{\"text\":\"Матрица: беседа проведена\"}")),
                u -> outcome(call(u, "GET", "statistics/NEW_CASES?period=YEAR&year=2025", null)),
                u -> outcome(call(u, "GET", "statistics/VICTIMS_ASSISTED?period=YEAR&year=2025&region=AST", null)));

        StringBuilder table = new StringBuilder(String.format("%-9s", "user"));
        ACTIONS.forEach(a -> table.append(" | ").append(a));
        table.append('\n');
        List<String> mismatches = new ArrayList<>();
        for (String user : USERS) {
            List<String> outcomes = actions.stream().map(a -> a.apply(user)).toList();
            table.append(String.format("%-9s", user));
            for (int i = 0; i < outcomes.size(); i++) {
                table.append(" | ").append(String.format("%-" + ACTIONS.get(i).length() + "s", outcomes.get(i)));
            }
            table.append('\n');
            String actual = String.join(" ", outcomes);
            if (!actual.equals(EXPECTED.get(user))) {
                mismatches.add(user + ": expected " + EXPECTED.get(user) + " but was " + actual);
            }
        }
        System.out.println("REST API access matrix (Y allowed, F forbidden 403, N not found 404):\n" + table);
        assertEquals(List.of(), mismatches, "\n" + table);
        // refusals are answers, not failures: the server logs no error of the API for them, and no victim's name
        String log = java.nio.file.Files.readString(java.nio.file.Path.of(System.getProperty("qorgau.it.work"), "logs", "payara.log"));
        assertThat(log).doesNotContain("clientSubject").doesNotContain("API call failed")
                .doesNotContain("Апиева");
    }

    /**
     * Two roles on one token over HTTP: bolat (social worker and police) and saule (social worker and supervisor) read
     * aigerim's case through their second role and may not work on it; the answer they receive offers no work. An
     * emergency access reads, and the answer offers no decision; who saw the case and its notes stay closed.
     */
    @Test
    void twoRolesOnOneTokenAndAnEmergencyAccessGetNoMoreOverHttp() throws Exception {
        for (String user : List.of("bolat", "saule")) {
            TOKENS.putIfAbsent(user, token(user));
        }
        String other = number(call("aigerim", "POST", "cases", intake("Апиева-Две-Роли", "ALM")));
        for (String user : List.of("bolat", "saule")) {
            HttpResponse<String> details = call(user, "GET", "cases/" + other, null);
            assertThat(details.statusCode()).as(user).isEqualTo(200);
            assertThat(actions(details)).as(user).contains("READ").doesNotContain("WORK", "ACTIVATE", "WRITE_NOTE", "READ_ADDRESS");
            assertThat(call(user, "POST", "cases/" + other + "/notes", "{\"text\":\"Две роли\"}").statusCode()).as(user).isEqualTo(403);
            assertThat(call(user, "GET", "cases/" + other + "/address", null).statusCode()).as(user).isEqualTo(404);
            assertThat(call(user, "POST", "cases/" + other + "/referrals", "{\"service\":\"LEGAL\",\"provider\":\"ALM-NGO\"}")
                    .statusCode()).as(user).isEqualTo(403);
        }
        assertThat(call("bolat", "POST", "cases/" + other + "/court-submissions", "{\"courtCode\":\"ALM-CRT\"}").statusCode())
                .as("as police he brings any case of the region before a court").isEqualTo(201);
        assertThat(call("bolat", "GET", "cases/" + other + "/notes", null).statusCode()).isEqualTo(403);
        assertThat(call("saule", "GET", "cases/" + other + "/notes", null).statusCode()).as("as supervisor she reads notes").isEqualTo(200);

        String emergency = number(call("dana", "POST", "cases", intake("Апиева-Экстренно", "AST")));
        assertThat(call("nurlan", "GET", "cases/" + emergency, null).statusCode()).isEqualTo(404);
        // the access as the break-glass page grants it, written here straight to its table
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau_app", TestStack.dbPassword());
             java.sql.PreparedStatement insert = c.prepareStatement("""
                     insert into break_glass (case_file_id, username, organisation_code, region_code, reason, granted_at, expires_at)
                     select id, 'nurlan', 'ALM-SPD', 'ALM', 'Проверка: угроза жизни', now(), now() + interval '1 hour'
                     from case_file where number = ?""")) {
            insert.setString(1, emergency);
            assertEquals(1, insert.executeUpdate());
        }
        HttpResponse<String> read = call("nurlan", "GET", "cases/" + emergency, null);
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(actions(read)).contains("READ", "READ_SOCIAL_WORK").doesNotContain("DECIDE_CLOSURE", "REOPEN", "ASSIGN", "WHO_SAW");
        assertThat(call("nurlan", "GET", "cases/" + emergency + "/audit", null).statusCode()).isEqualTo(403);
        assertThat(call("nurlan", "GET", "cases/" + emergency + "/notes", null).statusCode()).isEqualTo(403);
    }

    private static List<String> actions(HttpResponse<String> details) {
        return json(details.body()).asJsonObject().getJsonObject("access").getJsonArray("actions")
                .getValuesAs(jakarta.json.JsonString.class).stream().map(jakarta.json.JsonString::getString).toList();
    }

    @Test
    void guessedCaseNumbersAndIdsAreNotFoundNeverForbidden() throws Exception {
        // dana enumerates Almaty's case numbers: each is 404, exactly like a number that was never issued
        int year = LocalDate.now(ZoneId.of("Asia/Almaty")).getYear();
        for (int n = 1; n <= 15; n++) {
            String guess = String.format("ALM-%d-%06d", year, n);
            HttpResponse<String> response = call("dana", "GET", "cases/" + guess, null);
            assertThat(response.statusCode()).as(guess).isEqualTo(404);
            assertThat(response.body()).contains("case.notFound");
            assertThat(call("dana", "GET", "cases/" + guess + "/address", null).statusCode()).isEqualTo(404);
        }
        assertThat(call("dana", "GET", "cases/" + almaty + "/protective-orders", null).statusCode()).isEqualTo(404);
        assertThat(call("dana", "POST", "cases/" + almaty + "/court-submissions", "{\"courtCode\":\"ALM-CRT\"}").statusCode())
                .isEqualTo(404);
        // serik changes the order id in his request: another id reaches nothing, a malformed one neither
        for (long guess : new long[]{orderId + 1000, -1, 0}) {
            assertThat(call("serik", "POST", "protective-orders/" + guess + "/revocation", "{\"version\":1,\"reason\":\"x\"}")
                    .statusCode()).as("order " + guess).isEqualTo(404);
        }
        assertThat(call("serik", "POST", "protective-orders/abc/revocation", "{\"version\":1,\"reason\":\"x\"}").statusCode())
                .isEqualTo(404);
    }

    @Test
    void noTokenOrAForgedOneIsUnauthorisedAndTheAnswerIsJsonInTheCallersLanguage() throws Exception {
        HttpResponse<String> none = HTTP.send(HttpRequest.newBuilder(URI.create(api + "cases/" + almaty))
                .header("Accept-Language", "kk").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertThat(none.body()).contains("api.tokenRequired", "Алдымен кіріңіз").doesNotContain("Апиева");

        String token = TOKENS.get("aigerim");
        String forgedClaims = token.substring(0, token.lastIndexOf('.') - 4) + "AAAA" + token.substring(token.lastIndexOf('.'));
        for (String forged : List.of(forgedClaims, token.substring(0, token.length() - 3) + "abc", "not.a.token")) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(api + "cases/" + almaty))
                    .header("Authorization", "Bearer " + forged).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("api.tokenRequired").doesNotContain("Апиева").doesNotContain("Exception");
        }
    }

    @Test
    void onlyABearerTokenOpensTheApiNotASignedInBrowserNorAnEncodedPath() throws Exception {
        // a page's session cookie is no API credential: nothing another site makes her browser send reaches the API
        try (Browser browser = new Browser()) {
            browser.open(TestStack.applicationUrl());
            browser.signIn("aigerim", "demo");
            browser.open(api + "cases/" + almaty);
            assertThat(browser.driver().getPageSource()).contains("api.tokenRequired").doesNotContain("Апиева");
        }
        for (String path : List.of("%61pi/cases/" + almaty, "api//cases/" + almaty, "x/../api/cases/" + almaty)) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.applicationUrl() + path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(path).isEqualTo(401);
            assertThat(response.body()).as(path).contains("api.tokenRequired");
        }
    }

    @Test
    void theCaseListExportsAsCsvWithExactlyTheCallersCases() throws Exception {
        HttpResponse<String> aigerims = csv("aigerim", "cases/export");
        assertEquals(200, aigerims.statusCode(), aigerims.body());
        assertTrue(aigerims.headers().firstValue("Content-Type").orElse("").startsWith("text/csv"));
        List<String> lines = aigerims.body().lines().toList();
        assertTrue(lines.get(0).startsWith("\uFEFFНомер,"), lines.get(0));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(almaty + ",")), "her case");
        assertTrue(lines.stream().noneMatch(l -> l.startsWith(astana + ",")), "not Astana's");
        List<String> danas = csv("dana", "cases/export").body().lines().toList();
        assertTrue(danas.stream().anyMatch(l -> l.startsWith(astana + ",")) && danas.stream().noneMatch(l -> l.startsWith(almaty + ",")));
        assertEquals(1, csv("asel", "cases/export").body().lines().count(), "an analyst lists no case: the header only");
        assertEquals(400, csv("aigerim", "cases/export?format=DOCX").statusCode());
    }

    private static HttpResponse<String> csv(String user, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + TOKENS.get(user))
                .header("Accept", "text/csv").header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theApiDescribesItselfWithoutSigningIn() throws Exception {
        HttpResponse<String> openApi = HTTP.send(HttpRequest.newBuilder(URI.create(TestStack.applicationUrl() + "openapi")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(openApi.statusCode()).isEqualTo(200);
        assertThat(openApi.body()).contains("Qorgau API", "/api/cases/{number}/protective-orders", "bearer");
    }

    @Test
    void badInputIsRefusedWithMessagesAndSavesNothing() throws Exception {
        int before = json(call("aigerim", "GET", "cases?size=100", null).body()).asJsonArray().size();
        HttpResponse<String> empty = call("aigerim", "POST", "cases", "{\"sex\":\"FEMALE\"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("case.victim.familyName.required", "Укажите фамилию");
        HttpResponse<String> broken = call("aigerim", "POST", "cases", "{not json");
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(broken.body()).contains("api.badRequest").doesNotContain("Exception").doesNotContain("at org.");
        HttpResponse<String> unknownCode = call("aigerim", "POST", "cases", "{\"sex\":\"UNKNOWN\"}");
        assertThat(unknownCode.statusCode()).isEqualTo(400);
        assertThat(json(call("aigerim", "GET", "cases?size=100", null).body()).asJsonArray()).hasSize(before);
    }

    private static String outcome(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status / 100 == 2 || (status == 404 && response.body().contains("api.nothingRecorded"))) {
            return "Y";
        }
        if (status == 400 && response.body().contains("case.region.notOwn")) {
            return "R";
        }
        return switch (status) {
            case 403 -> "F";
            case 404 -> "N";
            default -> "E" + status;
        };
    }

    private static String listed(HttpResponse<String> response, String number) {
        if (response.statusCode() != 200) {
            return "E" + response.statusCode();
        }
        JsonArray rows = json(response.body()).asJsonArray();
        return rows.stream().anyMatch(r -> number.equals(r.asJsonObject().getString("number"))) ? "Y" : "N";
    }

    private static HttpResponse<String> call(String user, String method, String path, String body) {
        return ApiCalls.call(api + path, TOKENS.get(user), method, body, "ru");
    }

    private static String token(String user) throws Exception {
        return DemoTokens.accessToken(TestStack.keycloak().issuer(), user);
    }

    private static String number(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).asJsonObject().getString("number");
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }

    private static String intake(String familyName, String region) {
        JsonObject form = Json.createObjectBuilder()
                .add("familyName", familyName).add("givenName", "Сауле").add("sex", "FEMALE")
                .add("birthDate", "1988-04-02").add("regionCode", region).add("kind", "DOMESTIC_VIOLENCE")
                .add("incidentDate", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(2).toString())
                .add("incidentType", "PHYSICAL_ASSAULT").build();
        return form.toString();
    }

    private static String order(String orderNumber) {
        return Json.createObjectBuilder()
                .add("orderNumber", orderNumber)
                .add("issueDate", LocalDate.now(ZoneId.of("Asia/Almaty")).toString())
                .add("perpetrator", Json.createObjectBuilder().add("familyName", "Примеров").add("givenName", "Ерлан")
                        .add("birthDate", "1985-03-01"))
                .add("prohibitions", Json.createArrayBuilder().add("NO_VIOLENCE"))
                .build().toString();
    }
}
