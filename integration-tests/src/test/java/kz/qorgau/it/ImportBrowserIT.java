package kz.qorgau.it;

import kz.qorgau.importing.ImportColumn;
import kz.qorgau.importing.ImportTemplate;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The import page in a real browser: the template downloads, a file with one wrong row is checked (the row, the
 * column, what is wrong and what would be right, in Russian), "import all" is not offered, the valid rows are imported
 * and the refused one comes back as a CSV with its error; the imported case is then in her list.
 */
class ImportBrowserIT {

    @Test
    void aSocialWorkerChecksAFileSeesItsErrorsAndImportsTheValidRows() throws Exception {
        String app = TestStack.applicationUrl();
        String prefix = "DEMO-B" + UUID.randomUUID().toString().substring(0, 6) + "-";
        String family = "Тестова-Импорт-" + UUID.randomUUID().toString().substring(0, 4);
        List<String> good = new ArrayList<>(ImportTemplate.EXAMPLE);
        good.set(ImportColumn.LEGACY_ID.ordinal(), prefix + "1");
        good.set(ImportColumn.ORDER_NUMBER.ordinal(), prefix + "1");
        good.set(ImportColumn.FAMILY_NAME.ordinal(), family);
        List<String> bad = new ArrayList<>(good);
        bad.set(ImportColumn.LEGACY_ID.ordinal(), prefix + "2");
        bad.set(ImportColumn.ORDER_NUMBER.ordinal(), prefix + "2");
        bad.set(ImportColumn.REGION.ordinal(), "XX");
        Path file = Files.createTempFile("legacy", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportTemplate.writeCsv(out, List.of(good, bad));
        }
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            aigerim.click(By.id("nav-import"));
            aigerim.await(By.id("import:template-csv"));

            aigerim.click(By.id("import:template-csv"));
            Path template = aigerim.awaitDownload("csv");
            assertThat(Files.readString(template, StandardCharsets.UTF_8)).contains("legacy_id,family_name").contains("DEMO-0001,Тестова");
            Files.delete(template);

            Path missing = Files.createTempFile("legacy", ".csv");
            Files.writeString(missing, "legacy_id,family_name,given_name\n" + prefix + "0,Тестова,Айгерим\n");
            aigerim.await(By.cssSelector("input[type=file]")).sendKeys(missing.toString());
            aigerim.click(By.id("import:check"));
            aigerim.awaitText(By.id("messages"), "нет столбца patronymic");
            assertThat(aigerim.driver().findElements(By.id("import:problems"))).isEmpty();

            aigerim.await(By.cssSelector("input[type=file]")).sendKeys(file.toString());
            aigerim.click(By.id("import:check"));
            aigerim.awaitText(By.id("import:problems"), "region");
            String problems = aigerim.await(By.id("import:problems")).getText();
            assertThat(problems).contains("3").contains("region").contains("код региона Qorgau");
            assertThat(aigerim.await(By.id("summary")).getText()).contains("Прочитано строк: 2").contains("С ошибками: 1");
            assertThat(aigerim.driver().findElements(By.id("import:import-all"))).as("not all rows are valid").isEmpty();
            scrollTo(aigerim, "import:problems");
            aigerim.screenshot("import-checked");

            aigerim.click(By.id("import:import-valid"));
            // the import runs in the background; the page opened again finds it, running or just ended
            aigerim.await(By.id("job-status"));
            aigerim.open(app + "cases/import.xhtml");
            aigerim.awaitText(By.id("job-status"), "Импортировано дел: 1");
            assertThat(aigerim.driver().findElements(By.id("import:problems"))).as("the check is history").isEmpty();
            String history = aigerim.await(By.id("import:imports")).getText();
            assertThat(history).as("the organisation's imports, with the file's name and outcome")
                    .contains(file.getFileName().toString()).contains("готово").contains("aigerim");
            aigerim.screenshot("import-done");
            aigerim.click(By.id("import:refused-rows"));
            Path refused = aigerim.awaitDownload("csv");
            String refusedText = Files.readString(refused, StandardCharsets.UTF_8);
            assertThat(refusedText).contains(prefix + "2").contains("error").contains("region:").doesNotContain(prefix + "1");

            // the report of an earlier import, found again from the list
            aigerim.open(app + "cases/import.xhtml");
            aigerim.click(By.id("import:imports:0:show"));
            aigerim.awaitText(By.id("import:job-problems"), "код региона Qorgau");

            aigerim.open(app + "cases/list.xhtml");
            aigerim.awaitText(By.id("cases:table"), family);
        }
    }

    private static void scrollTo(Browser browser, String id) {
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", browser.await(By.id(id)));
    }
}
