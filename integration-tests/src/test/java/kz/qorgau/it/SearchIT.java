package kz.qorgau.it;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The search box finds a person typed in either alphabet, in any order, with Kazakh letters and small typos, by IIN
 * or by case number — and never a case outside the caller's partition; each search is audited without what was typed.
 */
class SearchIT {

    private static final String TODAY = LocalDate.now(ZoneId.of("Asia/Almaty")).toString();
    private static String app;
    private static String aigerim;
    private static String dana;
    private static String zhanar;
    private static String shynar;
    private static String asel;
    private static String astana;

    @BeforeAll
    static void fourVictimsInTwoRegions() throws Exception {
        app = TestStack.applicationUrl();
        String issuer = TestStack.keycloak().issuer();
        aigerim = DemoTokens.accessToken(issuer, "aigerim");
        dana = DemoTokens.accessToken(issuer, "dana");
        zhanar = open(aigerim, "Бекмухамбетова", "Жанар", "ALM", null);
        shynar = open(aigerim, "Тоқтарова", "Шынар", "ALM", null);
        asel = open(aigerim, "Қасымқызы", "Әсел", "ALM", "950315400026");
        astana = open(dana, "Бекмухамбетова", "Жансая", "AST", null);
    }

    @Test
    void aNameIsFoundInEitherAlphabetInAnyOrderWithTypos() {
        assertThat(numbers(aigerim, "Бекмухамбетова Жанар")).containsExactly(zhanar);
        assertThat(numbers(aigerim, "Zhanar Bekmukhambetova")).containsExactly(zhanar);
        assertThat(numbers(aigerim, "Janar Bekmuhambetova")).containsExactly(zhanar);
        assertThat(numbers(aigerim, "Бекмухамбетва")).as("a typo").containsExactly(zhanar);
        assertThat(numbers(aigerim, "Shynar")).containsExactly(shynar);
        assertThat(numbers(aigerim, "токтарова шынар")).as("Kazakh letters typed as Russian ones").containsExactly(shynar);
        assertThat(numbers(aigerim, "Asel Kasymkyzy")).containsExactly(asel);
        assertThat(numbers(aigerim, "Касымкызы")).containsExactly(asel);
    }

    @Test
    void anIinAndACaseNumberAreFoundExactlyAndFirst() {
        JsonArray byIin = search(aigerim, "950315 400026").readEntity();
        assertThat(byIin).hasSize(1);
        assertThat(byIin.getJsonObject(0).getString("caseNumber")).isEqualTo(asel);
        assertThat(byIin.getJsonObject(0).getString("match")).isEqualTo("IIN");
        assertThat(byIin.getJsonObject(0).containsKey("iin")).as("the IIN is not handed back").isFalse();
        assertThat(numbers(aigerim, shynar.toLowerCase())).containsExactly(shynar);
    }

    @Test
    void nothingOutsideThePartitionIsEverFound() {
        assertThat(numbers(aigerim, "Бекмухамбетова")).containsExactly(zhanar);
        assertThat(numbers(dana, "Бекмухамбетова")).containsExactly(astana);
        assertThat(numbers(dana, "950315400026")).isEmpty();
        assertThat(numbers(dana, asel)).isEmpty();
        String madina = token("madina");
        HttpResponse<String> provider = ApiCalls.call(app + "api/v1/search", madina, "POST", "{\"text\":\"Shynar\"}", "ru");
        assertThat(provider.statusCode()).as("a provider reads no cases, so searches none").isEqualTo(403);
    }

    @Test
    void tooLittleAsksForMoreInHerLanguageAndSearchesAreAuditedWithoutTheText() throws Exception {
        HttpResponse<String> tooShort = ApiCalls.call(app + "api/v1/search", aigerim, "POST", "{\"text\":\"Ай\"}", "kk");
        assertThat(tooShort.statusCode()).isEqualTo(400);
        assertThat(tooShort.body()).contains("search.tooShort").contains("кемінде үш әрпін");

        numbers(aigerim, "Тоқтарова");
        try (Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau", System.getProperty("qorgau.it.db.owner-password"));
             Statement s = c.createStatement();
             ResultSet r = s.executeQuery("select username, action, detail from audit_event where record_type = 'CASE_SEARCH' order by id desc limit 1")) {
            assertThat(r.next()).isTrue();
            assertThat(r.getString(1)).isEqualTo("aigerim");
            assertThat(r.getString(2)).isEqualTo("READ");
            assertThat(r.getString(3)).isEqualTo("NAME:1").doesNotContain("Тоқтарова");
        }
    }

    @Test
    void theHeaderSearchBoxFindsHerWithoutPuttingTheNameInTheAddress() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("aigerim", "demo");
            browser.type(By.id("search-text"), "zhanar bekmukhambetova");
            browser.await(By.id("search-text")).sendKeys(Keys.ENTER);
            browser.awaitText(By.id("search-count"), "1");
            assertThat(browser.await(By.id("search-results")).getText()).contains(zhanar).contains("Бекмухамбетова Жанар");
            assertThat(browser.driver().getCurrentUrl()).doesNotContainIgnoringCase("zhanar").doesNotContainIgnoringCase("bekmu");
            browser.screenshot("search-results");
            browser.click(By.linkText(zhanar));
            assertThat(browser.await(By.id("case-number")).getText()).isEqualTo(zhanar);

            browser.type(By.id("search-text"), "Ай");
            browser.await(By.id("search-text")).sendKeys(Keys.ENTER);
            browser.awaitText(By.id("search-messages"), "не меньше трёх букв");
        }
    }

    private static String open(String token, String family, String given, String region, String iin) throws Exception {
        JsonObject body = Json.createObjectBuilder().add("familyName", family).add("givenName", given).add("sex", "FEMALE")
                .add("birthDate", "1995-03-15").add("regionCode", region).add("kind", "DOMESTIC_VIOLENCE")
                .add("incidentDate", TODAY).add("incidentType", "PHYSICAL_ASSAULT").add("citizenship", "KZ")
                .add("documentType", "PASSPORT").add("documentNumber", "N" + (1_000_000 + (int) (Math.random() * 8_000_000)))
                .build();
        if (iin != null) {
            body = Json.createObjectBuilder(body).add("iin", iin).build();
        }
        HttpResponse<String> opened = ApiCalls.call(app + "api/v1/cases", token, "POST", body.toString(), "ru");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        return Json.createReader(new StringReader(opened.body())).readObject().getString("number");
    }

    private static String token(String user) {
        try {
            return DemoTokens.accessToken(TestStack.keycloak().issuer(), user);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private record Answer(HttpResponse<String> response) {
        JsonArray readEntity() {
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            return Json.createReader(new StringReader(response.body())).readArray();
        }
    }

    private static Answer search(String token, String text) {
        return new Answer(ApiCalls.call(app + "api/v1/search", token, "POST",
                Json.createObjectBuilder().add("text", text).build().toString(), "ru"));
    }

    private static List<String> numbers(String token, String text) {
        return search(token, text).readEntity().getValuesAs(JsonObject.class).stream().map(o -> o.getString("caseNumber")).toList();
    }
}
