package kz.qorgau.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A person's first minutes with Qorgau in a real Chromium: sign in through Keycloak's login page, open a case,
 * find it in the list, be refused on bad input, sign out; and a user without a role is turned away politely.
 */
class WalkingSkeletonBrowserIT {

    private static String app;

    @BeforeAll
    static void application() throws Exception {
        app = TestStack.applicationUrl();
    }

    @Test
    void aSocialWorkerOpensACaseAndFindsItInHerList() throws Exception {
        String familyName = "Тестова-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("aigerim", "demo");

            assertThat(browser.await(By.id("username")).getText()).isEqualTo("aigerim");
            assertThat(browser.await(By.id("roles")).getText()).contains("социальный работник");

            String number = browser.openCase(app, familyName);
            assertThat(browser.await(By.cssSelector(".ui-messages-info")).getText()).contains("Дело " + number + " открыто.");
            assertThat(number).matches("ALM-\\d{4}-\\d{6}");
            WebElement firstRow = browser.await(By.cssSelector("#cases\\:table tbody tr"));
            assertThat(firstRow.getText()).contains(number).contains(familyName);
            browser.screenshot("case-list");
        }
    }

    @Test
    void invalidInputIsExplainedInHerLanguageAndSavesNothing() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("aigerim", "demo");
            browser.click(By.id("nav-cases"));
            String totalBefore = total(browser);

            browser.click(By.id("nav-new-case"));
            browser.type(By.id("case:givenName"), "Айгерим");
            browser.typeDate("case:birthDate_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusDays(10));
            browser.typeMasked(By.id("case:iin"), "900101400004"); // the check digit would be 3
            browser.click(By.id("case:save"));

            browser.awaitText(By.id("case:messages"), "Укажите фамилию");
            String messages = browser.await(By.id("case:messages")).getText();
            assertThat(messages).contains("Укажите фамилию пострадавшей(-его).");
            assertThat(messages).contains("Дата рождения не может быть в будущем.");
            assertThat(messages).as("the IIN is checked in the same round").contains("не сходится контрольная цифра");
            assertThat(browser.driver().getCurrentUrl()).contains("/cases/new");
            browser.screenshot("new-case-refused");

            browser.open(app + "cases/list.xhtml");
            assertThat(total(browser)).isEqualTo(totalBefore);
        }
    }

    @Test
    void aUserWithoutARoleGetsANoAccessPageAndCanSignOut() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("guest", "demo");

            assertThat(browser.await(By.id("no-access")).getText()).contains("Нет доступа");
            assertThat(browser.await(By.id("username")).getText()).isEqualTo("guest");
            browser.screenshot("no-access");

            browser.open(app + "cases/list.xhtml");
            assertThat(browser.await(By.id("no-access")).isDisplayed()).isTrue();
            assertThat(browser.driver().findElements(By.id("cases:table"))).isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain("Тестова").doesNotContain("ALM-20");

            Object forged = ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeAsyncScript(
                    "fetch(arguments[0], {method: 'POST', body: new URLSearchParams('token=forged'), redirect: 'manual'})"
                            + ".then(r => arguments[1](r.status))", app + "logout");
            assertThat(forged).as("a sign-out without the session's token").isEqualTo(403L);
            browser.open(app);
            assertThat(browser.await(By.id("username")).getText()).as("still signed in").isEqualTo("guest");

            browser.click(By.id("sign-out"));
            browser.await(By.id("kc-login"));
            browser.open(app);
            assertThat(browser.await(By.id("kc-login")).isDisplayed()).as("signed out at Keycloak too").isTrue();
        }
    }

    private static String total(Browser browser) {
        return browser.await(By.cssSelector("#cases\\:table .ui-paginator-current")).getText().replaceAll(".*/\\s*", "");
    }
}
