package kz.qorgau.it;

import jakarta.json.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each role's start page shows its own work first: a social worker her cases, police the unit's orders in force and
 * ending, a court the cases brought before it, a provider her referrals, a supervisor closures and quiet cases — and
 * none of them a case outside her partition. A screenshot of every start page is kept.
 */
class StartPagesBrowserIT {

    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Almaty"));
    private static String app;
    private static String caseNumber;

    @BeforeAll
    static void aCaseWithAnOrderBeforeACourt() throws Exception {
        app = TestStack.applicationUrl();
        String issuer = TestStack.keycloak().issuer();
        String aigerim = DemoTokens.accessToken(issuer, "aigerim");
        String serik = DemoTokens.accessToken(issuer, "serik");
        HttpResponse<String> opened = ApiCalls.call(app + "api/v1/cases", aigerim, "POST", """
                {"familyName":"Стартова","givenName":"Проба","sex":"FEMALE","birthDate":"1992-07-08","regionCode":"ALM",
                 "kind":"DOMESTIC_VIOLENCE","incidentDate":"%s","incidentType":"PHYSICAL_ASSAULT",
                 "documentType":"PASSPORT","documentNumber":"N4441234","citizenship":"KZ"}""".formatted(TODAY), "ru");
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        caseNumber = Json.createReader(new StringReader(opened.body())).readObject().getString("number");

        // issued 26 days ago, so that it ends within the week
        String orderNumber = "SP-" + UUID.randomUUID().toString().substring(0, 8);
        HttpResponse<String> order = ApiCalls.call(app + "api/v1/cases/" + caseNumber + "/protective-orders", serik, "POST", """
                {"orderNumber":"%s","issueDate":"%s","perpetrator":{"familyName":"Примеров","givenName":"Ерлан",
                 "birthDate":"1980-01-02"},"prohibitions":["NO_VIOLENCE"]}""".formatted(orderNumber, TODAY.minusDays(26)), "ru");
        assertThat(order.statusCode()).as(order.body()).isEqualTo(201);

        HttpResponse<String> court = ApiCalls.call(app + "api/v1/cases/" + caseNumber + "/court-submissions", serik, "POST",
                "{\"courtCode\":\"ALM-CRT\"}", "ru");
        assertThat(court.statusCode()).as(court.body()).isEqualTo(201);
    }

    @Test
    void aSocialWorkerFindsHerCaseFirst() throws Exception {
        try (Browser browser = startPage("aigerim", "social-worker")) {
            assertThat(lines(browser, "MY_CASES")).contains(caseNumber);
            assertThat(section(browser, "RECENT_ACTIVITY").getText()).contains("Недавние события");
            browser.click(By.linkText(caseNumber));
            browser.await(By.id("case-number"));
            assertThat(browser.driver().getCurrentUrl()).contains("n=" + caseNumber);
        }
    }

    @Test
    void policeSeeTheirOrdersInForceAndEnding() throws Exception {
        try (Browser browser = startPage("serik", "police")) {
            assertThat(lines(browser, "ORDERS_IN_FORCE")).contains(caseNumber);
            assertThat(lines(browser, "ORDERS_EXPIRING")).contains(caseNumber);
            assertThat(section(browser, "ORDER_VIOLATIONS").isDisplayed()).isTrue();
            assertThat(section(browser, "TO_BRING_BEFORE_COURT").isDisplayed()).isTrue();
        }
    }

    @Test
    void aCourtSeesTheCasesBroughtBeforeIt() throws Exception {
        try (Browser browser = startPage("aliya", "court")) {
            assertThat(lines(browser, "BROUGHT_BEFORE_COURT")).contains(caseNumber);
            assertThat(section(browser, "MANDATES_RUNNING").isDisplayed()).isTrue();
            assertThat(section(browser, "SESSIONS_MISSED").isDisplayed()).isTrue();
            assertThat(section(browser, "NON_COMPLIANCE_REPORTS").isDisplayed()).isTrue();
            assertThat(browser.driver().getPageSource()).doesNotContain("следующих версиях");
        }
    }

    @Test
    void aProviderAndASupervisorSeeTheirs() throws Exception {
        try (Browser browser = startPage("madina", "ngo")) {
            assertThat(section(browser, "REFERRALS_TO_ANSWER").isDisplayed()).isTrue();
            assertThat(section(browser, "SERVICES_IN_PROGRESS").isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.id("work-MY_CASES"))).isEmpty();
        }
        try (Browser browser = startPage("nurlan", "supervisor")) {
            assertThat(section(browser, "CLOSURES_TO_APPROVE").isDisplayed()).isTrue();
            assertThat(section(browser, "CASES_WITHOUT_ACTIVITY").isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.id("work-ORDERS_IN_FORCE"))).isEmpty();
        }
    }

    @Test
    void nobodyFindsACaseOutsideHerPartition() throws Exception {
        for (String user : List.of("dana", "zhanar")) {
            try (Browser browser = startPage(user, "outside-" + user)) {
                assertThat(browser.await(By.id("work")).getText()).doesNotContain(caseNumber);
            }
        }
    }

    private static Browser startPage(String user, String screenshot) throws Exception {
        Browser browser = new Browser();
        browser.open(app);
        browser.signIn(user, "demo");
        browser.await(By.id("work"));
        browser.screenshot("start-page-" + screenshot);
        return browser;
    }

    private static WebElement section(Browser browser, String kind) {
        return browser.await(By.id("work-" + kind));
    }

    private static String lines(Browser browser, String kind) {
        return section(browser, kind).getText();
    }
}
