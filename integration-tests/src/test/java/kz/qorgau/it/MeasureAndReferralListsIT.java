package kz.qorgau.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The lists of protective orders, court decisions and referrals across cases, with real tokens and a real browser:
 * each role lists exactly the records of its partition (and one that lists none is refused), filters narrow the
 * list in the database, and an export — from the API and from the page's buttons — holds exactly the filtered rows,
 * opens in POI, never carries the victim's address, and is audited with its format and row count.
 */
class MeasureAndReferralListsIT {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));
    private static final List<String> USERS = List.of("aigerim", "dana", "zhanar", "nurlan", "serik", "aliya", "madina",
            "asel", "admin");
    private static final Map<String, String> TOKENS = new HashMap<>();
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final String ADDRESS = "ул. Вымышленная-Список, " + RUN;

    private static String api;
    private static String almaty;
    private static String almatyNotBeforeCourt;
    private static String astana;
    /** Our orders by name: in force, expired, revoked; our decisions: reporting, failed course, not before the court. */
    private static final Map<String, String> ORDERS = new LinkedHashMap<>();
    private static final Map<String, String> DECISIONS = new LinkedHashMap<>();

    @BeforeAll
    static void recordsInsideAndOutsidePartitions() throws Exception {
        api = TestStack.applicationUrl() + "api/v1/";
        for (String user : USERS) {
            TOKENS.put(user, DemoTokens.accessToken(TestStack.keycloak().issuer(), user));
        }
        almaty = number(call("aigerim", "POST", "cases", intake("Списочная-" + RUN, "ALM")));
        almatyNotBeforeCourt = number(call("aigerim", "POST", "cases", intake("Списочная-Вторая-" + RUN, "ALM")));
        astana = number(call("dana", "POST", "cases", intake("Списочная-Астана-" + RUN, "AST")));
        assertEquals(201, call("aigerim", "POST", "cases/" + almaty + "/court-submissions", "{\"courtCode\":\"ALM-CRT\"}").statusCode());

        ORDERS.put("active", "LST-A-" + RUN);
        ORDERS.put("expired", "LST-E-" + RUN);
        ORDERS.put("revoked", "LST-R-" + RUN);
        issue(almaty, ORDERS.get("active"), TODAY);
        issue(almaty, ORDERS.get("expired"), TODAY.minusDays(40));
        issue(almatyNotBeforeCourt, ORDERS.get("revoked"), TODAY.minusDays(2));
        JsonObject revoked = json(call("serik", "GET", "cases/" + almatyNotBeforeCourt + "/protective-orders?size=100", null).body())
                .asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                .filter(o -> o.getString("orderNumber").equals(ORDERS.get("revoked"))).findFirst().orElseThrow();
        String order = "protective-orders/" + revoked.getJsonNumber("id");
        String etag = call("serik", "GET", order, null).headers().firstValue("ETag").orElseThrow();
        HttpResponse<String> revocation = ApiCalls.call(api + order + "/revocation", TOKENS.get("serik"), "POST",
                "{\"reason\":\"Проверка списка\"}", "ru", etag);
        assertThat(revocation.statusCode()).as(revocation.body()).isEqualTo(204);

        DECISIONS.put("reporting", "LST-D1-" + RUN);
        DECISIONS.put("failed course", "LST-D2-" + RUN);
        DECISIONS.put("not before court", "LST-D3-" + RUN);
        // decisions as the court's dialog records them, written here straight to their tables (the API records none)
        try (Connection c = database()) {
            long reporting = decision(c, almaty, DECISIONS.get("reporting"), 2);
            insert(c, "insert into court_mandate_requirement (court_mandate_id, requirement) values (" + reporting + ", 'NO_CONTACT')");
            long failed = decision(c, almaty, DECISIONS.get("failed course"), null);
            insert(c, "insert into psychocorrection_course (court_mandate_id, provider_code, sessions_required, report_kind,"
                    + " reported_on, non_compliance_reason, reported_by) values (" + failed + ", 'ALM-HC', 8, 'NON_COMPLIANCE', current_date,"
                    + " 'MISSED_SESSIONS', 'aliya')");
            decision(c, almatyNotBeforeCourt, DECISIONS.get("not before court"), 1);
            // where the victim of the first case lives: no list may ever carry it
            try (PreparedStatement secret = c.prepareStatement("insert into person_secret (person_id, current_address, updated_by,"
                    + " updated_at) select victim_id, ?, 'aigerim', now() from case_file where number = ?")) {
                secret.setString(1, ADDRESS);
                secret.setString(2, almaty);
                assertEquals(1, secret.executeUpdate());
            }
        }

        assertEquals(201, call("aigerim", "POST", "cases/" + almaty + "/referrals",
                "{\"service\":\"LEGAL\",\"provider\":\"ALM-NGO\",\"send\":true}").statusCode());
        assertEquals(201, call("aigerim", "POST", "cases/" + almaty + "/referrals",
                "{\"service\":\"PSYCHOLOGICAL\",\"provider\":\"ALM-NGO\"}").statusCode());
        assertEquals(201, call("dana", "POST", "cases/" + astana + "/referrals",
                "{\"service\":\"LEGAL\",\"provider\":\"ALM-NGO\",\"send\":true}").statusCode());
    }

    @Test
    void eachRoleListsExactlyTheOrdersOfItsPartition() {
        Set<String> all = Set.copyOf(ORDERS.values());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("aigerim", all);
        expected.put("nurlan", all);
        expected.put("serik", all);
        expected.put("aliya", Set.of(ORDERS.get("active"), ORDERS.get("expired")));
        expected.put("dana", Set.of());
        expected.put("zhanar", Set.of());
        expected.put("madina", 403);
        expected.put("asel", 403);
        expected.put("admin", 403);
        assertThat(outcomes("protective-orders", "orderNumber", all)).isEqualTo(expected);

        assertThat(ours(call("serik", "GET", "protective-orders?status=ACTIVE", null), "orderNumber", all))
                .containsExactly(ORDERS.get("active"));
        assertThat(ours(call("serik", "GET", "protective-orders?status=EXPIRED,REVOKED", null), "orderNumber", all))
                .containsExactlyInAnyOrder(ORDERS.get("expired"), ORDERS.get("revoked"));
        assertThat(ours(call("serik", "GET", "protective-orders?issuedFrom=" + TODAY.minusDays(45) + "&issuedTo="
                + TODAY.minusDays(35), null), "orderNumber", all)).containsExactly(ORDERS.get("expired"));
        JsonObject revoked = rows(call("serik", "GET", "protective-orders?status=REVOKED", null)).stream()
                .filter(r -> r.getString("orderNumber").equals(ORDERS.get("revoked"))).findFirst().orElseThrow();
        assertThat(revoked.getString("caseNumber")).isEqualTo(almatyNotBeforeCourt);
        assertThat(revoked.getString("status")).isEqualTo("REVOKED");
        assertThat(revoked.toString()).doesNotContain("Списочная").doesNotContain(ADDRESS);

        HttpResponse<String> reversed = call("serik", "GET", "protective-orders?issuedFrom=" + TODAY + "&issuedTo=" + TODAY.minusDays(1), null);
        assertThat(reversed.statusCode()).isEqualTo(400);
        assertThat(reversed.body()).contains("list.period.reversed", "Конец периода раньше его начала");
        assertThat(call("serik", "GET", "protective-orders?status=SUSPENDED", null).statusCode()).isEqualTo(400);
        assertThat(call("serik", "GET", "protective-orders?issuedFrom=30.11.2026", null).statusCode()).isEqualTo(400);
        assertThat(call("serik", "GET", "protective-orders?size=100000", null).statusCode()).isEqualTo(400);
    }

    @Test
    void eachRoleListsExactlyTheDecisionsOfItsPartition() {
        Set<String> all = Set.copyOf(DECISIONS.values());
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("aigerim", all);
        expected.put("nurlan", all);
        expected.put("serik", all);
        expected.put("aliya", Set.of(DECISIONS.get("reporting"), DECISIONS.get("failed course")));
        expected.put("dana", Set.of());
        expected.put("zhanar", Set.of());
        expected.put("madina", 403);
        expected.put("asel", 403);
        expected.put("admin", 403);
        assertThat(outcomes("court-mandates", "decisionNumber", all)).isEqualTo(expected);

        assertThat(ours(call("aliya", "GET", "court-mandates?outcome=NON_COMPLIANT", null), "decisionNumber", all))
                .containsExactly(DECISIONS.get("failed course"));
        assertThat(ours(call("aliya", "GET", "court-mandates?measure=POLICE_REPORTS", null), "decisionNumber", all))
                .containsExactly(DECISIONS.get("reporting"));
        assertThat(ours(call("aliya", "GET", "court-mandates?measure=NO_CONTACT&measure=PSYCHOCORRECTION", null), "decisionNumber", all))
                .containsExactlyInAnyOrder(DECISIONS.get("reporting"), DECISIONS.get("failed course"));
        JsonObject failed = rows(call("aliya", "GET", "court-mandates?outcome=NON_COMPLIANT", null)).stream()
                .filter(r -> r.getString("decisionNumber").equals(DECISIONS.get("failed course"))).findFirst().orElseThrow();
        assertThat(failed.getString("courseOutcome")).isEqualTo("NON_COMPLIANT");
        assertThat(failed.getInt("sessionsRequired")).isEqualTo(8);
        assertThat(failed.getInt("sessionsAttended")).isZero();
        assertThat(failed.toString()).doesNotContain("Списочная").doesNotContain(ADDRESS);
    }

    @Test
    void eachRoleListsExactlyTheReferralsOfItsPartitionAndAProviderNoDraft() {
        String sentHere = almaty + " LEGAL";
        String draft = almaty + " PSYCHOLOGICAL";
        String fromAstana = astana + " LEGAL";
        Set<String> all = Set.of(sentHere, draft, fromAstana);
        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("aigerim", Set.of(sentHere, draft));
        expected.put("nurlan", Set.of(sentHere, draft));
        expected.put("serik", 403);
        expected.put("aliya", 403);
        expected.put("dana", Set.of(fromAstana));
        expected.put("zhanar", Set.of());
        expected.put("madina", Set.of(sentHere, fromAstana));
        expected.put("asel", 403);
        expected.put("admin", 403);
        Map<String, Object> actual = new LinkedHashMap<>();
        for (String user : expected.keySet()) {
            HttpResponse<String> response = call(user, "GET", "referrals", null);
            actual.put(user, response.statusCode() == 200 ? referrals(response, all) : (Object) response.statusCode());
        }
        assertThat(actual).isEqualTo(expected);

        assertThat(referrals(call("madina", "GET", "referrals?status=SENT&service=LEGAL", null), all)).isEqualTo(Set.of(sentHere, fromAstana));
        assertThat(referrals(call("madina", "GET", "referrals?service=PSYCHOLOGICAL", null), all)).isEmpty();
        assertThat(referrals(call("aigerim", "GET", "referrals?status=PROPOSED", null), all)).isEqualTo(Set.of(draft));
        assertThat(referrals(call("aigerim", "GET", "referrals?sentFrom=" + TODAY + "&sentTo=" + TODAY, null), all))
                .isEqualTo(Set.of(sentHere));
        assertThat(referrals(call("aigerim", "GET", "referrals?sentTo=" + TODAY.minusDays(1), null), all)).isEmpty();
        // what the provider answers with: id, version and status, as her inbox always gave them
        JsonObject mine = rows(call("madina", "GET", "referrals?status=SENT", null)).stream()
                .filter(r -> r.getString("caseNumber").equals(almaty)).findFirst().orElseThrow();
        assertThat(mine.containsKey("id") && mine.containsKey("version")).isTrue();
        assertThat(mine.getString("victimName")).startsWith("Списочная-");
        assertThat(mine.toString()).doesNotContain(ADDRESS);
    }

    @Test
    void theApiExportsHoldExactlyTheFilteredRowsAndAreAudited() throws Exception {
        HttpResponse<byte[]> csv = file("serik", "protective-orders/export?status=ACTIVE", "text/csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
        assertThat(lines.get(0)).startsWith("\uFEFFНомер,");
        Set<String> listed = column(rows(call("serik", "GET", "protective-orders?status=ACTIVE", null)), "orderNumber");
        assertThat(csvColumn(lines, 1)).as("exactly the list's rows").isEqualTo(listed).contains(ORDERS.get("active"))
                .doesNotContain(ORDERS.get("expired"), ORDERS.get("revoked"));

        HttpResponse<byte[]> xlsx = file("aliya", "court-mandates/export?format=XLSX&outcome=NON_COMPLIANT", "*/*");
        assertThat(xlsx.statusCode()).isEqualTo(200);
        Set<String> decisions = column(rows(call("aliya", "GET", "court-mandates?outcome=NON_COMPLIANT", null)), "decisionNumber");
        assertThat(xlsxColumn(xlsx.body(), 2)).isEqualTo(decisions).contains(DECISIONS.get("failed course"));

        HttpResponse<byte[]> referrals = file("madina", "referrals/export?format=XLSX&service=LEGAL", "*/*");
        List<List<String>> sheet = xlsxRows(referrals.body());
        assertThat(sheet.get(0).get(1)).isEqualTo("Пострадавшая(-ий)");
        assertThat(sheet.stream().skip(1).map(r -> r.get(0)).toList())
                .hasSize(json(call("madina", "GET", "referrals?service=LEGAL", null).body()).asJsonObject()
                        .getJsonNumber("total").intValue()).contains(almaty, astana);
        assertThat(sheet.toString()).doesNotContain(ADDRESS).doesNotContain("Вымышленная");

        assertThat(file("serik", "protective-orders/export?format=DOCX", "*/*").statusCode()).isEqualTo(400);
        assertThat(file("asel", "protective-orders/export", "*/*").statusCode()).isEqualTo(403);
        assertThat(file("serik", "referrals/export", "*/*").statusCode()).isEqualTo(403);

        try (Connection c = database();
             PreparedStatement audit = c.prepareStatement("select detail from audit_event where username = ? and action = 'EXPORT'"
                     + " and record_type = ? order by occurred_at desc limit 1")) {
            assertThat(lastExport(audit, "serik", "ProtectiveOrderList")).isEqualTo("CSV rows=" + listed.size());
            assertThat(lastExport(audit, "aliya", "CourtMandateList")).isEqualTo("XLSX rows=" + decisions.size());
            assertThat(lastExport(audit, "madina", "ReferralList")).isEqualTo("XLSX rows=" + (sheet.size() - 1));
        }
    }

    @Test
    void theCaseListExportTakesTheCaseListsFiltersAndHoldsExactlyItsRows() throws Exception {
        for (String filter : List.of("status=OPEN", "status=CLOSED,CLOSURE_REQUESTED", "kind=DOMESTIC_VIOLENCE&status=OPEN",
                "kind=TRAFFICKING", "risk=HIGH", "assignee=nobody", "assignee=aigerim", "withDeadline=true")) {
            JsonObject page = json(call("aigerim", "GET", "cases?size=100&" + filter, null).body()).asJsonObject();
            Set<String> listed = column(page.getJsonArray("items").getValuesAs(JsonObject.class), "number");
            HttpResponse<byte[]> csv = file("aigerim", "cases/export?" + filter, "text/csv");
            assertThat(csv.statusCode()).as(filter).isEqualTo(200);
            List<String> lines = new String(csv.body(), StandardCharsets.UTF_8).lines().toList();
            Set<String> exported = csvColumn(lines, 0);
            assertThat(lines).as("%s: as many rows as the list counts", filter).hasSize(page.getInt("total") + 1);
            assertThat(exported).as("%s: every row of the list's first page", filter).containsAll(listed).doesNotContain(astana);
            if (page.getInt("total") <= 100) {
                assertThat(exported).as("%s: exactly the list's rows", filter).isEqualTo(listed);
            }
            assertThat(String.join("\n", lines)).doesNotContain(ADDRESS);
        }
        assertThat(csvColumn(new String(file("aigerim", "cases/export?status=OPEN", "text/csv").body(), StandardCharsets.UTF_8)
                .lines().toList(), 0)).contains(almaty);
        assertThat(csvColumn(new String(file("aigerim", "cases/export?status=CLOSED", "text/csv").body(), StandardCharsets.UTF_8)
                .lines().toList(), 0)).doesNotContain(almaty);
        HttpResponse<byte[]> xlsx = file("aigerim", "cases/export?format=XLSX&status=OPEN&kind=DOMESTIC_VIOLENCE", "*/*");
        assertThat(xlsxColumn(xlsx.body(), 0)).contains(almaty);
        assertThat(file("aigerim", "cases/export?status=SUSPENDED", "*/*").statusCode()).isEqualTo(400);
        assertThat(call("aigerim", "GET", "cases?risk=EXTREME", null).statusCode()).isEqualTo(400);
        assertThat(file("aigerim", "cases/export?format=DOCX", "*/*").statusCode()).isEqualTo(400);
        try (Connection c = database();
             PreparedStatement audit = c.prepareStatement("select detail from audit_event where username = ? and action = 'EXPORT'"
                     + " and record_type = ? order by occurred_at desc limit 1")) {
            assertThat(lastExport(audit, "aigerim", "CaseList")).startsWith("XLSX rows=").doesNotContain("OPEN");
        }
    }

    @Test
    void thePagesFilterAndDownloadExactlyTheFilteredRowsWithoutAnAddress() throws Exception {
        String app = TestStack.applicationUrl();
        try (Browser serik = new Browser()) {
            serik.open(app);
            serik.signIn("serik", "demo");
            serik.click(By.id("nav-orders"));
            serik.await(By.id("list:apply"));
            tick(serik, "list:status", "отменено");
            serik.click(By.id("list:apply"));
            serik.awaitAjax();
            serik.await(By.id("list:clear"));
            assertThat(serik.driver().findElements(By.cssSelector("#list\\:table_data .order-status")))
                    .isNotEmpty().allMatch(e -> e.getText().strip().equals("отменено"));
            serik.screenshot("orders-list-revoked");
            Set<String> revoked = column(rows(call("serik", "GET", "protective-orders?status=REVOKED", null)), "orderNumber");
            List<String> lines = Files.readAllLines(serik.exportList("list", "CSV"), StandardCharsets.UTF_8);
            assertThat(csvColumn(lines, 1)).isEqualTo(revoked).contains(ORDERS.get("revoked"));
            assertThat(xlsxColumn(Files.readAllBytes(serik.exportList("list", "XLSX")), 1)).isEqualTo(revoked);
            assertThat(String.join("\n", lines)).doesNotContain(ADDRESS);
        }
        try (Browser aliya = new Browser()) {
            aliya.open(app);
            aliya.signIn("aliya", "demo");
            aliya.click(By.id("nav-mandates"));
            aliya.await(By.id("list:apply"));
            tick(aliya, "list:outcome", "не исполнено");
            aliya.typeDate("list:decided-from_input", TODAY.minusDays(1));
            aliya.click(By.id("list:apply"));
            aliya.awaitAjax();
            aliya.awaitText(By.id("list:table"), DECISIONS.get("failed course"));
            aliya.screenshot("court-decisions-list-non-compliant");
            Set<String> failed = column(rows(call("aliya", "GET", "court-mandates?outcome=NON_COMPLIANT&decidedFrom="
                    + TODAY.minusDays(1), null)), "decisionNumber");
            byte[] book = Files.readAllBytes(aliya.exportList("list", "XLSX"));
            assertThat(xlsxColumn(book, 2)).isEqualTo(failed).contains(DECISIONS.get("failed course"))
                    .doesNotContain(DECISIONS.get("reporting"));
            assertThat(xlsxRows(book).toString()).doesNotContain(ADDRESS).doesNotContain("Списочная");
            // a period that ends before it starts is told on the page, and the list stays as it was
            aliya.typeDate("list:decided-to_input", TODAY.minusDays(3));
            aliya.click(By.id("list:apply"));
            aliya.awaitAjax();
            aliya.awaitText(By.id("messages"), "Конец периода раньше его начала");
        }
        try (Browser madina = new Browser()) {
            madina.open(app);
            madina.signIn("madina", "demo");
            madina.click(By.id("nav-referrals"));
            madina.await(By.id("list:apply"));
            tick(madina, "list:service", "социально-правовые услуги");
            madina.click(By.id("list:apply"));
            madina.awaitAjax();
            madina.awaitText(By.id("list:table"), astana);
            madina.screenshot("referrals-list-legal");
            List<JsonObject> legal = rows(call("madina", "GET", "referrals?service=LEGAL", null));
            List<String> lines = Files.readAllLines(madina.exportList("list", "CSV"), StandardCharsets.UTF_8);
            assertThat(lines).hasSize(legal.size() + 1);
            List<List<String>> sheet = xlsxRows(Files.readAllBytes(madina.exportList("list", "XLSX")));
            assertThat(sheet.stream().skip(1).map(r -> r.get(0)).sorted().toList())
                    .isEqualTo(legal.stream().map(r -> r.getString("caseNumber")).sorted().toList());
            assertThat(sheet.stream().skip(1).map(r -> r.get(3))).allMatch("социально-правовые услуги"::equals);
            assertThat(String.join("\n", lines) + sheet).doesNotContain(ADDRESS).doesNotContain("Вымышленная");
            assertThat(madina.driver().findElements(By.cssSelector("#list\\:table_data a.case-number")))
                    .as("a provider does not open the case").isEmpty();
        }
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            aigerim.click(By.id("nav-referrals"));
            aigerim.awaitText(By.id("list:table"), almaty);
            aigerim.screenshot("referrals-list-social-worker");
            aigerim.click(By.id("nav-mandates"));
            aigerim.awaitText(By.id("list:table"), DECISIONS.get("not before court"));
            aigerim.screenshot("court-decisions-list-social-worker");
        }
    }

    // --- helpers ---

    /** Per user: which of ours she lists, or the status when she may not list at all. */
    private static Map<String, Object> outcomes(String path, String key, Set<String> ours) {
        Map<String, Object> actual = new LinkedHashMap<>();
        for (String user : List.of("aigerim", "nurlan", "serik", "aliya", "dana", "zhanar", "madina", "asel", "admin")) {
            HttpResponse<String> response = call(user, "GET", path, null);
            actual.put(user, response.statusCode() == 200 ? ours(response, key, ours) : (Object) response.statusCode());
        }
        return actual;
    }

    private static Set<String> ours(HttpResponse<String> response, String key, Set<String> ours) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> found = column(rows(response), key);
        found.retainAll(ours);
        return found;
    }

    private static Set<String> referrals(HttpResponse<String> response, Set<String> ours) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        Set<String> found = new TreeSet<>();
        rows(response).forEach(r -> found.add(r.getString("caseNumber") + " " + r.getString("service")));
        found.retainAll(ours);
        return found;
    }

    private static List<JsonObject> rows(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return json(response.body()).asJsonObject().getJsonArray("items").getValuesAs(JsonObject.class);
    }

    private static Set<String> column(List<JsonObject> rows, String key) {
        Set<String> values = new TreeSet<>();
        rows.forEach(r -> values.add(r.getString(key)));
        return values;
    }

    private static Set<String> csvColumn(List<String> lines, int index) throws Exception {
        Set<String> values = new TreeSet<>();
        try (var parser = org.apache.commons.csv.CSVParser.parse(String.join("\n", lines.subList(1, lines.size())),
                org.apache.commons.csv.CSVFormat.DEFAULT)) {
            parser.forEach(record -> values.add(record.get(index)));
        }
        return values;
    }

    private static Set<String> xlsxColumn(byte[] book, int index) throws Exception {
        Set<String> values = new TreeSet<>();
        xlsxRows(book).stream().skip(1).forEach(r -> values.add(r.get(index)));
        return values;
    }

    private static List<List<String>> xlsxRows(byte[] book) throws Exception {
        List<List<String>> rows = new ArrayList<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(book))) {
            Sheet sheet = workbook.getSheetAt(0);
            for (Row row : sheet) {
                List<String> cells = new ArrayList<>();
                for (int i = 0; i < row.getLastCellNum(); i++) {
                    cells.add(row.getCell(i) == null ? "" : row.getCell(i).getStringCellValue());
                }
                rows.add(cells);
            }
        }
        return rows;
    }

    private static String lastExport(PreparedStatement audit, String user, String list) throws Exception {
        audit.setString(1, user);
        audit.setString(2, list);
        try (ResultSet r = audit.executeQuery()) {
            return r.next() ? r.getString(1) : null;
        }
    }

    private static void tick(Browser browser, String groupId, String label) {
        browser.click(By.xpath("//div[@id='" + groupId + "']//label[normalize-space()='" + label + "']"));
    }

    private static void issue(String caseNumber, String orderNumber, LocalDate on) {
        String order = Json.createObjectBuilder()
                .add("orderNumber", orderNumber).add("issueDate", on.toString())
                .add("perpetrator", Json.createObjectBuilder().add("familyName", "Примеров-Список").add("givenName", "Ерлан")
                        .add("birthDate", "1985-03-01"))
                .add("prohibitions", Json.createArrayBuilder().add("NO_VIOLENCE")).build().toString();
        HttpResponse<String> issued = call("serik", "POST", "cases/" + caseNumber + "/protective-orders", order);
        assertThat(issued.statusCode()).as(issued.body()).isEqualTo(201);
    }

    private static long decision(Connection c, String caseNumber, String decisionNumber, Integer reportsPerMonth) throws Exception {
        try (PreparedStatement insert = c.prepareStatement("""
                insert into court_mandate (case_file_id, court_code, decision_number, decision_date, recorded_by, recorded_at,
                                           start_date, end_date, police_reports_per_month)
                select id, 'ALM-CRT', ?, current_date, 'aliya', now(), current_date, current_date + 90, ?
                from case_file where number = ? returning id""")) {
            insert.setString(1, decisionNumber);
            insert.setObject(2, reportsPerMonth, java.sql.Types.INTEGER);
            insert.setString(3, caseNumber);
            try (ResultSet r = insert.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void insert(Connection c, String sql) throws Exception {
        try (var statement = c.createStatement()) {
            assertEquals(1, statement.executeUpdate(sql));
        }
    }

    private static Connection database() throws Exception {
        return DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau_app", TestStack.dbPassword());
    }

    /** A call of the API; a list is asked for its largest page (100), which holds every row the tests make. */
    private static HttpResponse<String> call(String user, String method, String path, String body) {
        boolean list = method.equals("GET") && path.matches("(protective-orders|court-mandates|referrals)(\\?.*)?")
                && !path.contains("size=");
        return ApiCalls.call(api + path + (list ? (path.contains("?") ? "&" : "?") + "size=100" : ""), TOKENS.get(user),
                method, body, "ru");
    }

    private static HttpResponse<byte[]> file(String user, String path, String accept) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(api + path)).header("Authorization", "Bearer " + TOKENS.get(user))
                .header("Accept", accept).header("Accept-Language", "ru").build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private static String number(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        return json(created.body()).asJsonObject().getString("number");
    }

    private static JsonValue json(String body) {
        return Json.createReader(new StringReader(body)).readValue();
    }

    private static String intake(String familyName, String region) {
        return Json.createObjectBuilder()
                .add("familyName", familyName).add("givenName", "Сауле").add("sex", "FEMALE")
                .add("birthDate", "1988-04-02").add("regionCode", region).add("kind", "DOMESTIC_VIOLENCE")
                .add("incidentDate", TODAY.minusDays(2).toString()).add("incidentType", "PHYSICAL_ASSAULT")
                .add("consents", Json.createArrayBuilder().add("SERVICES").add("DISCLOSURE"))
                .add("consentGivenOn", TODAY.toString()).build().toString();
    }
}
