package kz.qorgau.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case page a social worker lives in, with real Keycloak, PostgreSQL, Payara and Chromium: a header that says what
 * matters, a tab per section each with its own form, a dialog per action; a screenshot of every tab under target/.
 */
class CasePageBrowserIT {

    private static final List<String> TABS = List.of("people", "incidents", "social-work", "measures", "referrals",
            "notes", "timeline", "who-saw");

    @Test
    void aSocialWorkerRunsACaseFromIntakeToClosureOneSectionAtATime() throws Exception {
        String app = TestStack.applicationUrl();
        String number;
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            number = aigerim.openCase(app, "Тестова-Вкладки-" + UUID.randomUUID().toString().substring(0, 4));
            aigerim.open(app + "cases/case.xhtml?n=" + number);
            assertThat(aigerim.await(By.id("case-status")).getText()).isEqualTo("открыто");
            assertThat(aigerim.await(By.id("order-in-force")).getText()).isEqualTo("не действует");

            // a bad date in one section's dialog is refused there, keeps what she typed, and blocks nothing else
            aigerim.tab("incidents");
            aigerim.openDialog(By.id("tabs:incidents:add-incident"), "incident");
            aigerim.typeDate("incident:incident-date_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusDays(5));
            aigerim.choose("incident:incident-type", "физическое насилие");
            aigerim.type(By.id("incident:perpetrator-family-name"), "Примеров");
            aigerim.click(By.id("incident:record-incident"));
            aigerim.awaitText(By.id("incident:messages"), "не может быть в будущем");
            assertThat(aigerim.await(By.id("incident:perpetrator-family-name")).getAttribute("value")).isEqualTo("Примеров");
            aigerim.screenshot("case-incident-dialog-refused");
            aigerim.click(By.cssSelector("#incident-dialog .ui-dialog-titlebar-close"));

            aigerim.click(By.id("case:activate"));
            aigerim.awaitText(By.id("case-status"), "в работе");
            assertThat(aigerim.await(By.id("tabs:incidents:incidents")).getText()).as("she is still on the incidents tab")
                    .doesNotContain("Примеров");

            // on paper, for each recipient only what it may have
            String police = pdfText(aigerim, ".summary-POLICE");
            assertThat(police).contains(number).contains("для полиции").contains("17.05.1991").contains("физическое насилие")
                    .contains("aigerim").doesNotContain("Заметки");
            String provider = pdfText(aigerim, ".summary-PROVIDER").replaceAll("\\s+", "");
            assertThat(provider).contains(number).contains("Тестова-Вкладки").as("no date of birth, no incident")
                    .doesNotContain("17.05.1991").doesNotContain("физическоенасилие");

            for (String tab : TABS) {
                aigerim.tab(tab);
                aigerim.screenshot("case-tab-" + tab);
            }
            aigerim.click(By.id("case:request-closure"));
            aigerim.awaitText(By.id("case-status"), "запрошено закрытие");
        }
        try (Browser nurlan = new Browser()) {
            nurlan.open(app);
            nurlan.signIn("nurlan", "demo");
            nurlan.open(app + "cases/case.xhtml?n=" + number);
            assertThat(nurlan.driver().findElements(By.id("tabs:secret"))).as("the address stays with her organisation").isEmpty();
            nurlan.openDialog(By.id("case:decide-closure"), "closure");
            nurlan.type(By.id("closure:closure-comment"), "Помощь оказана, риск снижен");
            nurlan.screenshot("case-closure-dialog");
            nurlan.click(By.id("closure:approve-closure"));
            nurlan.awaitText(By.id("case-status"), "закрыто");
            nurlan.tab("who-saw");
            nurlan.awaitText(By.id("tabs:who-saw:audit"), "aigerim");
            assertThat(nurlan.await(By.id("tabs:who-saw:audit")).getText()).as("codes shown as names")
                    .contains("социальный работник").doesNotContain("social-worker").doesNotContain("CaseFile");
            nurlan.screenshot("case-tab-who-saw-supervisor");

            // the same page in English: the header, the tabs and the trail in her words
            nurlan.click(By.cssSelector("#language input[lang='en']"));
            nurlan.awaitText(By.id("case-status"), "closed");
            assertThat(nurlan.await(By.cssSelector("a[href='#tabs:tab-people']")).getText()).isEqualTo("People");
            assertThat(nurlan.await(By.id("order-in-force")).getText()).isEqualTo("none in force");
            nurlan.tab("who-saw");
            assertThat(nurlan.await(By.id("tabs:who-saw:audit")).getText()).contains("social worker");
            nurlan.screenshot("case-en-supervisor");
            // the language is remembered per user: give nurlan back his Russian for the tests after this one
            nurlan.click(By.cssSelector("#language input[lang='ru']"));
            nurlan.awaitText(By.id("case-status"), "закрыто");
        }
    }

    private static String pdfText(Browser browser, String button) throws Exception {
        try (var downloads = java.nio.file.Files.list(browser.downloads())) {
            for (java.nio.file.Path old : downloads.toList()) {
                java.nio.file.Files.delete(old);
            }
        }
        browser.click(By.cssSelector(button));
        java.nio.file.Path pdf = browser.awaitDownload("pdf");
        com.lowagie.text.pdf.PdfReader reader = new com.lowagie.text.pdf.PdfReader(java.nio.file.Files.readAllBytes(pdf));
        try {
            return new com.lowagie.text.pdf.parser.PdfTextExtractor(reader).getTextFromPage(1);
        } finally {
            reader.close();
        }
    }
}
