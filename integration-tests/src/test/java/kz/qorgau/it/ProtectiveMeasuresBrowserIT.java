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
            aigerim.recordAddress(SECRET_ADDRESS);
            aigerim.openDialog(By.id("case:open-court"), "court");
            aigerim.choose("court:court-code", "Демо-районный суд (Алматы)");
            aigerim.click(By.id("court:bring-before-court"));
            aigerim.awaitText(By.id("case-courts"), "Демо-районный суд (Алматы)");
            aigerim.tab("timeline");
            aigerim.awaitText(By.id("tabs:events:timeline"), "записан адрес");
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
            assertThat(serik.driver().findElements(By.id("tabs:plan:safety-plan"))).as("police never see the safety plan").isEmpty();
            assertThat(serik.driver().getPageSource()).as("nor where she lives").doesNotContain(SECRET_ADDRESS);

            serik.tab("measures");
            serik.openDialog(By.id("tabs:measures:issue-order"), "order");
            serik.type(By.id("order:order-number"), orderNumber);
            serik.type(By.id("order:perpetrator-family"), "Примеров");
            serik.type(By.id("order:perpetrator-given"), "Ерлан");
            serik.typeDate("order:perpetrator-birth_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).minusYears(16).minusDays(1));
            serik.click(By.id("order:save-order"));

            serik.awaitText(By.id("tabs:measures:orders"), orderNumber);
            String row = serik.await(By.id("tabs:measures:orders")).getText();
            assertThat(row).contains(LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusDays(29).format(DATE)).contains("действует");

            serik.openDialog(By.cssSelector(".record-violation"), "violation");
            serik.choose("violation:violation-consequence", "предупреждение");
            serik.click(By.id("violation:save-violation"));
            serik.awaitText(By.id("tabs:measures:orders"), "предупреждение");
            serik.screenshot("police-order");
            serik.tab("timeline");
            assertThat(serik.await(By.id("tabs:events:timeline")).getText())
                    .contains("вынесено защитное предписание").contains("нарушение защитного предписания");
        }
    }

    @Test
    void aPerpetratorUnderSixteenGetsNoOrder() throws Exception {
        try (Browser serik = new Browser()) {
            serik.open(app);
            serik.signIn("serik", "demo");
            serik.open(app + "cases/case.xhtml?n=" + caseNumber);
            serik.tab("measures");
            serik.openDialog(By.id("tabs:measures:issue-order"), "order");
            serik.type(By.id("order:order-number"), "ЗП-МЛАДШЕ-16");
            serik.type(By.id("order:perpetrator-family"), "Примеров");
            serik.type(By.id("order:perpetrator-given"), "Данияр");
            serik.typeDate("order:perpetrator-birth_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).minusYears(16).plusDays(1));
            serik.click(By.id("order:save-order"));
            serik.awaitText(By.id("order:messages"), "16");
            assertThat(serik.await(By.id("order-dialog")).isDisplayed()).as("refused: the dialog stays, with what was typed").isTrue();
            assertThat(serik.driver().findElement(By.id("order:order-number")).getAttribute("value")).isEqualTo("ЗП-МЛАДШЕ-16");
            assertThat(serik.driver().findElement(By.id("tabs:measures:orders")).getText()).doesNotContain("ЗП-МЛАДШЕ-16");
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

            aliya.tab("measures");
            aliya.openDialog(By.id("tabs:measures:record-decision"), "decision");
            aliya.type(By.id("decision:decision-number"), decision);
            aliya.typeDate("decision:end-date_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusMonths(6));
            aliya.choose("decision:course-provider", "Демо-центр психического здоровья (Алматы)");
            aliya.type(By.id("decision:sessions-required_input"), "2");
            aliya.click(By.id("decision:save-decision"));
            aliya.awaitText(By.id("tabs:measures:decisions"), decision);
            assertThat(aliya.await(By.cssSelector(".course-progress")).getText()).isEqualTo("0 / 2");

            aliya.openDialog(By.cssSelector(".record-session"), "course");
            aliya.choose("course:attendance", "посещено");
            aliya.click(By.id("course:save-course-step"));
            aliya.awaitText(By.cssSelector(".course-progress"), "1 / 2");
            aliya.openDialog(By.cssSelector(".record-session"), "course");
            aliya.choose("course:attendance", "пропущено");
            aliya.click(By.id("course:save-course-step"));
            aliya.awaitText(By.cssSelector(".course-missed"), "1");
            aliya.openDialog(By.cssSelector(".record-session"), "course");
            aliya.choose("course:attendance", "посещено");
            aliya.click(By.id("course:save-course-step"));
            aliya.awaitText(By.cssSelector(".course-progress"), "2 / 2");
            assertThat(aliya.await(By.cssSelector(".course-outcome")).getText()).isEqualTo("курс завершён");

            aliya.openDialog(By.cssSelector(".report-completion"), "course");
            aliya.click(By.id("course:save-course-step"));
            aliya.awaitAjax();
            aliya.screenshot("court-psychocorrection");
            aliya.tab("timeline");
            aliya.awaitText(By.id("tabs:events:timeline"), "о психокоррекции сообщено суду");
        }
    }

    @Test
    void aCourtCannotIssueAPoliceOrderNorThePoliceRecordACourtDecision() throws Exception {
        try (Browser aliya = new Browser()) {
            aliya.open(app);
            aliya.signIn("aliya", "demo");
            aliya.open(app + "cases/case.xhtml?n=" + caseNumber);
            aliya.tab("measures");
            aliya.await(By.id("tabs:measures:decisions"));
            assertThat(aliya.driver().findElements(By.id("tabs:measures:issue-order"))).isEmpty();
        }
        try (Browser serik = new Browser()) {
            serik.open(app);
            serik.signIn("serik", "demo");
            serik.open(app + "cases/case.xhtml?n=" + caseNumber);
            serik.tab("measures");
            serik.await(By.id("tabs:measures:orders"));
            assertThat(serik.driver().findElements(By.id("tabs:measures:record-decision"))).isEmpty();
        }
    }
}
