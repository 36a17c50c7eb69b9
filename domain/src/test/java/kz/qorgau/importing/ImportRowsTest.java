package kz.qorgau.importing;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.Sex;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.Clocks;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.math.BigDecimal;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/** Reading and checking rows of the import template, without a database: every kind of problem, in its column. */
class ImportRowsTest {

    private static ValidatorFactory factory;
    private static RowCheck check;
    private static final LocalDate TODAY = LocalDate.now(Clocks.KAZAKHSTAN);

    @TempDir
    Path dir;

    @BeforeAll
    static void checker() {
        factory = Validation.buildDefaultValidatorFactory();
        ImportRules rules = new ImportRules() {
            @Override
            public Optional<String> regionRefusal(String code) {
                return switch (code) {
                    case "ALM" -> Optional.empty();
                    case "AST" -> Optional.of("case.region.notOwn");
                    default -> Optional.of("case.region.unknown");
                };
            }

            @Override
            public Optional<String> legalArticleRefusal(String code) {
                return code.equals("KOAP-73") ? Optional.empty() : Optional.of("incident.legalArticle.unknown");
            }

            @Override
            public Optional<String> policeUnitRefusal(String code) {
                return code.equals("ALM-POL") ? Optional.empty() : Optional.of("import.policeUnit.unknown");
            }

            @Override
            public Optional<String> providerRefusal(String code) {
                return switch (code) {
                    case "ALM-NGO" -> Optional.empty();
                    case "ALM-CC" -> Optional.of("referral.selfReferral");
                    default -> Optional.of("referral.provider.unknown");
                };
            }
        };
        check = new RowCheck(factory.getValidator(), rules, TODAY);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    /** A made-up IIN with a valid check digit (the same algorithm as {@code Iin}). */
    static String iin(String yymmdd, int centuryAndSex) {
        int[] first = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        int[] second = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
        for (int serial = 0; serial < 10_000; serial++) {
            String eleven = yymmdd + centuryAndSex + String.format("%04d", serial);
            int c = sum(eleven, first) % 11;
            if (c == 10) {
                c = sum(eleven, second) % 11;
            }
            if (c < 10) {
                return eleven + c;
            }
        }
        throw new AssertionError();
    }

    private static int sum(String digits, int[] weights) {
        int s = 0;
        for (int i = 0; i < 11; i++) {
            s += (digits.charAt(i) - '0') * weights[i];
        }
        return s;
    }

    static List<String> row(String legacyId) {
        List<String> row = new ArrayList<>(ImportTemplate.EXAMPLE);
        row.set(0, legacyId);
        return row;
    }

    static List<String> with(List<String> row, ImportColumn column, String value) {
        List<String> changed = new ArrayList<>(row);
        changed.set(column.ordinal(), value);
        return changed;
    }

    private List<CheckedRow> checkCsv(List<List<String>> rows) throws IOException {
        Path file = dir.resolve("rows.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportTemplate.writeCsv(out, rows);
        }
        List<CheckedRow> checked = new ArrayList<>();
        LegacyRows.read(file, ImportFormat.CSV, raw -> checked.add(check.check(raw)));
        return checked;
    }

    @Test
    void theTemplatesExampleRowIsValidInBothFormats() throws IOException {
        List<CheckedRow> csv = checkCsv(List.of(ImportTemplate.EXAMPLE));
        assertThat(csv).singleElement().satisfies(r -> {
            assertThat(r.problems()).isEmpty();
            assertThat(r.row()).isEqualTo(2);
            assertThat(r.legacyId()).isEqualTo("DEMO-0001");
            assertThat(r.form().getFamilyName()).isEqualTo("Тестова");
            assertThat(r.form().getSex()).isEqualTo(Sex.FEMALE);
            assertThat(r.form().getIncidentType()).isEqualTo(GbvType.PHYSICAL_ASSAULT);
            assertThat(r.openedOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        });
        Path xlsx = dir.resolve("rows.xlsx");
        try (OutputStream out = Files.newOutputStream(xlsx)) {
            ImportTemplate.writeXlsx(out, List.of(ImportTemplate.EXAMPLE));
        }
        List<CheckedRow> rows = new ArrayList<>();
        LegacyRows.read(xlsx, ImportFormat.XLSX, raw -> rows.add(check.check(raw)));
        assertThat(rows).singleElement().satisfies(r -> {
            assertThat(r.problems()).isEmpty();
            assertThat(r.form().getGivenName()).isEqualTo("Айгерим");
            assertThat(r.form().getIncidentDate()).isEqualTo(LocalDate.of(2024, 3, 10));
        });
    }

    @Test
    void eachWrongCellIsToldInItsColumnWithIntakesOwnKey() throws IOException {
        String badCheckDigit = iin("900131", 4);
        badCheckDigit = badCheckDigit.substring(0, 11) + ((badCheckDigit.charAt(11) - '0' + 1) % 10);
        List<CheckedRow> rows = checkCsv(List.of(
                with(row("A-1"), ImportColumn.IIN, badCheckDigit),
                with(row("A-2"), ImportColumn.INCIDENT_DATE, TODAY.plusDays(3).toString()),
                with(row("A-3"), ImportColumn.REGION, "XYZ"),
                with(row("A-4"), ImportColumn.REGION, "AST"),
                with(row("A-5"), ImportColumn.SEX, "unknown"),
                with(row("A-6"), ImportColumn.BIRTH_DATE, "31/01/1990"),
                with(row("A-7"), ImportColumn.FAMILY_NAME, ""),
                with(row("A-8"), ImportColumn.OPENED_ON, "2024-03-01"),
                with(row("A-9"), ImportColumn.LEGAL_ARTICLE, "NO-SUCH"),
                with(row(""), ImportColumn.INCIDENT_TYPE, "BEATING"),
                with(row("A-11"), ImportColumn.IIN, iin("900131", 3))));
        assertThat(rows).extracting(r -> r.problems().get(0)).extracting(RowProblem::row, RowProblem::column, RowProblem::key)
                .containsExactly(
                        tuple(2, ImportColumn.IIN, "person.iin.checkDigit"),
                        tuple(3, ImportColumn.INCIDENT_DATE, "case.incident.date.future"),
                        tuple(4, ImportColumn.REGION, "case.region.unknown"),
                        tuple(5, ImportColumn.REGION, "case.region.notOwn"),
                        tuple(6, ImportColumn.SEX, "import.value.oneOf"),
                        tuple(7, ImportColumn.BIRTH_DATE, "import.value.date"),
                        tuple(8, ImportColumn.FAMILY_NAME, "case.victim.familyName.required"),
                        tuple(9, ImportColumn.OPENED_ON, "import.openedOn.beforeIncident"),
                        tuple(10, ImportColumn.LEGAL_ARTICLE, "incident.legalArticle.unknown"),
                        tuple(11, ImportColumn.LEGACY_ID, "import.legacyId.required"),
                        tuple(12, ImportColumn.IIN, "person.iin.sexMismatch"));
        assertThat(rows.get(4).problems().get(0).arguments()).containsExactly("FEMALE, MALE");
        assertThat(rows.get(9).problems()).extracting(RowProblem::column)
                .containsExactly(ImportColumn.LEGACY_ID, ImportColumn.INCIDENT_TYPE);
        // one wrong cell is told once, not again by each rule that meets the empty value it left
        assertThat(rows.get(6).problems()).hasSize(1);
    }

    @Test
    void theExamplesOrderAndReferralAreReadAsTheyWillBeWritten() throws IOException {
        assertThat(checkCsv(List.of(ImportTemplate.EXAMPLE))).singleElement().satisfies(r -> {
            assertThat(r.order()).isEqualTo(new OrderRecord("DEMO-PO-0001", LocalDate.of(2024, 3, 11), "ALM-POL",
                    "Офицер Демо", new Perpetrator("Образцов", "Тест", null, LocalDate.of(1985, 6, 1)),
                    Set.of(Prohibition.NO_VIOLENCE, Prohibition.NO_VISITING)));
            assertThat(r.referral()).isEqualTo(new ReferralRecord(SpecialSocialService.PSYCHOLOGICAL, "ALM-NGO",
                    LocalDate.of(2024, 3, 15), LocalDate.of(2024, 3, 16), LocalDate.of(2024, 3, 20), new BigDecimal("1.5")));
        });
        List<String> none = row("N-1");
        for (ImportColumn column : ImportColumn.ORDER) {
            none = with(none, column, "");
        }
        for (ImportColumn column : ImportColumn.REFERRAL) {
            none = with(none, column, "");
        }
        assertThat(checkCsv(List.of(none))).singleElement().satisfies(r -> {
            assertThat(r.problems()).isEmpty();
            assertThat(r.order()).isNull();
            assertThat(r.referral()).isNull();
        });
    }

    @Test
    void anOrderOrAReferralIsCheckedUnderTheRulesOfIssuingAndOfDelivering() throws IOException {
        List<CheckedRow> rows = checkCsv(List.of(
                with(row("O-1"), ImportColumn.ORDER_OFFICER, ""),
                with(row("O-2"), ImportColumn.ORDER_ISSUED_ON, TODAY.plusDays(1).toString()),
                with(row("O-3"), ImportColumn.PERPETRATOR_BIRTH_DATE, "2015-01-01"),
                with(row("O-4"), ImportColumn.ORDER_PROHIBITIONS, "NO_VIOLENCE; NO_SMOKING"),
                with(row("O-5"), ImportColumn.ORDER_POLICE_UNIT, "ALM-CC"),
                with(row("R-1"), ImportColumn.REFERRAL_PROVIDER, "ALM-CC"),
                with(row("R-2"), ImportColumn.DISCLOSURE_CONSENT_ON, "2024-03-17"),
                with(row("R-3"), ImportColumn.SERVICE_DELIVERED_ON, "2024-03-15"),
                with(row("R-4"), ImportColumn.SERVICE_HOURS, "25"),
                with(row("R-5"), ImportColumn.SERVICE_HOURS, "полтора"),
                with(with(row("R-6"), ImportColumn.REFERRAL_SENT_ON, "2024-03-14"), ImportColumn.DISCLOSURE_CONSENT_ON,
                        "2024-03-14"),
                with(row("R-7"), ImportColumn.REFERRAL_SERVICE, "MASSAGE"),
                with(row("R-8"), ImportColumn.SERVICE_HOURS, "1,25")));
        assertThat(rows).extracting(r -> r.problems().isEmpty() ? null : r.problems().get(0))
                .extracting(p -> p == null ? null : tuple(p.column(), p.key()))
                .containsExactly(
                        tuple(ImportColumn.ORDER_OFFICER, "import.order.incomplete"),
                        tuple(ImportColumn.ORDER_ISSUED_ON, "order.issueDate.future"),
                        tuple(ImportColumn.PERPETRATOR_BIRTH_DATE, "order.perpetrator.tooYoung"),
                        tuple(ImportColumn.ORDER_PROHIBITIONS, "import.value.oneOf"),
                        tuple(ImportColumn.ORDER_POLICE_UNIT, "import.policeUnit.unknown"),
                        tuple(ImportColumn.REFERRAL_PROVIDER, "referral.selfReferral"),
                        tuple(ImportColumn.DISCLOSURE_CONSENT_ON, "import.consentOn.afterSent"),
                        tuple(ImportColumn.SERVICE_DELIVERED_ON, "referral.delivery.date.beforeAcceptance"),
                        tuple(ImportColumn.SERVICE_HOURS, "referral.delivery.hours.outOfRange"),
                        tuple(ImportColumn.SERVICE_HOURS, "import.value.number"),
                        tuple(ImportColumn.REFERRAL_SENT_ON, "import.referralSentOn.beforeOpened"),
                        tuple(ImportColumn.REFERRAL_SERVICE, "import.value.oneOf"),
                        null);
        assertThat(rows).allSatisfy(r -> assertThat(r.problems()).hasSizeLessThanOrEqualTo(1));
        assertThat(rows.get(3).problems().get(0).arguments()).singleElement().asString().contains("NO_VISITING");
        assertThat(rows.get(3).order()).as("a row with a wrong order writes no order").isNull();
        assertThat(rows.get(12).referral().hours()).isEqualByComparingTo("1.25");
        // an order begun and left half-empty names each missing cell
        List<String> half = row("O-9");
        for (ImportColumn column : List.of(ImportColumn.ORDER_ISSUED_ON, ImportColumn.ORDER_POLICE_UNIT,
                ImportColumn.PERPETRATOR_BIRTH_DATE)) {
            half = with(half, column, "");
        }
        assertThat(checkCsv(List.of(half)).get(0).problems()).extracting(RowProblem::column, RowProblem::key)
                .containsExactly(tuple(ImportColumn.ORDER_ISSUED_ON, "import.order.incomplete"),
                        tuple(ImportColumn.ORDER_POLICE_UNIT, "import.order.incomplete"),
                        tuple(ImportColumn.PERPETRATOR_BIRTH_DATE, "import.order.incomplete"));
    }

    @Test
    void datesMayBeWrittenTheRussianWayAndAnIinAloneGivesTheBirthDate() throws IOException {
        List<String> russian = with(with(row("R-1"), ImportColumn.BIRTH_DATE, ""), ImportColumn.IIN, iin("900131", 4));
        russian = with(russian, ImportColumn.OPENED_ON, "15.03.2024");
        assertThat(checkCsv(List.of(russian))).singleElement().satisfies(r -> {
            assertThat(r.problems()).isEmpty();
            assertThat(r.openedOn()).isEqualTo(LocalDate.of(2024, 3, 15));
        });
    }

    @Test
    void aMissingColumnIsNamedAndALegalArticleColumnMayBeLeftOut() throws IOException {
        Path file = dir.resolve("missing.csv");
        Files.writeString(file, "legacy_id,family_name,given_name,patronymic,birth_date,sex,citizenship,iin,region,kind,"
                + "opened_on,incident_date\nX-1,Тестова,Айгерим,,1990-01-31,FEMALE,KZ,,ALM,DOMESTIC_VIOLENCE,2024-03-15,2024-03-10\n");
        assertThatThrownBy(() -> LegacyRows.read(file, ImportFormat.CSV, raw -> { }))
                .isInstanceOfSatisfying(ImportFileRefused.class, refused -> {
                    assertThat(refused.problem().key()).isEqualTo("import.column.missing");
                    assertThat(refused.problem().arguments()).containsExactly("incident_type");
                });
        Files.writeString(file, "LEGACY_ID;family_name;given_name;patronymic;birth_date;sex;citizenship;iin;region;kind;"
                + "opened_on;incident_date;incident_type\nX-1;Тестова;Айгерим;;1990-01-31;FEMALE;KZ;;ALM;DOMESTIC_VIOLENCE;"
                + "2024-03-15;2024-03-10;RAPE\n");
        List<CheckedRow> rows = new ArrayList<>();
        LegacyRows.read(file, ImportFormat.CSV, raw -> rows.add(check.check(raw)));
        assertThat(rows).singleElement().satisfies(r -> assertThat(r.problems()).isEmpty());
    }

    @Test
    void aFileNotInUtf8IsRefusedNotReadAsQuestionMarks() throws IOException {
        Path file = dir.resolve("cp1251.csv");
        String text = String.join(",", ImportTemplate.header()) + "\n" + String.join(",", ImportTemplate.EXAMPLE) + "\n";
        Files.write(file, text.getBytes(java.nio.charset.Charset.forName("windows-1251")));
        assertThatThrownBy(() -> LegacyRows.read(file, ImportFormat.CSV, raw -> { }))
                .isInstanceOfSatisfying(ImportFileRefused.class,
                        refused -> assertThat(refused.problem().key()).isEqualTo("import.file.encoding"));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws IOException {
        Path file = dir.resolve("large.csv");
        try (RandomAccessFile sparse = new RandomAccessFile(file.toFile(), "rw")) {
            sparse.setLength(LegacyRows.MAX_BYTES + 1);
        }
        assertThatThrownBy(() -> LegacyRows.read(file, ImportFormat.CSV, raw -> { }))
                .isInstanceOfSatisfying(ImportFileRefused.class, refused -> {
                    assertThat(refused.problem().key()).isEqualTo("import.file.tooLarge");
                    assertThat(refused.problem().arguments()).containsExactly(String.valueOf(LegacyRows.MAX_BYTES / (1024 * 1024)));
                });
    }

    @Test
    void formulasAreRefusedInXlsxAndInCsvAndSpreadsheetDatesAndNumbersAreRead() throws IOException {
        Path xlsx = dir.resolve("formula.xlsx");
        String iin = iin("900131", 4);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); OutputStream out = Files.newOutputStream(xlsx)) {
            var sheet = workbook.createSheet();
            var header = sheet.createRow(0);
            for (int i = 0; i < ImportTemplate.header().size(); i++) {
                header.createCell(i).setCellValue(ImportTemplate.header().get(i));
            }
            for (int r = 1; r <= 2; r++) {
                var row = sheet.createRow(r);
                List<String> values = row("X-" + r);
                for (int i = 0; i < values.size(); i++) {
                    if (!values.get(i).isEmpty()) {
                        row.createCell(i).setCellValue(values.get(i));
                    }
                }
                // a real date cell and an IIN typed as a number, as old spreadsheets hold them
                var born = row.createCell(ImportColumn.BIRTH_DATE.ordinal());
                born.setCellValue(LocalDate.of(1990, 1, 31));
                row.createCell(ImportColumn.IIN.ordinal()).setCellValue(Double.parseDouble(iin));
            }
            sheet.getRow(2).createCell(ImportColumn.FAMILY_NAME.ordinal()).setCellFormula("\"Тест\"&\"ова\"");
            workbook.write(out);
        }
        List<CheckedRow> rows = new ArrayList<>();
        LegacyRows.read(xlsx, ImportFormat.XLSX, raw -> rows.add(check.check(raw)));
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).problems()).isEmpty();
        assertThat(rows.get(0).form().getIin()).isEqualTo(iin);
        assertThat(rows.get(0).form().getBirthDate()).isEqualTo(LocalDate.of(1990, 1, 31));
        assertThat(rows.get(1).problems()).extracting(RowProblem::row, RowProblem::column, RowProblem::key)
                .containsExactly(tuple(3, ImportColumn.FAMILY_NAME, "import.cell.formula"));

        List<CheckedRow> csv = checkCsv(List.of(with(row("C-1"), ImportColumn.GIVEN_NAME, "=HYPERLINK(\"x\")")));
        assertThat(csv.get(0).problems()).extracting(RowProblem::column, RowProblem::key)
                .containsExactly(tuple(ImportColumn.GIVEN_NAME, "import.cell.formula"));
    }

    @Test
    void refusedRowsComeBackAsTheTemplateWithAnErrorColumnAndNoLiveFormula() throws IOException {
        var out = new java.io.StringWriter();
        try (RefusedRowsCsv refused = new RefusedRowsCsv(out, p -> p.key() + "@" + p.column().header())) {
            var values = new java.util.EnumMap<ImportColumn, String>(ImportColumn.class);
            values.put(ImportColumn.LEGACY_ID, "=1+1");
            values.put(ImportColumn.FAMILY_NAME, "Тестова");
            refused.refused(new RawRow(7, values, Set.of(ImportColumn.GIVEN_NAME)),
                    List.of(new RowProblem(7, ImportColumn.GIVEN_NAME, "import.cell.formula")));
        }
        String[] lines = out.toString().split("\r\n");
        assertThat(lines[0]).startsWith("\uFEFFlegacy_id,family_name,").endsWith(",source_row,error");
        assertThat(lines[1]).startsWith("'=1+1,Тестова,").endsWith(",7,import.cell.formula@given_name");
    }

    private static final Pattern KEY = Pattern.compile("\"(import\\.[a-zA-Z.]+)\"");

    @Test
    void everyImportMessageAndEveryColumnsHintHasATextInEachLanguage() throws IOException {
        Set<String> keys = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java/kz/qorgau/importing"))) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = KEY.matcher(Files.readString(source, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).endsWith(".")) {
                        keys.add(m.group(1));
                    }
                }
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            keys.add(new RowProblem(0, column, "x").expectedKey());
        }
        assertThat(keys).contains("import.file.encoding", "import.cell.formula", "import.expected.legacy_id");
        for (String language : new String[]{"ru", "kk", "en"}) {
            ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(language));
            assertThat(keys).as(language).allSatisfy(key -> assertThat(bundle.containsKey(key)).as(key).isTrue());
        }
    }
}
