package kz.qorgau.it;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Counselling notes and assignment in a real browser: a social worker writes a note that the police officer who opens
 * the same case never sees; the supervisor assigns the case to a social worker of another organisation, who finds it
 * in her list and reads the notes, but not where the victim lives.
 */
class CaseNotesBrowserIT {

    private static String app;
    private static String caseNumber;
    private static final String NOTE = "Боится возвращаться домой, договорились о звонке " + UUID.randomUUID().toString().substring(0, 6);
    private static final String SECRET_ADDRESS = "мкр. Вымышленный, дом " + UUID.randomUUID().toString().substring(0, 4);

    @BeforeAll
    static void aigerimWritesANote() throws Exception {
        app = TestStack.applicationUrl();
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            caseNumber = aigerim.openCase(app, "Тестова-Заметка-" + UUID.randomUUID().toString().substring(0, 4));
            aigerim.open(app + "cases/case.xhtml?n=" + caseNumber);
            aigerim.recordAddress(SECRET_ADDRESS);

            aigerim.tab("notes");
            aigerim.click(By.id("tabs:notes:write-note"));
            aigerim.awaitText(By.id("case:messages"), "пустая заметка не сохраняется");
            aigerim.type(By.id("tabs:notes:note-text"), NOTE);
            aigerim.click(By.id("tabs:notes:write-note"));
            aigerim.awaitText(By.id("tabs:notes:note-list"), NOTE);
            assertThat(aigerim.await(By.id("tabs:notes:note-text")).getAttribute("value")).as("the form is empty again").isEmpty();
            aigerim.screenshot("notes-social-worker");
            aigerim.tab("timeline");
            aigerim.awaitText(By.id("tabs:events:timeline"), "написана заметка");
            assertThat(aigerim.await(By.id("tabs:events:timeline")).getText()).doesNotContain(NOTE);
        }
    }

    @Test
    void aNoteSentWhenTheConnectionIsLostSaysSoAndKeepsWhatSheTyped() throws Exception {
        String note = "Связь пропала " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            aigerim.open(app + "cases/case.xhtml?n=" + caseNumber);
            aigerim.tab("notes");
            aigerim.type(By.id("tabs:notes:note-text"), note);
            ChromeDriver chrome = (ChromeDriver) aigerim.driver();
            ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
            offline.setOffline(true);
            chrome.setNetworkConditions(offline);
            try {
                aigerim.click(By.id("tabs:notes:write-note"));
                aigerim.awaitText(By.id("connection-lost"), "связь прервалась");
                assertThat(aigerim.await(By.id("tabs:notes:note-text")).getAttribute("value")).as("what she typed").isEqualTo(note);
                aigerim.screenshot("connection-lost");
            } finally {
                chrome.deleteNetworkConditions();
            }
            aigerim.driver().findElement(By.cssSelector("#connection-lost .ui-dialog-titlebar-close")).click();
            aigerim.click(By.id("tabs:notes:write-note"));
            aigerim.awaitText(By.id("tabs:notes:note-list"), note);
        }
    }

    @Test
    void thePoliceOpenTheCaseButNeverSeeItsNotes() throws Exception {
        try (Browser serik = new Browser()) {
            serik.open(app);
            serik.signIn("serik", "demo");
            serik.open(app + "cases/case.xhtml?n=" + caseNumber);
            serik.tab("measures");
            serik.await(By.id("tabs:measures:orders"));
            assertThat(serik.driver().findElements(By.id("tabs:notes"))).as("no notes section").isEmpty();
            assertThat(serik.driver().findElements(By.cssSelector("a[href='#tabs:tab-notes']"))).as("no notes tab").isEmpty();
            assertThat(serik.driver().getPageSource()).doesNotContain(NOTE).doesNotContain("Заметки");
            serik.screenshot("notes-police");
        }
    }

    @Test
    void theSupervisorAssignsTheCaseAcrossOrganisationsAndTheAssigneeReadsTheNotesButNotTheAddress() throws Exception {
        try (Browser zhanar = new Browser()) {
            // she signs in once, so that the supervisor finds her among the region's social workers
            zhanar.open(app);
            zhanar.signIn("zhanar", "demo");
            zhanar.open(app + "cases/case.xhtml?n=" + caseNumber);
            assertThat(zhanar.driver().findElements(By.id("tabs:notes"))).as("not hers yet").isEmpty();
            assertThat(zhanar.driver().getPageSource()).doesNotContain(NOTE);

            try (Browser nurlan = new Browser()) {
                nurlan.open(app);
                nurlan.signIn("nurlan", "demo");
                nurlan.open(app + "cases/case.xhtml?n=" + caseNumber);
                nurlan.tab("notes");
                nurlan.awaitText(By.id("tabs:notes:note-list"), NOTE);
                assertThat(nurlan.driver().findElements(By.id("tabs:notes:write-note"))).as("the supervisor only reads").isEmpty();
                nurlan.openDialog(By.id("case:open-assignment"), "assignment");
                nurlan.click(By.id("assignment:assignee"));
                String label = nurlan.driver().findElements(By.cssSelector("#assignment\\:assignee_items li")).stream()
                        .map(li -> li.getAttribute("data-label"))
                        .filter(l -> l != null && l.contains("(Демо-центр поддержки семьи (Алматы))"))
                        .findFirst().orElseThrow(() -> new AssertionError("zhanar is not among the social workers"));
                nurlan.choose("assignment:assignee", label);
                nurlan.screenshot("assignment-supervisor");
                nurlan.click(By.id("assignment:assign"));
                nurlan.awaitText(By.id("case-assigned-to"), "zhanar");
                nurlan.tab("timeline");
                nurlan.awaitText(By.id("tabs:events:timeline"), "дело назначено");
            }

            zhanar.open(app + "cases/list.xhtml");
            zhanar.awaitText(By.id("cases:table"), caseNumber);
            zhanar.open(app + "cases/case.xhtml?n=" + caseNumber);
            zhanar.tab("notes");
            zhanar.awaitText(By.id("tabs:notes:note-list"), NOTE);
            assertThat(zhanar.driver().findElements(By.id("tabs:secret"))).as("the address stays with ALM-CC").isEmpty();
            assertThat(zhanar.driver().getPageSource()).doesNotContain(SECRET_ADDRESS);
            zhanar.type(By.id("tabs:notes:note-text"), "Позвонила, встреча в четверг");
            zhanar.click(By.id("tabs:notes:write-note"));
            zhanar.awaitText(By.id("tabs:notes:note-list"), "встреча в четверг");
            WebElement first = zhanar.await(By.cssSelector("#tabs\\:notes\\:note-list tbody tr"));
            assertThat(first.getText()).as("newest first, signed").contains("zhanar (Демо-центр поддержки семьи (Алматы))");
            zhanar.screenshot("assignment-assignee");
        }
    }
}
