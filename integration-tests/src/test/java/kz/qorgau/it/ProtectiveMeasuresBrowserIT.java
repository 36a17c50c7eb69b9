package kz.qorgau.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Police and courts at work in a real browser: a police officer issues a protective order on a social worker's case
 * and records a violation; a court records special requirements with a psychocorrection course and follows it to
 * completion. Each signs in through Keycloak as themselves.
 */
class ProtectiveMeasuresBrowserIT {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static String app;
    private static String caseNumber;
    private static final String SECRET_ADDRESS = "ул. Вымышленная, дом " + UUID.randomUUID().toString().substring(0, 4);

    @BeforeAll
    static void aCaseOfAigerims() throws Exception {
        app = TestStack.applicationUrl();
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            caseNumber = aigerim.openCase(app, "Тестова-Меры-" + UUID.randomUUID().toString().substring(0, 4));
            aigerim.open(app + "cases/case.xhtml?n=" + caseNumber);
            aigerim.type(By.id("case:secret-address-input"), SECRET_ADDRESS);
            aigerim.click(By.id("case:save-secret"));
            aigerim.awaitText(By.id("case:timeline"), "записан адрес");
            aigerim.choose("case:court", "Демо-районный суд (Алматы)");
            aigerim.click(By.id("case:bring-before-court"));
            aigerim.awaitText(By.id("case-courts"), "ALM-CRT");
        }
        assertThat(caseNumber).matches("ALM-\\d{4}-\\d{6}");
    }

    @Test
    void aPoliceOfficerIssuesAProtectiveOrderThatRunsThirtyDaysAndRecordsAViolation() throws Exception {
        String orderNumber = "ЗП-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser serik = new Browser()) {
            serik.open(app);
            serik.signIn("serik", "demo");
            serik.open(app + "cases/case.xhtml?n=" + caseNumber);
            assertThat(serik.driver().findElements(By.id("case:safety-plan"))).as("police never see the safety plan").isEmpty();
            assertThat(serik.driver().getPageSource()).as("nor where she lives").doesNotContain(SECRET_ADDRESS);

            serik.type(By.id("case:order-number"), orderNumber);
            serik.type(By.id("case:perpetrator-family"), "Примеров");
            serik.type(By.id("case:perpetrator-given"), "Ерлан");
            serik.typeDate("case:perpetrator-birth_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).minusYears(16).minusDays(1));
            serik.click(By.id("case:issue-order"));

            serik.awaitText(By.id("case:orders"), orderNumber);
            String row = serik.await(By.id("case:orders")).getText();
            assertThat(row).contains(LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusDays(29).format(DATE)).contains("действует");

            serik.choose("case:violation-consequence", "предупреждение");
            serik.click(By.cssSelector(".record-violation"));
            serik.awaitText(By.id("case:orders"), "предупреждение");
            assertThat(serik.await(By.id("case:timeline")).getText())
                    .contains("вынесено защитное предписание").contains("нарушение защитного предписания");
            serik.screenshot("police-order");
        }
    }

    @Test
    void aPerpetratorUnderSixteenGetsNoOrder() throws Exception {
        try (Browser serik = new Browser()) {
            serik.open(app);
            serik.signIn("serik", "demo");
            serik.open(app + "cases/case.xhtml?n=" + caseNumber);
            serik.type(By.id("case:order-number"), "ЗП-МЛАДШЕ-16");
            serik.type(By.id("case:perpetrator-family"), "Примеров");
            serik.type(By.id("case:perpetrator-given"), "Данияр");
            serik.typeDate("case:perpetrator-birth_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).minusYears(16).plusDays(1));
            serik.click(By.id("case:issue-order"));
            serik.awaitText(By.id("case:messages"), "16");
            assertThat(serik.await(By.id("case:orders")).getText()).doesNotContain("ЗП-МЛАДШЕ-16");
        }
    }

    @Test
    void aCourtRecordsAPsychocorrectionCourseAndFollowsItToCompletion() throws Exception {
        String decision = "2-" + UUID.randomUUID().toString().substring(0, 5) + "/2026";
        try (Browser aliya = new Browser()) {
            aliya.open(app);
            aliya.signIn("aliya", "demo");
            // the court finds the cases brought before it from the menu, like every other reader of cases
            aliya.click(By.id("nav-cases"));
            aliya.awaitText(By.cssSelector(".ui-datatable"), caseNumber);
            aliya.open(app + "cases/case.xhtml?n=" + caseNumber);

            aliya.type(By.id("case:decision-number"), decision);
            aliya.typeDate("case:end-date_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusMonths(6));
            aliya.choose("case:course-provider", "Демо-центр психического здоровья (Алматы)");
            aliya.type(By.id("case:sessions-required_input"), "2");
            aliya.click(By.id("case:record-decision"));
            aliya.awaitText(By.id("case:decisions"), decision);
            assertThat(aliya.await(By.cssSelector(".course-progress")).getText()).isEqualTo("0 / 2");

            aliya.choose("case:attendance", "посещено");
            aliya.click(By.cssSelector(".record-session"));
            aliya.awaitText(By.cssSelector(".course-progress"), "1 / 2");
            aliya.choose("case:attendance", "пропущено");
            aliya.click(By.cssSelector(".record-session"));
            aliya.awaitText(By.cssSelector(".course-missed"), "1");
            aliya.choose("case:attendance", "посещено");
            aliya.click(By.cssSelector(".record-session"));
            aliya.awaitText(By.cssSelector(".course-progress"), "2 / 2");
            assertThat(aliya.await(By.cssSelector(".course-outcome")).getText()).isEqualTo("курс завершён");

            aliya.click(By.cssSelector(".report-completion"));
            aliya.awaitText(By.id("case:timeline"), "о психокоррекции сообщено суду");
            aliya.screenshot("court-psychocorrection");
        }
    }

    @Test
    void aCourtCannotIssueAPoliceOrderNorThePoliceRecordACourtDecision() throws Exception {
        try (Browser aliya = new Browser()) {
            aliya.open(app);
            aliya.signIn("aliya", "demo");
            aliya.open(app + "cases/case.xhtml?n=" + caseNumber);
            aliya.await(By.id("case:decisions"));
            assertThat(aliya.driver().findElements(By.id("case:issue-order"))).isEmpty();
        }
        try (Browser serik = new Browser()) {
            serik.open(app);
            serik.signIn("serik", "demo");
            serik.open(app + "cases/case.xhtml?n=" + caseNumber);
            serik.await(By.id("case:orders"));
            assertThat(serik.driver().findElements(By.id("case:record-decision"))).isEmpty();
        }
    }
}
