package kz.qorgau.it;

import jakarta.annotation.Resource;
import jakarta.inject.Inject;
import kz.qorgau.importing.ImportColumn;
import kz.qorgau.importing.ImportFormat;
import kz.qorgau.importing.ImportJob;
import kz.qorgau.importing.ImportOptions;
import kz.qorgau.importing.ImportReport;
import kz.qorgau.importing.ImportTemplate;
import kz.qorgau.importing.LegacyImportService;
import kz.qorgau.importing.RefusedRowsCsv;
import kz.qorgau.importing.RowProblem;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.Role;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bulk import through the service inside Payara Micro, against the migrated database: a valid file in each format, a
 * file with each kind of error (nothing written), the same file twice, the valid rows only, linking a known person.
 * Each test uses its own old case numbers, so runs and tests do not meet.
 */
@ExtendWith(ArquillianExtension.class)
class LegacyImportIT {

    @Deployment
    static WebArchive deployment() throws Exception {
        return CaseServicesIT.deployment().addClass(LegacyImportIT.class);
    }

    static final Caller AIGERIM = new Caller("aigerim", Set.of(Role.SOCIAL_WORKER), Optional.of("ALM-CC"), Optional.of("ALM"));
    static final Caller SERIK = new Caller("serik", Set.of(Role.POLICE), Optional.of("ALM-POL"), Optional.of("ALM"));

    @Inject
    LegacyImportService imports;

    @Resource(lookup = "java:app/jdbc/qorgau")
    DataSource database;

    private final String prefix = "DEMO-" + UUID.randomUUID().toString().substring(0, 8) + "-";
    private final Random random = new Random();

    private List<String> row(String legacyId) {
        List<String> row = new ArrayList<>(ImportTemplate.EXAMPLE);
        row.set(0, prefix + legacyId);
        row.set(ImportColumn.ORDER_NUMBER.ordinal(), prefix + legacyId); // a unit numbers its orders once
        return row;
    }

    private static List<String> with(List<String> row, ImportColumn column, String value) {
        List<String> changed = new ArrayList<>(row);
        changed.set(column.ordinal(), value);
        return changed;
    }

    private Path csv(List<List<String>> rows) throws Exception {
        Path file = Files.createTempFile("import", ".csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportTemplate.writeCsv(out, rows);
        }
        return file;
    }

    /** A made-up IIN of a woman born in 1990, random serial, valid check digit. */
    private String iin() {
        int[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] second = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        while (true) {
            String eleven = "900131" + 4 + String.format("%04d", random.nextInt(10_000));
            int c = sum(eleven, first) % 11;
            if (c == 10) {
                c = sum(eleven, second) % 11;
            }
            if (c < 10) {
                return eleven + c;
            }
        }
    }

    private static int sum(String digits, int[] weights) {
        int s = 0;
        for (int i = 0; i < 11; i++) {
            s += (digits.charAt(i) - '0') * weights[i];
        }
        return s;
    }

    private long count(String sql, Object... parameters) throws Exception {
        try (Connection c = database.getConnection(); PreparedStatement st = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                st.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rs = st.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private long importedCases() throws Exception {
        return count("select count(*) from legacy_case l join case_file c on c.id = l.case_file_id"
                + " where l.legacy_id like ? and c.organisation_code = 'ALM-CC'", prefix + "%");
    }

    @Test
    void aValidCsvImportsEveryRowInTheCallersOrganisationOnTheDayItWasOpened_andASecondTimeNothing() throws Exception {
        Path file = csv(List.of(row("1"), row("2"), with(row("3"), ImportColumn.IIN, iin())));
        ImportReport report = imports.run(AIGERIM, file, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertTrue(report.written());
        assertEquals(3, report.imported());
        assertEquals(3, importedCases());
        assertEquals(3, count("select count(*) from legacy_case l join case_file c on c.id = l.case_file_id"
                + " where l.legacy_id like ? and c.region_code = 'ALM' and c.owner_username = 'aigerim'"
                + " and (c.opened_at at time zone 'Asia/Almaty')::date = date '2024-03-15'", prefix + "%"));
        assertEquals(3, count("select count(*) from legacy_case l join case_event e on e.case_file_id = l.case_file_id"
                + " where l.legacy_id like ? and e.kind = 'CASE_OPENED'", prefix + "%"), "each case has its timeline");
        assertEquals(1, count("select count(*) from legacy_case l join incident i on i.case_file_id = l.case_file_id"
                + " where l.legacy_id = ? and i.legal_article_code = 'KOAP-73'", prefix + "1"));

        ImportReport again = imports.run(AIGERIM, file, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertEquals(3, again.alreadyImported());
        assertEquals(0, again.imported());
        assertEquals(3, importedCases(), "the same file twice creates no duplicates");

        // audited with counts, never the names or the file's content
        assertEquals(1, count("select count(*) from audit_event where record_type = 'LegacyImport' and action = 'CREATE'"
                + " and record_id = ? and detail = 'import CSV rows=3 new=3 bad=0 known=0'", report.importId()));
        assertEquals(0, count("select count(*) from audit_event where record_type = 'LegacyImport'"
                + " and (detail like '%Тестова%' or detail like '%DEMO%')"));
        assertEquals(1, count("select count(*) from legacy_import where id = ? and rows_imported = 3 and rows_refused = 0"
                + " and organisation_code = 'ALM-CC' and imported_by = 'aigerim'", report.importId()));
    }

    @Test
    void aValidXlsxImportsToo() throws Exception {
        Path file = Files.createTempFile("import", ".xlsx");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportTemplate.writeXlsx(out, List.of(row("X1"), with(row("X2"), ImportColumn.KIND, "TRAFFICKING")));
        }
        ImportReport report = imports.run(AIGERIM, file, ImportFormat.XLSX, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertEquals(2, report.imported(), () -> report.problems().toString());
        assertEquals(1, count("select count(*) from legacy_case l join case_file c on c.id = l.case_file_id"
                + " where l.legacy_id = ? and c.kind = 'TRAFFICKING'", prefix + "X2"));
    }

    @Test
    void aFileWithErrorsWritesNothingAndTellsEachRowAndColumn() throws Exception {
        String wrongIin = iin();
        wrongIin = wrongIin.substring(0, 11) + ((wrongIin.charAt(11) - '0' + 1) % 10);
        LocalDate tomorrow = LocalDate.now(Clocks.KAZAKHSTAN).plusDays(1);
        Path file = csv(List.of(row("ok"),
                with(row("iin"), ImportColumn.IIN, wrongIin),
                with(row("future"), ImportColumn.INCIDENT_DATE, tomorrow.toString()),
                with(row("region"), ImportColumn.REGION, "XX"),
                with(row("astana"), ImportColumn.REGION, "AST"),
                row("ok")));
        ImportReport report = imports.run(AIGERIM, file, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertFalse(report.written());
        assertEquals(0, importedCases(), "nothing is written unless the whole file is valid");
        assertEquals(6, report.rows());
        assertEquals(5, report.refused());
        assertEquals(List.of("3 IIN person.iin.checkDigit", "4 INCIDENT_DATE case.incident.date.future",
                "5 REGION case.region.unknown", "6 REGION case.region.notOwn", "7 LEGACY_ID import.legacyId.repeated"),
                report.problems().stream().map(p -> p.row() + " " + p.column() + " " + p.key()).toList());
        assertEquals(List.of("2"), report.problems().get(4).arguments(), "the row that used the key first");
    }

    @Test
    void theValidRowsOnlyAreImportedWhenChosen_andTheOthersComeBackToFix() throws Exception {
        Path file = csv(List.of(row("a"), with(row("b"), ImportColumn.SEX, "X"), row("c")));
        StringWriter refused = new StringWriter();
        ImportReport report;
        try (RefusedRowsCsv sink = new RefusedRowsCsv(refused, RowProblem::key)) {
            report = imports.run(AIGERIM, file, ImportFormat.CSV, new ImportOptions(false, true), sink);
        }
        assertTrue(report.written());
        assertEquals(2, report.imported());
        assertEquals(1, report.refused());
        assertEquals(2, importedCases());
        String[] lines = refused.toString().split("\r\n");
        assertEquals(2, lines.length);
        assertTrue(lines[1].startsWith(prefix + "b,Тестова,"), lines[1]);
        assertTrue(lines[1].endsWith(",3,import.value.oneOf"), lines[1]);
    }

    /**
     * The valid rows only are checked and written in one reading; what refuses a file as a whole is still found before
     * anything is written, even in its last row, and the rows to import shrink to those written.
     */
    @Test
    void theValidRowsOnlyAreWrittenInOneReadingYetAFileRefusedAtItsEndWritesNothing() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < LegacyImportService.BATCH + 10; i++) {
            rows.add(row("one-" + i));
        }
        Path file = csv(rows);
        byte[] content = Files.readAllBytes(file);
        Path brokenAtTheEnd = Files.createTempFile("import", ".csv");
        try (OutputStream out = Files.newOutputStream(brokenAtTheEnd)) {
            out.write(content);
            out.write((String.join(",", row("one-last")) + "\n").getBytes(Charset.forName("windows-1251")));
        }
        ImportReport refused = imports.run(AIGERIM, brokenAtTheEnd, ImportFormat.CSV, new ImportOptions(false, true),
                (r, p) -> { });
        assertTrue(refused.fileRefused());
        assertEquals("import.file.encoding", refused.problems().get(0).key());
        assertEquals(0, importedCases(), "nothing written before the file was refused");

        // the first batch imported before: the second time, of the rows to import only those written remain
        Path firstBatch = csv(rows.subList(0, LegacyImportService.BATCH));
        assertEquals(LegacyImportService.BATCH, imports.run(AIGERIM, firstBatch, ImportFormat.CSV,
                ImportOptions.ALL_OR_NOTHING, (r, p) -> { }).imported());
        List<List<String>> again = new ArrayList<>(rows);
        again.set(3, with(row("one-bad"), ImportColumn.SEX, "?"));
        ImportReport report = imports.run(AIGERIM, csv(again), ImportFormat.CSV, new ImportOptions(false, true),
                (r, p) -> { });
        assertEquals(10, report.imported());
        assertEquals(1, report.refused());
        assertEquals(LegacyImportService.BATCH - 1, report.alreadyImported());
        ImportJob job = imports.job(AIGERIM, report.importId()).orElseThrow();
        assertEquals(ImportJob.Status.DONE, job.status());
        assertEquals(10, job.rowsToImport());
        assertEquals(10, job.rowsImported());
        assertEquals(LegacyImportService.BATCH + 10, importedCases());
    }

    @Test
    void filesThatAreNotTheTemplateAreRefusedSayingWhy() throws Exception {
        Path missing = Files.createTempFile("import", ".csv");
        Files.writeString(missing, "legacy_id,family_name\n" + prefix + "m,Тестова\n");
        ImportReport noColumn = imports.run(AIGERIM, missing, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertTrue(noColumn.fileRefused());
        assertEquals("import.column.missing", noColumn.problems().get(0).key());
        assertEquals(List.of("given_name"), noColumn.problems().get(0).arguments());

        Path cp1251 = Files.createTempFile("import", ".csv");
        Files.write(cp1251, (String.join(",", ImportTemplate.header()) + "\n" + String.join(",", row("w")) + "\n")
                .getBytes(Charset.forName("windows-1251")));
        assertEquals("import.file.encoding", imports.check(AIGERIM, cp1251, ImportFormat.CSV).problems().get(0).key());

        Path formula = Files.createTempFile("import", ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(formula)) {
            var sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            var data = sheet.createRow(1);
            List<String> values = row("f");
            for (int i = 0; i < values.size(); i++) {
                header.createCell(i).setCellValue(ImportTemplate.header().get(i));
                if (!values.get(i).isEmpty()) {
                    data.createCell(i).setCellValue(values.get(i));
                }
            }
            data.createCell(ImportColumn.OPENED_ON.ordinal()).setCellFormula("TODAY()");
            workbook.write(out);
        }
        ImportReport withFormula = imports.run(AIGERIM, formula, ImportFormat.XLSX, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertFalse(withFormula.written());
        assertEquals(ImportColumn.OPENED_ON, withFormula.problems().get(0).column());
        assertEquals("import.cell.formula", withFormula.problems().get(0).key());
        assertEquals(0, importedCases());
    }

    @Test
    void aKnownPersonIsLinkedOnlyWhenTheWorkerConfirms() throws Exception {
        String iin = iin();
        imports.run(AIGERIM, csv(List.of(with(row("p1"), ImportColumn.IIN, iin))), ImportFormat.CSV,
                ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        Path second = csv(List.of(with(row("p2"), ImportColumn.IIN, iin)));
        assertEquals(1, imports.check(AIGERIM, second, ImportFormat.CSV).knownPersons());
        imports.run(AIGERIM, second, ImportFormat.CSV, new ImportOptions(true, false), (r, p) -> { });
        imports.run(AIGERIM, csv(List.of(with(row("p3"), ImportColumn.IIN, iin))), ImportFormat.CSV,
                ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        long first = victim("p1");
        assertEquals(first, victim("p2"), "linked after she confirmed");
        assertNotEquals(first, victim("p3"), "not linked when she did not");
    }

    private long victim(String legacyId) throws Exception {
        return count("select c.victim_id from legacy_case l join case_file c on c.id = l.case_file_id where l.legacy_id = ?",
                prefix + legacyId);
    }

    /**
     * More rows than one batch: the cases are written {@link LegacyImportService#BATCH} at a time, in a few statements
     * each, and every row still gets its case, its number, its key, its timeline and trail, its search keys and its
     * statistics. The rate is printed for information only (the benchmark is the place for speed).
     */
    @Test
    void aFileOfSeveralBatchesImportsEveryRow() throws Exception {
        int n = LegacyImportService.BATCH * 4 + 7;
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            rows.add(with(row("batch-" + i), ImportColumn.IIN, iin())); // mostly different women, a few met twice
        }
        Path file = csv(rows);
        long started = System.nanoTime();
        ImportReport report = imports.run(AIGERIM, file, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("LegacyImportIT: %d rows imported in %.1f s (%.0f rows/s, check and write)%n", n, seconds, n / seconds);
        assertEquals(n, report.imported());
        assertEquals(n, importedCases());
        assertEquals(n, count("select count(distinct l.case_file_id) from legacy_case l join case_event e"
                + " on e.case_file_id = l.case_file_id where l.legacy_id like ? and e.kind = 'CASE_OPENED'", prefix + "batch-%"));
        assertEquals(n, count("select count(*) from legacy_case l join audit_event a on a.case_file_id = l.case_file_id"
                + " where l.legacy_id like ? and a.action = 'CREATE' and a.record_type = 'Case'", prefix + "batch-%"));
        // the summaries the statement triggers keep for a thousand cases at once equal their definitions
        String imported = "(select case_file_id from legacy_case where legacy_id like ?)";
        assertEquals(n, count("select count(*) from case_search where case_file_id in " + imported, prefix + "batch-%"));
        assertEquals(0, count("select count(*) from ((select * from stat_case_source where case_file_id in " + imported
                + " except select * from stat_case) union all (select * from stat_case where case_file_id in " + imported
                + " except select * from stat_case_source)) d", prefix + "batch-%", prefix + "batch-%"));
        assertEquals(0, count("""
                select count(*) from ((select * from stat_first_case_source where victim_key in (select victim_key from stat_case
                    where case_file_id in %1$s) except select * from stat_first_case)
                  union all (select * from stat_first_case where victim_key in (select victim_key from stat_case
                    where case_file_id in %1$s) except select * from stat_first_case_source)) d""".formatted(imported),
                prefix + "batch-%", prefix + "batch-%"));
        assertEquals(n, count("select count(distinct number) from case_file where id in " + imported, prefix + "batch-%"),
                "every case its own number");
        for (String summary : List.of("stat_order", "stat_delivery")) {
            assertEquals(n, count("select count(*) from " + summary + " where case_file_id in " + imported, prefix + "batch-%"),
                    summary + ": each row's order and delivery");
            assertEquals(0, count(("select count(*) from ((select * from %1$s_source where case_file_id in %2$s except"
                    + " select * from %1$s) union all (select * from %1$s where case_file_id in %2$s except"
                    + " select * from %1$s_source)) d").formatted(summary, imported), prefix + "batch-%", prefix + "batch-%"));
        }
    }

    /**
     * What followed the case in the old records: the order is issued by the domain (30 days under the 2024 law, the
     * unit's number once), the referral is written over — sent with her consent, delivered, completed — so the
     * provider's inbox does not fill with old work, and the deliveries count among the victims assisted.
     */
    @Test
    void anOrderAndAReferralWithItsServiceAreImportedWithTheCase() throws Exception {
        List<String> bare = row("bare");
        for (ImportColumn column : ImportColumn.ORDER) {
            bare = with(bare, column, "");
        }
        for (ImportColumn column : ImportColumn.REFERRAL) {
            bare = with(bare, column, "");
        }
        Path file = csv(List.of(row("full"), bare));
        ImportReport report = imports.run(AIGERIM, file, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertEquals(2, report.imported());
        String full = "(select case_file_id from legacy_case where legacy_id = ?)";
        assertEquals(1, count("select count(*) from protective_order where case_file_id in " + full
                + " and issuing_unit_code = 'ALM-POL' and order_number = ? and issue_date = date '2024-03-11'"
                + " and valid_until = date '2024-04-09' and issuing_officer = 'Офицер Демо'"
                + " and perpetrator_family_name = 'Образцов' and perpetrator_birth_date = date '1985-06-01'",
                prefix + "full", prefix + "full"));
        assertEquals(2, count("select count(*) from protective_order_prohibition p join protective_order o"
                + " on o.id = p.protective_order_id where o.case_file_id in " + full
                + " and p.prohibition in ('NO_VIOLENCE', 'NO_VISITING')", prefix + "full"));
        assertEquals(1, count("select count(*) from service_referral r join service_delivery d on d.referral_id = r.id"
                + " where r.case_file_id in " + full + " and r.status = 'COMPLETED' and r.service_type = 'PSYCHOLOGICAL'"
                + " and r.from_organisation_code = 'ALM-CC' and r.to_organisation_code = 'ALM-NGO'"
                + " and (r.sent_at at time zone 'Asia/Almaty')::date = date '2024-03-16'"
                + " and d.delivered_on = date '2024-03-20' and d.hours = 1.5 and d.provider_organisation_code = 'ALM-NGO'",
                prefix + "full"));
        assertEquals(1, count("select count(*) from consent where case_file_id in " + full
                + " and scope = 'DISCLOSURE' and given_on = date '2024-03-15' and withdrawn_on is null", prefix + "full"));
        assertEquals(1, count("select count(*) from stat_delivery where case_file_id in " + full, prefix + "full"),
                "the service counts among the victims assisted");
        assertEquals(4, count("select count(*) from case_event where case_file_id in " + full
                + " and kind in ('PROTECTIVE_ORDER_ISSUED', 'CONSENT_GIVEN', 'REFERRAL_CREATED', 'SERVICE_DELIVERED')",
                prefix + "full"));
        assertEquals(0, count("select (select count(*) from protective_order where case_file_id in " + full + ")"
                + " + (select count(*) from service_referral where case_file_id in " + full + ")", prefix + "bare", prefix + "bare"));

        // the same file again adds no order; another row with the unit's number is refused, and so is a repeat in one file
        imports.run(AIGERIM, file, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertEquals(1, count("select count(*) from protective_order where order_number = ?", prefix + "full"));
        List<String> taken = with(row("again"), ImportColumn.ORDER_NUMBER, prefix + "full");
        List<String> twice = with(row("twice"), ImportColumn.ORDER_NUMBER, prefix + "once");
        ImportReport refused = imports.run(AIGERIM, csv(List.of(taken, row("once"), twice)), ImportFormat.CSV,
                ImportOptions.ALL_OR_NOTHING, (r, p) -> { });
        assertFalse(refused.written());
        assertEquals(List.of("2 ORDER_NUMBER import.orderNumber.taken", "4 ORDER_NUMBER import.orderNumber.taken"),
                refused.problems().stream().map(p -> p.row() + " " + p.column() + " " + p.key()).toList());
    }

    /**
     * An import in the background: its job tells its progress and outcome, keeps the file's name for the organisation's
     * list, and keeps the refused rows; the upload is deleted when it ends; the police see no job.
     */
    @Test
    void anImportInTheBackgroundIsFollowedByItsJobAndFoundAgain() throws Exception {
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < LegacyImportService.BATCH + 500; i++) {
            rows.add(with(row("bg-" + i), ImportColumn.IIN, iin()));
        }
        rows.set(700, with(row("bg-bad"), ImportColumn.SEX, "?"));
        Path file = csv(rows);
        Long id = imports.start(AIGERIM, file, "/home/worker/Старые дела 2019.csv", ImportFormat.CSV,
                new ImportOptions(false, true), RowProblem::key);
        ImportJob job = imports.job(AIGERIM, id).orElseThrow();
        for (int i = 0; i < 600 && job.running(java.time.Instant.now()); i++) {
            Thread.sleep(100);
            job = imports.job(AIGERIM, id).orElseThrow();
        }
        assertEquals(ImportJob.Status.DONE, job.status());
        assertEquals(rows.size() - 1, job.rowsImported());
        assertEquals(rows.size() - 1, job.rowsToImport());
        assertEquals(1, job.rowsRefused());
        assertEquals(100, job.percent());
        assertEquals("Старые дела 2019.csv", job.fileName(), "the name without the folders it was in");
        assertEquals(List.of("702 SEX import.value.oneOf"),
                job.problems().stream().map(p -> p.row() + " " + p.column() + " " + p.key()).toList());
        Long found = id;
        assertTrue(imports.history(AIGERIM, 0, 50).stream().anyMatch(j -> j.id().equals(found)));
        // the refused rows are in the database, for any node to serve: the template's header, then the bad row
        java.io.ByteArrayOutputStream refused = new java.io.ByteArrayOutputStream();
        assertTrue(imports.hasRefusedRows(AIGERIM, id));
        assertTrue(imports.copyRefusedRows(AIGERIM, id, refused));
        String csv = refused.toString(java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(csv.startsWith("\uFEFF" + ImportColumn.values()[0].header()), "the template's header first");
        assertTrue(csv.contains(prefix + "bg-bad"));
        assertEquals(2, csv.lines().count(), "the header and the one refused row");
        Caller otherCentre = new Caller("dana", Set.of(Role.SOCIAL_WORKER), Optional.of("AST-CC"), Optional.of("AST"));
        assertFalse(imports.hasRefusedRows(otherCentre, id), "another organisation's import is not hers to download");
        assertFalse(imports.copyRefusedRows(otherCentre, id, new java.io.ByteArrayOutputStream()));
        assertFalse(Files.exists(file), "the upload is deleted when the job ends");
        assertThrows(AccessDeniedException.class, () -> imports.job(SERIK, found));
    }

    @Test
    void onlyThoseWhoOpenCasesImport() throws Exception {
        Path file = csv(List.of(row("police")));
        assertThrows(AccessDeniedException.class,
                () -> imports.run(SERIK, file, ImportFormat.CSV, ImportOptions.ALL_OR_NOTHING, (r, p) -> { }));
        assertEquals(0, importedCases());
    }
}
