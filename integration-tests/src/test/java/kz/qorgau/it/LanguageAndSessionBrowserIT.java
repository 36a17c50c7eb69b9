package kz.qorgau.it;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language switch in the header: the pages, Faces' and PrimeFaces' own texts and Keycloak's sign-in form follow
 * it, and it is kept with the user, so a fresh browser has it after signing in. And a session that expired while a
 * page was open leads through the sign-in form back to that page, not to an error; an expired view is opened afresh.
 */
class LanguageAndSessionBrowserIT {

    private static String app;

    @BeforeAll
    static void application() throws Exception {
        app = TestStack.applicationUrl();
    }

    /** The other tests expect their users to read Russian. */
    @AfterEach
    void forgetTheChoice() throws Exception {
        try (Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau", System.getProperty("qorgau.it.db.owner-password"));
             PreparedStatement s = c.prepareStatement("delete from user_preference where username = 'dana'")) {
            s.executeUpdate();
        }
    }

    @Test
    void theChosenLanguageStaysWithTheUser() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("dana", "demo");
            assertThat(lang(browser)).isEqualTo("ru");
            browser.awaitText(By.id("nav-cases"), "Дела"); // the redirects after the sign-in have settled
            assertThat(browser.await(By.id("nav-cases")).getText()).isEqualTo("Дела");

            browser.click(By.cssSelector("#language input[lang='en']"));
            browser.awaitText(By.id("nav-cases"), "Cases");
            assertThat(lang(browser)).isEqualTo("en");
            assertThat(browser.await(By.id("sign-out")).getText()).isEqualTo("Sign out");
            browser.screenshot("language-en");

            browser.click(By.id("sign-out"));
            signInForm(browser);
            assertThat(lang(browser)).as("Keycloak's sign-in form, asked in the chosen language").isEqualTo("en");
            browser.screenshot("language-en-sign-in");
        }
        try (Browser fresh = new Browser()) {
            fresh.open(app);
            fresh.signIn("dana", "demo");
            fresh.awaitText(By.id("nav-cases"), "Cases"); // the redirects after the sign-in have settled
            assertThat(fresh.await(By.id("nav-cases")).getText()).as("kept with her, not in the browser").isEqualTo("Cases");

            fresh.click(By.cssSelector("#language input[lang='kk']"));
            fresh.awaitText(By.id("nav-cases"), "Істер");
            assertThat(lang(fresh)).isEqualTo("kk");
            fresh.open(app + "cases/new.xhtml");
            assertThat(script(fresh, "return PrimeFaces.locales['kk'] ? PrimeFaces.locales['kk'].monthNames[11] : null"))
                    .as("PrimeFaces' own texts (the date picker)").isEqualTo("Желтоқсан");
            fresh.click(By.cssSelector("#case\\:search-birth .ui-datepicker-trigger"));
            assertThat(fresh.await(By.cssSelector(".ui-datepicker-month, .ui-datepicker-title")).getText())
                    .as("the month menu, in Kazakh").contains("Қаң").contains("Жел");
            fresh.screenshot("language-kk-date-picker");

            fresh.open(app + "no-such-page.xhtml");
            assertThat(fresh.await(By.id("not-found")).getText()).contains("Табылмады").contains("Өтініш нөмірі");
            assertThat(fresh.await(By.id("reference")).getText()).matches("Q-[2-9A-HJ-NP-Z]{8}");
            fresh.screenshot("not-found-kk");

            fresh.open(app);
            fresh.click(By.id("sign-out"));
            fresh.signIn("dana", "demo");
            fresh.awaitText(By.id("nav-cases"), "Істер"); // the redirects after the sign-in have settled
            assertThat(fresh.await(By.id("nav-cases")).getText()).isEqualTo("Істер");
        }
    }

    @Test
    void anExpiredSessionLeadsThroughSignInBackToThePage() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("aigerim", "demo");
            browser.open(app + "cases/new.xhtml");
            browser.type(By.id("case:search-family"), "Сессиева");
            String page = browser.driver().getWindowHandle();

            // the session ends here and at Keycloak, as after 30 idle minutes and a closed browser elsewhere
            browser.driver().switchTo().newWindow(WindowType.TAB);
            browser.open(TestStack.keycloak().issuer() + "/protocol/openid-connect/certs");
            browser.driver().manage().deleteAllCookies();
            browser.driver().close();
            browser.driver().switchTo().window(page);
            assertThat(browser.driver().manage().getCookieNamed("JSESSIONID")).isNull();

            browser.click(By.id("case:search")); // an ajax request of a page whose session is gone
            browser.await(By.id("kc-login"));
            browser.screenshot("session-expired-sign-in");
            browser.signIn("aigerim", "demo");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/cases/new.xhtml"));
            assertThat(browser.await(By.id("case:search-family")).getAttribute("value")).as("a fresh form: nothing was submitted").isEmpty();
            assertThat(browser.driver().findElements(By.id("error"))).isEmpty();
        }
    }

    @Test
    void anExpiredViewIsOpenedAfresh() throws Exception {
        try (Browser browser = new Browser()) {
            browser.open(app);
            browser.signIn("aigerim", "demo");
            browser.open(app + "cases/new.xhtml");
            browser.type(By.id("case:search-family"), "Видова");
            // as after a restart of the server, or a page left open past the views a session keeps
            script(browser, "document.querySelectorAll(\"input[name='jakarta.faces.ViewState']\").forEach(i => i.value = 'gone')");

            browser.click(By.id("case:search"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                    .until(d -> d.findElement(By.id("case:search-family")).getAttribute("value").isEmpty());
            assertThat(browser.driver().getCurrentUrl()).contains("/cases/new.xhtml");
            assertThat(browser.driver().findElements(By.id("error"))).isEmpty();
            assertThat(browser.await(By.id("username")).getText()).isEqualTo("aigerim");
        }
    }

    /** Waits for Keycloak's sign-in form; if it does not come, keeps a picture and the page of where she is. */
    private static void signInForm(Browser browser) throws Exception {
        try {
            browser.await(By.id("kc-login"));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("no-sign-in-form");
            throw new AssertionError("no sign-in form at " + browser.driver().getCurrentUrl() + ": "
                    + browser.driver().findElement(By.tagName("body")).getText(), e);
        }
    }

    private static String lang(Browser browser) {
        return (String) script(browser, "return document.documentElement.lang");
    }

    private static Object script(Browser browser, String script) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script);
    }
}
