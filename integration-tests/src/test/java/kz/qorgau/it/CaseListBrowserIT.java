package kz.qorgau.it;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The case list's filter bar in a real browser: a social worker narrows her list to open cases, finds exactly those,
 * signs out, signs in again and finds the same filter applied; clearing it brings the whole list back.
 */
class CaseListBrowserIT {

    private static final By STATUS_CELLS = By.cssSelector("#cases\\:table_data tr td:nth-child(5)");
    private static final By NUMBERS = By.cssSelector("#cases\\:table_data .case-number");

    @Test
    void theFilterNarrowsTheListAndIsThereAgainAfterSigningInAgain() throws Exception {
        String app = TestStack.applicationUrl();
        String opened;
        try (Browser dana = new Browser()) {
            dana.open(app);
            dana.signIn("dana", "demo");
            opened = dana.openCase(app, "Тестова-Фильтр-" + UUID.randomUUID().toString().substring(0, 4));
            dana.open(app + "cases/list.xhtml");
            dana.await(By.id("cases:apply"));
            tick(dana, "cases:status", "открыто");
            dana.click(By.id("cases:apply"));
            dana.awaitAjax();
            dana.await(By.id("cases:clear"));
            assertOnlyOpenCases(dana, opened);
            dana.screenshot("case-list-filtered");

            dana.click(By.id("sign-out"));
            dana.await(By.id("kc-login"));
        }
        try (Browser dana = new Browser()) {
            dana.open(app + "cases/list.xhtml");
            dana.signIn("dana", "demo");
            dana.open(app + "cases/list.xhtml");
            dana.await(By.id("cases:status"));
            assertThat(ticked(dana, "cases:status")).as("the filter shows her remembered choice").containsExactly("открыто");
            assertOnlyOpenCases(dana, opened);

            dana.click(By.id("cases:clear"));
            dana.awaitAjax();
            dana.await(By.id("cases:status"));
            assertThat(ticked(dana, "cases:status")).as("nothing ticked any more").isEmpty();
            assertThat(dana.driver().findElements(By.id("cases:clear"))).as("no filter left to clear").isEmpty();
            assertThat(dana.driver().findElements(NUMBERS).stream().map(WebElement::getText)).contains(opened);
        }
    }

    @Test
    void theListAsFilteredDownloadsAsCsvAndXlsxWithoutAnyAddress() throws Exception {
        String app = TestStack.applicationUrl();
        String address = "ул. Вымышленная-Выгрузка, " + UUID.randomUUID().toString().substring(0, 4);
        try (Browser dana = new Browser()) {
            dana.open(app);
            dana.signIn("dana", "demo");
            String opened = dana.openCase(app, "Тестова-Выгрузка-" + UUID.randomUUID().toString().substring(0, 4));
            dana.open(app + "cases/case.xhtml?n=" + opened);
            dana.recordAddress(address);

            dana.open(app + "cases/list.xhtml");
            tick(dana, "cases:status", "открыто");
            dana.click(By.id("cases:apply"));
            dana.awaitAjax();
            long exportsBefore = exports("dana");
            // the database slow to answer (its table locked here): the page shows the export's progress meanwhile
            try (java.sql.Connection db = java.sql.DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau_app", TestStack.dbPassword())) {
                db.setAutoCommit(false);
                try (var lock = db.createStatement()) {
                    lock.execute("lock table case_file in access exclusive mode");
                }
                dana.click(By.id("cases:export-csv"));
                dana.awaitText(By.id("export-status"), "Выгрузка CSV: 0 из");
                assertThat(dana.driver().findElements(By.id("cases:export-progress"))).as("a progress bar").isNotEmpty();
                dana.screenshot("case-list-export-progress");
                db.rollback();
            }
            dana.awaitText(By.id("export-status"), "Файл CSV готов");
            dana.screenshot("case-list-export-ready");
            dana.click(By.id("cases:export-download"));
            java.nio.file.Path csv = dana.awaitDownload("csv");
            assertThat(exports("dana")).as("audited once as an export").isEqualTo(exportsBefore + 1);
            List<String> lines = java.nio.file.Files.readAllLines(csv, java.nio.charset.StandardCharsets.UTF_8);
            assertThat(lines.get(0)).startsWith("\uFEFFНомер").contains("Статус");
            List<String> rows = lines.subList(1, lines.size());
            assertThat(rows).isNotEmpty().anyMatch(r -> r.startsWith(opened + ","))
                    .allMatch(r -> r.contains(",открыто,"), "only what the filter shows");
            assertThat(String.join("\n", lines)).doesNotContain(address).doesNotContain("Вымышленная");

            java.nio.file.Path xlsx = dana.exportList("cases", "XLSX");
            try (java.io.InputStream in = java.nio.file.Files.newInputStream(xlsx);
                 org.apache.poi.xssf.usermodel.XSSFWorkbook book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
                var sheet = book.getSheetAt(0);
                assertThat(sheet.getLastRowNum()).as("the same rows as the CSV").isEqualTo(rows.size());
                assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Номер");
            }
            dana.click(By.id("cases:clear"));
            dana.awaitAjax();
        }
    }

    private static long exports(String user) throws java.sql.SQLException {
        try (java.sql.Connection db = java.sql.DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau_app", TestStack.dbPassword());
             java.sql.PreparedStatement count = db.prepareStatement(
                     "select count(*) from audit_event where username = ? and action = 'EXPORT' and record_type = 'CaseList'")) {
            count.setString(1, user);
            try (java.sql.ResultSet r = count.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    private static void assertOnlyOpenCases(Browser browser, String opened) {
        List<String> statuses = browser.driver().findElements(STATUS_CELLS).stream().map(WebElement::getText).map(String::strip).toList();
        assertThat(statuses).isNotEmpty().allMatch("открыто"::equals);
        assertThat(browser.driver().findElements(NUMBERS).stream().map(WebElement::getText)).contains(opened);
    }

    /** Ticks one choice of a filter's checkbox group by its label, as a person clicks it. */
    private static void tick(Browser browser, String groupId, String label) {
        By box = By.xpath("//div[@id='" + groupId + "']//label[normalize-space()='" + label + "']");
        browser.click(box);
        assertThat(ticked(browser, groupId)).as("ticked in %s", groupId).contains(label);
    }

    /** The labels of the choices ticked in a filter's checkbox group. */
    private static List<String> ticked(Browser browser, String groupId) {
        return browser.driver().findElements(By.cssSelector("#" + groupId.replace(":", "\\:") + " input[type=checkbox]"))
                .stream().filter(WebElement::isSelected)
                .map(box -> browser.driver().findElement(By.cssSelector("label[for='" + box.getAttribute("id") + "']")).getText().strip())
                .toList();
    }
}
