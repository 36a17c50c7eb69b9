package kz.qorgau.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A referral from a crisis centre to an NGO, in real browsers: the worker cannot send it before the victim consents
 * to disclosure; the NGO then sees the referral — the service, the case number, a name and an age — but never where
 * the victim lives, and none of the case itself.
 */
class ReferralBrowserIT {

    @Test
    void anNgoSeesItsReferralButNotWhereTheVictimLives() throws Exception {
        String app = TestStack.applicationUrl();
        String address = "ул. Вымышленная, дом " + UUID.randomUUID().toString().substring(0, 4);
        String caseNumber;
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            caseNumber = aigerim.openCase(app, "Тестова-Направление-" + UUID.randomUUID().toString().substring(0, 4));
            aigerim.open(app + "cases/case.xhtml?n=" + caseNumber);
            aigerim.recordAddress(address);

            aigerim.tab("referrals");
            aigerim.choose("tabs:referrals:referral-service", "социально-психологические услуги");
            aigerim.choose("tabs:referrals:referral-provider", "Демо-НПО «Помощь» (Алматы)");
            aigerim.click(By.id("tabs:referrals:propose-referral"));
            aigerim.awaitText(By.id("tabs:referrals:referrals"), "предложено");
            aigerim.click(By.cssSelector(".send-referral"));
            aigerim.awaitText(By.id("case:messages"), "Нет согласия");
            aigerim.awaitText(By.id("consent-gaps"), "передачу сведений");

            aigerim.tab("social-work");
            aigerim.choose("tabs:consent:consent-scope", "передачу сведений другим организациям");
            aigerim.click(By.id("tabs:consent:give-consent"));
            aigerim.awaitText(By.id("tabs:consent:consents"), "передачу сведений");
            aigerim.tab("referrals");
            aigerim.click(By.cssSelector(".send-referral"));
            aigerim.awaitText(By.id("tabs:referrals:referrals"), "отправлено");
            aigerim.screenshot("case-referrals");
        }
        try (Browser madina = new Browser()) {
            madina.open(app);
            madina.signIn("madina", "demo");
            madina.click(By.id("nav-inbox"));
            madina.awaitText(By.id("inbox:referrals"), caseNumber);
            assertThat(madina.driver().getPageSource()).doesNotContain(address).doesNotContain("Вымышленная");
            madina.screenshot("ngo-inbox");
            // the inbox is paged by the database; an answer shows at once in the page read again
            By row = By.xpath("//*[@id='inbox:referrals']//tr[td[contains(., '" + caseNumber + "')]]");
            assertThat(madina.driver().findElement(row).getText()).contains("отправлено");
            madina.click(By.xpath("//*[@id='inbox:referrals']//tr[td[contains(., '" + caseNumber + "')]]//button[contains(@class, 'accept-referral')]"));
            madina.awaitText(row, "принято");

            madina.open(app + "cases/case.xhtml?n=" + caseNumber);
            assertThat(madina.await(By.id("no-access")).getText()).contains("Нет доступа");
            assertThat(madina.driver().getPageSource()).doesNotContain(address);
        }
    }
}
