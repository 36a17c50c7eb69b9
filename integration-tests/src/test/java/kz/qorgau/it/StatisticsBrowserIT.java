package kz.qorgau.it;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Statistics as its readers use them, in real browsers: the supervisor produces her region's yearly report, sees the
 * chart and takes the report away as XLSX and PDF, opened and read here; the analyst sees national figures with small
 * cells as "<5"; a social worker can choose nothing beyond her own organisation.
 */
class StatisticsBrowserIT {

    /** Last year, so that it is a complete period an analyst may see. */
    static final int YEAR = LocalDate.now().getYear() - 1;

    /**
     * Three victims served in Pavlodar region last year, written as another system would have written them: the
     * running application cannot back-date a delivery, and the summary must follow whatever writes the tables.
     */
    @BeforeAll
    static void threeVictimsInPavlodarLastYear() throws Exception {
        TestStack.applicationUrl(); // migrated
        try (Connection c = DriverManager.getConnection(TestStack.jdbcUrl(), "qorgau_app", TestStack.dbPassword())) {
            for (int i = 1; i <= 3; i++) {
                long person = id(c, "insert into person (family_name, given_name, sex, birth_date, citizenship) values (?, 'Демо', 'FEMALE', ?, 'KZ') returning id",
                        "Статбраузерова-" + i + "-" + System.nanoTime(), LocalDate.of(1980 + i, 1, 1));
                long file = id(c, "insert into case_file (number, region_code, organisation_code, owner_username, victim_id, kind, status, opened_at, last_activity_at)"
                                + " values (?, 'PAV', 'AST-CC', 'dana', ?, 'DOMESTIC_VIOLENCE', 'ACTIVE', ?::timestamptz, ?::timestamptz) returning id",
                        "PAV-" + YEAR + "-9" + i + String.format("%04d", Math.floorMod(System.nanoTime(), 10000)), person,
                        YEAR + "-03-01T10:00:00+05", YEAR + "-03-01T10:00:00+05");
                long referral = id(c, "insert into service_referral (case_file_id, service_type, from_organisation_code, to_organisation_code,"
                                + " created_by, created_at, status, sent_at, sent_by, answered_at, answered_by, started_at, started_by)"
                                + " values (?, 'LEGAL', 'AST-CC', 'ALM-NGO', 'dana', ?::timestamptz, 'IN_PROGRESS', ?::timestamptz, 'dana', ?::timestamptz, 'madina', ?::timestamptz, 'madina') returning id",
                        file, YEAR + "-03-02T10:00:00+05", YEAR + "-03-02T10:00:00+05", YEAR + "-03-03T10:00:00+05", YEAR + "-03-05T10:00:00+05");
                id(c, "insert into service_delivery (referral_id, delivered_on, hours, provider_organisation_code, recorded_by, recorded_at)"
                        + " values (?, ?, 2, 'ALM-NGO', 'madina', now()) returning id", referral, LocalDate.of(YEAR, 3, 5));
                // and a case of this year at Almaty's crisis centre, for its supervisor's report
                long almaty = id(c, "insert into person (family_name, given_name, sex, birth_date) values (?, 'Демо', 'FEMALE', ?) returning id",
                        "Статбраузерова-Алматы-" + i + "-" + System.nanoTime(), LocalDate.of(1990 + i, 2, 2));
                id(c, "insert into case_file (number, region_code, organisation_code, owner_username, victim_id, kind, status, opened_at, last_activity_at)"
                                + " values (?, 'ALM', 'ALM-CC', 'aigerim', ?, 'DOMESTIC_VIOLENCE', 'OPEN', now(), now()) returning id",
                        "ALM-" + (YEAR + 1) + "-9" + i + String.format("%04d", Math.floorMod(System.nanoTime(), 10000)), almaty);
            }
        }
    }

    private static long id(Connection c, String sql, Object... parameters) throws Exception {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void theAnalystSeesNationalFiguresWithSmallCellsSuppressed() throws Exception {
        String app = TestStack.applicationUrl();
        try (Browser asel = new Browser()) {
            asel.open(app);
            asel.signIn("asel", "demo");
            asel.await(By.id("key-figures"));
            asel.click(By.id("nav-statistics"));
            asel.await(By.id("report-title"));
            asel.choose("stats:period-kind", "год");
            asel.choose("stats:year", String.valueOf(YEAR));
            asel.choose("stats:years", "1");
            asel.click(By.id("stats:show"));
            asel.awaitText(By.id("report-title"), YEAR + " год");
            WebElement pavlodar = asel.await(By.xpath("//tr[.//span[@class='row-label' and text()='Павлодарская область']]"));
            assertThat(pavlodar.findElement(By.className("cell")).getText()).isEqualTo("<5");
            assertThat(asel.await(By.id("notes")).getText()).contains("«<5»");
            assertThat(asel.driver().findElements(By.id("stats:publication"))).as("always protected: no choice").isEmpty();
            asel.screenshot("statistics-analyst");
        }
    }

    @Test
    void theSupervisorProducesHerRegionsYearlyReportAndTakesItAway() throws Exception {
        String app = TestStack.applicationUrl();
        try (Browser nurlan = new Browser()) {
            nurlan.open(app);
            nurlan.signIn("nurlan", "demo");
            nurlan.await(By.id("key-figures"));
            nurlan.click(By.id("nav-statistics"));
            nurlan.await(By.id("report-title"));
            nurlan.choose("stats:figure", "Новые дела");
            nurlan.choose("stats:period-kind", "год");
            nurlan.choose("stats:years", "1");
            nurlan.click(By.id("stats:show"));
            nurlan.awaitText(By.id("report-title"), "Новые дела — " + LocalDate.now().getYear() + " год — г. Алматы");
            nurlan.await(By.cssSelector("#stats\\:chart canvas"));
            List<String> rows = new ArrayList<>();
            for (WebElement label : nurlan.driver().findElements(By.cssSelector("#stats\\:table .row-label"))) {
                rows.add(label.getText());
            }
            assertThat(rows).contains("Кризисный центр «Демо» (Алматы)", "Итого").doesNotContain("Кризисный центр «Демо» (Астана)");
            assertThat(nurlan.await(By.id("caseload")).getText()).contains("aigerim");
            nurlan.screenshot("statistics-supervisor");

            nurlan.click(By.id("stats:export-xlsx"));
            Path xlsx = nurlan.awaitDownload("xlsx");
            try (InputStream in = Files.newInputStream(xlsx); XSSFWorkbook book = new XSSFWorkbook(in)) {
                List<String> texts = new ArrayList<>();
                for (Row row : book.getSheetAt(0)) {
                    for (Cell cell : row) {
                        texts.add(cell.toString());
                    }
                }
                assertThat(texts).contains("Новые дела", "Итого", "Кризисный центр «Демо» (Алматы)");
                assertThat(String.join(" ", texts)).contains("Подготовил(а) nurlan").contains("Территория: г. Алматы")
                        .contains("Новые дела: дела, открытые в периоде");
            }
            nurlan.click(By.id("stats:export-pdf"));
            Path pdf = nurlan.awaitDownload("pdf");
            PdfReader reader = new PdfReader(Files.readAllBytes(pdf));
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            reader.close();
            assertThat(text).contains("Новые дела").contains("Итого").contains("nurlan");
        }
    }

    @Test
    void aSocialWorkerSeesOnlyHerOrganisation() throws Exception {
        String app = TestStack.applicationUrl();
        try (Browser aigerim = new Browser()) {
            aigerim.open(app);
            aigerim.signIn("aigerim", "demo");
            assertThat(aigerim.driver().findElements(By.id("key-figures"))).isEmpty();
            aigerim.click(By.id("nav-statistics"));
            aigerim.await(By.id("report-title"));
            aigerim.click(By.id("stats:area"));
            List<String> areas = new ArrayList<>();
            for (WebElement option : aigerim.driver().findElements(By.cssSelector("#stats\\:area_items li"))) {
                areas.add(option.getAttribute("data-label"));
            }
            assertThat(areas).containsExactly("Кризисный центр «Демо» (Алматы)");
            assertThat(aigerim.driver().findElements(By.id("caseload"))).isEmpty();
        }
    }
}
