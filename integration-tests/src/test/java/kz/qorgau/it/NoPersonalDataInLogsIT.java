package kz.qorgau.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import kz.qorgau.casefile.Sex;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A write that every check of the application lets through and PostgreSQL refuses (here: a constraint the test adds,
 * refusing one recognisable fictional family name) must not put the row's contents in the server's log: neither the
 * driver's copy of the server's error detail ("Failing row contains …") nor EclipseLink's bound parameters nor a
 * message of the failure. The user is told in her language, with a reference id that the log has.
 */
class NoPersonalDataInLogsIT {

    private static final String CONSTRAINT = "it_refuses_tracer_names";
    private static String app;

    @BeforeAll
    static void refuseTracerNames() throws Exception {
        app = TestStack.applicationUrl();
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("alter table person add constraint " + CONSTRAINT + " check (family_name not like 'Следова%') not valid");
        }
    }

    @AfterAll
    static void acceptThemAgain() throws Exception {
        try (Connection c = owner(); Statement s = c.createStatement()) {
            s.execute("alter table person drop constraint if exists " + CONSTRAINT);
        }
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau", System.getProperty("qorgau.it.db.owner-password"));
    }

    @Test
    void aRefusedRowLeavesNoNameOrIinInTheLog() throws Exception {
        String apiName = "Следова-" + UUID.randomUUID().toString().substring(0, 8);
        String apiIin = StatisticsIT.iin(LocalDate.of(1987, 3, 14), Sex.FEMALE, 7000 + (int) (Math.random() * 2000));
        String pageName = "Следова-" + UUID.randomUUID().toString().substring(0, 8);
        String pageIin = StatisticsIT.iin(LocalDate.of(1991, 5, 17), Sex.FEMALE, 7000 + (int) (Math.random() * 2000));

        // the API: 409 in the caller's language, with a reference and nothing of the body
        String token = DemoTokens.accessToken(TestStack.keycloak().issuer(), "aigerim");
        HttpResponse<String> refused = ApiCalls.call(app + "api/v1/cases", token, "POST", intake(apiName, apiIin), "kk");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(409);
        JsonObject problem = Json.createReader(new StringReader(refused.body())).readObject();
        assertThat(problem.getJsonArray("keys").getString(0)).isEqualTo("api.refusedByDatabase");
        assertThat(problem.getString("type")).isEqualTo("/api/v1/problems/refused-by-database");
        assertThat(problem.getJsonArray("messages").getString(0)).startsWith("Жазба сақталмады");
        String apiReference = problem.getString("reference");
        assertThat(apiReference).matches("Q-[2-9A-HJ-NP-Z]{8}");
        assertThat(refused.body()).doesNotContain(apiName).doesNotContain(apiIin).doesNotContain("Failing row");

        // the intake form: the error page with its reference, no stack trace, nothing of the victim
        String pageReference;
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("aigerim", "demo");
            browser.open(app + "cases/new.xhtml");
            browser.typeMasked(By.id("case:search-iin"), pageIin);
            browser.click(By.id("case:search"));
            browser.click(By.id("case:new-person"));
            browser.awaitStep("PERSON");
            browser.type(By.id("case:familyName"), pageName);
            browser.type(By.id("case:givenName"), "Айгерим");
            browser.click(By.cssSelector("label[for='case:sex:0']"));
            browser.typeDate("case:birthDate_input", LocalDate.of(1991, 5, 17));
            assertThat(browser.next()).isEqualTo("INCIDENT");
            browser.typeDate("case:incidentDate_input", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(1));
            browser.choose("case:incidentType", "физическое насилие");
            for (String step : new String[]{"RISK", "CONSENT", "SAFETY_PLAN", "REVIEW"}) {
                assertThat(browser.next()).isEqualTo(step);
            }
            browser.click(By.id("case:open-case"));
            browser.awaitText(By.id("error"), "Что-то пошло не так");
            pageReference = browser.await(By.id("reference")).getText();
            String page = browser.driver().getPageSource();
            assertThat(page).doesNotContain(pageName).doesNotContain(pageIin).doesNotContain("Exception").doesNotContain("at kz.qorgau");
            browser.screenshot("refused-by-database");
        }
        assertThat(pageReference).matches("Q-[2-9A-HJ-NP-Z]{8}");

        String log = Files.readString(Path.of(System.getProperty("qorgau.it.work"), "logs", "payara.log"), StandardCharsets.UTF_8);
        assertThat(log).as("the log has the failures, under the references the users were given")
                .contains(apiReference).contains(pageReference).contains("SQLState 23514");
        assertThat(log).doesNotContain(apiName).doesNotContain(pageName).doesNotContain(apiIin).doesNotContain(pageIin)
                .doesNotContain("Failing row contains");
        try (Connection c = owner(); Statement s = c.createStatement();
             var rows = s.executeQuery("select count(*) from person where family_name like 'Следова%'")) {
            rows.next();
            assertThat(rows.getLong(1)).as("nothing saved").isZero();
        }
    }

    private static String intake(String familyName, String iin) {
        return Json.createObjectBuilder()
                .add("familyName", familyName).add("givenName", "Сауле").add("sex", "FEMALE").add("iin", iin)
                .add("birthDate", "1987-03-14").add("regionCode", "ALM").add("kind", "DOMESTIC_VIOLENCE")
                .add("incidentDate", LocalDate.now(ZoneId.of("Asia/Almaty")).minusDays(2).toString())
                .add("incidentType", "PHYSICAL_ASSAULT").build().toString();
    }
}
