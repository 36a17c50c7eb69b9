package kz.qorgau.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An emergency access reviewed in real browsers: nurlan breaks the glass on an Astana case and finds it on his start
 * page with no way to review it himself; gulnara, the other supervisor of Almaty, marks it not justified, is stopped
 * when her comment holds a phone number, and then sees it leave the list for the reviewed ones.
 */
class BreakGlassReviewBrowserIT {

    @Test
    void anotherSupervisorReviewsTheAccessAndItLeavesTheList() throws Exception {
        String app = TestStack.applicationUrl();
        String number;
        try (Browser dana = new Browser()) {
            dana.open(app);
            dana.signIn("dana", "demo");
            number = dana.openCase(app, "Тестова-Экстренно-" + UUID.randomUUID().toString().substring(0, 4));
        }
        String row = "//tbody[@id='bg:to-review_data']/tr[td[normalize-space()='" + number + "']]";
        try (Browser nurlan = new Browser()) {
            nurlan.open(app);
            nurlan.signIn("nurlan", "demo");
            nurlan.open(app + "cases/list.xhtml");
            nurlan.type(By.id("break-glass:number"), number);
            nurlan.type(By.id("break-glass:reason"), "Звонок полиции: угроза жизни, пострадавшая в Алматы");
            nurlan.click(By.id("break-glass:open"));
            nurlan.awaitText(By.id("case-number"), number);

            nurlan.open(app);
            nurlan.awaitText(By.xpath(row), "проверяет другой руководитель");
            assertThat(nurlan.driver().findElements(By.xpath(row + "//button"))).as("no review of his own").isEmpty();
        }
        try (Browser gulnara = new Browser()) {
            gulnara.open(app);
            gulnara.signIn("gulnara", "demo");
            gulnara.click(By.xpath(row + "//button[contains(@class, 'review-access')]"));
            gulnara.await(By.id("bg:review-dialog"));
            gulnara.click(By.cssSelector("label[for='bg:outcome:1']"));
            gulnara.choose("bg:finding", "можно было обратиться в организацию, ведущую дело");
            gulnara.type(By.id("bg:comment"), "Центр ответил по телефону 8 701 555 12 34");
            gulnara.click(By.id("bg:save-review"));
            gulnara.awaitText(By.id("bg:review-messages"), "Не пишите персональные данные");

            gulnara.type(By.id("bg:comment"), "Центр в Астане отвечал круглосуточно");
            gulnara.click(By.id("bg:save-review"));
            gulnara.awaitText(By.id("bg:messages"), "Проверка записана.");
            gulnara.awaitText(By.id("bg:reviewed"), number);
            assertThat(gulnara.await(By.id("bg:reviewed")).getText()).contains("не обоснован").contains("gulnara");
            assertThat(gulnara.driver().findElements(By.xpath(row))).as("left the list to review").isEmpty();
            gulnara.screenshot("break-glass-reviewed");
        }
    }
}
