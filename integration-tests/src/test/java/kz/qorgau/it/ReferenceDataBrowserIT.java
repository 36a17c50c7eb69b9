package kz.qorgau.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The admin maintains reference data in a real Chromium: adds an organisation and finds it listed, is told clearly
 * why a malformed or a taken code is refused, deactivates the organisation; and the page is hers alone.
 */
class ReferenceDataBrowserIT {

    private static String app;

    @BeforeAll
    static void application() throws Exception {
        app = TestStack.applicationUrl();
    }

    @Test
    void theAdminAddsAnOrganisationAndABadCodeIsExplained() throws Exception {
        String code = "SHY-NGO-" + Math.floorMod(System.nanoTime(), 10_000L);
        String name = "НПО «Браузер» " + code;
        try (Browser admin = new Browser()) {
            admin.open(app);
            admin.signIn("admin", "demo");
            assertThat(admin.driver().findElements(By.id("nav-cases"))).as("the admin sees no case").isEmpty();
            admin.click(By.id("home-reference"));
            admin.await(By.id("ref:organisations"));

            admin.type(By.id("ref:org-code"), "ШЫМ НПО");
            admin.type(By.id("ref:org-name"), name);
            admin.choose("ref:org-type", "НПО");
            admin.click(By.id("ref:add-organisation-button"));
            admin.awaitText(By.id("ref:messages"), "Код — от 2 до 20 символов");
            assertThat(admin.await(By.id("ref:organisations")).getText()).doesNotContain(name);
            admin.screenshot("admin-reference-bad-code");

            admin.type(By.id("ref:org-code"), code);
            admin.choose("ref:org-region", "г. Шымкент");
            admin.click(By.id("ref:add-organisation-button"));
            admin.awaitText(By.id("ref:messages"), "Сохранено.");
            admin.awaitText(By.id("ref:organisations"), code);
            assertThat(admin.await(By.id("ref:organisations")).getText()).contains(name).contains("НПО").contains("SHY");
            assertThat(admin.await(By.id("ref:org-code")).getAttribute("value")).as("the form is empty again").isEmpty();
            ((org.openqa.selenium.JavascriptExecutor) admin.driver()).executeScript("window.scrollTo(0, 0)");
            admin.screenshot("admin-reference");

            admin.type(By.id("ref:org-code"), code);
            admin.type(By.id("ref:org-name"), "Другое НПО");
            admin.choose("ref:org-type", "НПО");
            admin.click(By.id("ref:add-organisation-button"));
            admin.awaitText(By.id("ref:messages"), "Этот код уже занят");

            String rowPath = "//tbody[@id='ref:organisations_data']/tr[.//span[@class='org-code' and text()='" + code + "']]";
            By row = By.xpath(rowPath);
            admin.click(By.xpath(rowPath + "//button[contains(@class, 'deactivate-organisation')]"));
            admin.awaitText(By.id("ref:deactivate-dialog"), "Отключить организацию?");
            admin.click(By.id("ref:deactivate-yes"));
            admin.awaitText(row, "отключена");
            assertThat(admin.await(row).getText()).as("still listed, with its name").contains(name);
            new org.openqa.selenium.support.ui.WebDriverWait(admin.driver(), java.time.Duration.ofSeconds(10))
                    .until(org.openqa.selenium.support.ui.ExpectedConditions.invisibilityOfElementLocated(By.id("ref:deactivate-dialog")));
            admin.screenshot("admin-reference-deactivated");
        }
    }

    @Test
    void nobodyElseReachesTheAdminPage() throws Exception {
        try (Browser nurlan = new Browser()) {
            nurlan.open(app);
            nurlan.signIn("nurlan", "demo");
            assertThat(nurlan.await(By.id("break-glass-review")).isDisplayed()).as("his start page works").isTrue();
            assertThat(nurlan.driver().findElements(By.id("nav-reference"))).isEmpty();
            nurlan.open(app + "admin/reference.xhtml");
            assertThat(nurlan.await(By.id("no-access")).getText()).contains("Нет доступа");
            assertThat(nurlan.driver().findElements(By.id("ref:organisations"))).isEmpty();
        }
    }
}
