package kz.qorgau.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Intake as a social worker meets it: look the person up first, then one short step at a time, back and forth without
 * losing what she typed, a possible duplicate shown before anyone new is created, and nothing saved until she opens the
 * case on the last step — where she then finds the risk, consents and safety plan she entered.
 */
class IntakeWizardBrowserIT {

    private static String app;

    @BeforeAll
    static void application() throws Exception {
        app = TestStack.applicationUrl();
    }

    @Test
    void sheGoesThroughEveryStepBackAndForthAndFindsEverythingOnTheCase() throws Exception {
        String familyName = "Тестова-Мастер-" + UUID.randomUUID().toString().substring(0, 6);
        String plan = "Звонить сестре; ключи у соседки, тревожная сумка у двери";
        try (Browser b = new Browser()) {
            b.open(app);
            b.signIn("aigerim", "demo");
            b.click(By.id("nav-new-case"));
            assertThat(b.intakeStep()).isEqualTo("SEARCH");
            assertThat(b.await(By.id("intake-steps")).getText()).contains("Поиск", "Инцидент", "План безопасности", "Проверка и открытие");
            b.screenshot("intake-1-search");

            b.type(By.id("case:search-family"), familyName);
            b.type(By.id("case:search-given"), "Сауле");
            b.typeDate("case:search-birth_input", LocalDate.of(1987, 3, 8));
            b.click(By.id("case:search"));
            b.awaitText(By.cssSelector(".q-duplicates"), "Дел с таким ИИН или с такими именем и датой рождения нет.");
            b.screenshot("intake-1-search-nothing-found");
            b.click(By.id("case:new-person"));

            b.awaitStep("PERSON");
            assertThat(b.await(By.id("case:familyName")).getAttribute("value")).as("what she searched by").isEqualTo(familyName);
            assertThat(b.await(By.id("case:birthDate_input")).getAttribute("value")).isEqualTo("08.03.1987");
            b.type(By.id("case:patronymic"), "Ерлановна");
            b.click(By.cssSelector("label[for='case:sex:0']"));
            b.screenshot("intake-2-person");
            assertThat(b.next()).isEqualTo("INCIDENT");

            b.typeDate("case:incidentDate_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).minusDays(2));
            b.choose("case:incidentType", "физическое насилие");
            b.choose("case:relationship", "супруг(а)");
            b.type(By.id("case:settlement"), "Алматы");
            b.screenshot("intake-3-incident");
            assertThat(b.next()).isEqualTo("RISK");

            b.choose("case:riskLevel", "высокий");
            b.screenshot("intake-4-risk");
            assertThat(b.next()).isEqualTo("CONSENT");

            b.click(By.cssSelector("#case\\:consent-SERVICES .ui-chkbox-box"));
            b.click(By.cssSelector("#case\\:consent-DISCLOSURE .ui-chkbox-box"));
            b.screenshot("intake-5-consent");
            // back two steps and forth again: everything she typed is still there
            assertThat(b.wizard("case:back")).isEqualTo("RISK");
            assertThat(b.await(By.id("case:riskLevel_label")).getText()).isEqualTo("высокий");
            assertThat(b.wizard("case:back")).isEqualTo("INCIDENT");
            assertThat(b.await(By.id("case:settlement")).getAttribute("value")).isEqualTo("Алматы");
            assertThat(b.await(By.id("case:incidentType_label")).getText()).isEqualTo("физическое насилие");
            assertThat(b.next()).isEqualTo("RISK");
            assertThat(b.next()).isEqualTo("CONSENT");
            assertThat(checked(b, "SERVICES")).isTrue();
            assertThat(checked(b, "DISCLOSURE")).isTrue();
            assertThat(checked(b, "STATISTICS")).isFalse();
            assertThat(b.next()).isEqualTo("SAFETY_PLAN");

            b.type(By.id("case:safetyPlan"), plan);
            b.screenshot("intake-6-safety-plan");
            assertThat(b.wizard("case:back")).as("back from a step not yet checked keeps it too").isEqualTo("CONSENT");
            assertThat(b.next()).isEqualTo("SAFETY_PLAN");
            assertThat(b.await(By.id("case:safetyPlan")).getAttribute("value")).isEqualTo(plan);
            assertThat(b.next()).isEqualTo("REVIEW");

            String review = b.await(By.id("review")).getText();
            assertThat(review).contains(familyName, "Сауле", "Ерлановна", "высокий", "получение услуг",
                    "передачу сведений другим организациям", plan, "Алматы");
            assertThat(review).doesNotContain("учёт в статистике");
            b.screenshot("intake-7-review");

            b.click(By.id("case:open-case"));
            String notice = b.await(By.cssSelector(".ui-messages-info")).getText();
            String number = notice.replaceAll("(?s).*([A-Z]{3}-\\d{4}-\\d{6}).*", "$1");
            assertThat(number).matches("ALM-\\d{4}-\\d{6}");
            assertThat(b.await(By.id("case-number")).getText()).isEqualTo(number);
            assertThat(b.await(By.id("victim-name")).getText()).contains(familyName);
            assertThat(b.await(By.id("risk-level")).getText()).isEqualTo("высокий");
            assertThat(b.await(By.id("consent-gaps")).getText()).as("the header says what is missing").contains("учёт в статистике");
            b.screenshot("intake-8-opened-case");
            b.tab("social-work");
            assertThat(b.await(By.id("tabs:risk:risks")).getText()).contains("aigerim");
            String consents = b.await(By.id("tabs:consent:consents")).getText();
            assertThat(consents).contains("получение услуг", "передачу сведений другим организациям").doesNotContain("учёт в статистике");
            assertThat(b.await(By.id("tabs:plan:safety-plan")).getAttribute("value")).isEqualTo(plan);
            b.tab("incidents");
            assertThat(b.await(By.id("tabs:incidents:incidents")).getText()).contains("физическое насилие", "Алматы");
            b.tab("timeline");
            assertThat(b.await(By.id("tabs:events:timeline")).getText()).contains("оценён риск", "записано согласие", "изменён план безопасности");
        }
    }

    @Test
    void aPossibleDuplicateIsShownBeforeANewPersonIsCreated() throws Exception {
        String familyName = "Тестова-Дубль-" + UUID.randomUUID().toString().substring(0, 6);
        String astana;
        try (Browser dana = new Browser()) {
            dana.open(app);
            dana.signIn("dana", "demo");
            astana = dana.openCase(app, familyName);
        }
        try (Browser b = new Browser()) {
            b.open(app);
            b.signIn("aigerim", "demo");
            String own = b.openCase(app, familyName);

            // looked up by name and date of birth: her own case by number, Astana's only as "known elsewhere"
            b.open(app + "cases/new.xhtml");
            b.type(By.id("case:search-family"), familyName.toUpperCase());
            b.type(By.id("case:search-given"), "Айгерим");
            b.typeDate("case:search-birth_input", LocalDate.of(1991, 5, 17));
            b.click(By.id("case:search"));
            b.awaitText(By.cssSelector(".q-duplicates"), "доступные вам: 1");
            List<String> linked = b.driver().findElements(By.cssSelector(".duplicate-case")).stream().map(WebElement::getText).toList();
            assertThat(linked).containsExactly(own);
            String found = b.await(By.cssSelector(".q-duplicates")).getText();
            assertThat(found).contains("Известен другой организации; ваш руководитель может помочь.");
            assertThat(found).doesNotContain(astana).doesNotContain("AST");
            assertThat(b.driver().getPageSource()).doesNotContain(astana);
            b.screenshot("intake-1-search-found");

            // looked up by an IIN nobody has, then the name typed on the person step: shown before she goes on
            b.typeMasked(By.id("case:search-iin"), "910517400007");
            b.type(By.id("case:search-family"), "");
            b.type(By.id("case:search-given"), "");
            b.typeDate("case:search-birth_input", LocalDate.of(1991, 5, 17));
            b.click(By.id("case:search"));
            b.awaitText(By.cssSelector(".q-duplicates"), "нет.");
            b.click(By.id("case:new-person"));
            b.awaitStep("PERSON");
            assertThat(b.await(By.id("case:iin")).getAttribute("value")).isEqualTo("910517400007");
            b.type(By.id("case:familyName"), familyName);
            b.type(By.id("case:givenName"), "Айгерим");
            assertThat(b.next()).as("held on the person step").isEqualTo("PERSON");
            assertThat(b.await(By.id("case:person-known")).getText()).contains("уже известен", own, "Известен другой организации");
            assertThat(b.driver().findElements(By.id("case:next"))).as("she says first that this is someone else").isEmpty();
            b.screenshot("intake-2-person-known");
            assertThat(b.wizard("case:confirm-other-person")).isEqualTo("INCIDENT");
        }
    }

    @Test
    void leavingAtTheThirdStepSavesNothingAndABadStepIsToldWhereItIs() throws Exception {
        try (Browser b = new Browser()) {
            b.open(app);
            b.signIn("aigerim", "demo");
            b.open(app + "cases/list.xhtml");
            String before = total(b);

            b.open(app + "cases/new.xhtml");
            b.type(By.id("case:search-family"), "Тестова-Ушла-" + UUID.randomUUID().toString().substring(0, 6));
            b.type(By.id("case:search-given"), "Айгуль");
            b.typeDate("case:search-birth_input", LocalDate.of(1995, 1, 2));
            b.click(By.id("case:search"));
            b.click(By.id("case:new-person"));
            b.awaitStep("PERSON");
            b.click(By.cssSelector("label[for='case:sex:0']"));
            assertThat(b.next()).isEqualTo("INCIDENT");

            b.typeDate("case:incidentDate_input", LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusDays(3));
            assertThat(b.next()).as("a refused step keeps her there").isEqualTo("INCIDENT");
            String told = b.await(By.id("case:messages")).getText();
            assertThat(told).contains("Дата инцидента не может быть в будущем.", "Выберите тип инцидента.");
            assertThat(b.driver().getPageSource()).doesNotContain("Exception");
            b.screenshot("intake-3-incident-refused");

            b.click(By.id("nav-cases"));
            assertThat(total(b)).as("nothing saved when she leaves at step 3").isEqualTo(before);
        }
    }

    private static boolean checked(Browser b, String scope) {
        return b.await(By.id("case:consent-" + scope)).findElement(By.cssSelector(".ui-chkbox-box")).getAttribute("class")
                .contains("ui-state-active");
    }

    private static String total(Browser browser) {
        return browser.await(By.cssSelector("#cases\\:table .ui-paginator-current")).getText().replaceAll(".*/\\s*", "");
    }
}
