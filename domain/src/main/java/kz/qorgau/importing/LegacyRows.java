package kz.qorgau.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Reads a file of the template row by row, handing each data row on as it is read: a CSV through Commons CSV, an XLSX
 * through POI's event API over the sheet's XML (never the whole workbook in memory). The first row names the columns.
 * Refuses, as {@link ImportFileRefused}, a file over {@link #MAX_BYTES}, a CSV that is not UTF-8, a header without a
 * required column, more than {@link #MAX_ROWS} rows, or an XLSX that cannot be opened.
 */
public final class LegacyRows {

    /** 40 MB holds about 120,000 template rows of CSV with an order and a referral each, more without; more is split
     * into several files. */
    public static final long MAX_BYTES = 40L * 1024 * 1024;

    public static final int MAX_ROWS = 200_000;

    private LegacyRows() {
    }

    /** Reads every data row of the file into {@code sink}; returns how many rows were read. */
    public static int read(Path file, ImportFormat format, Consumer<RawRow> sink) {
        try {
            if (Files.size(file) > MAX_BYTES) {
                throw refused("import.file.tooLarge", String.valueOf(MAX_BYTES / (1024 * 1024)));
            }
            return format == ImportFormat.CSV ? readCsv(file, sink) : readXlsx(file, sink);
        } catch (IOException unreadable) {
            throw refused("import.file.unreadable");
        }
    }

    private static ImportFileRefused refused(String key, String... arguments) {
        return new ImportFileRefused(new RowProblem(0, null, key, List.of(arguments)));
    }

    // --- CSV ---

    private static int readCsv(Path file, Consumer<RawRow> sink) throws IOException {
        // a byte that is not UTF-8 stops the reading with a refusal, rather than turning into "?" in a name
        var decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (InputStream in = Files.newInputStream(file);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, decoder))) {
            reader.mark(1);
            if (reader.read() != '\uFEFF') { // Excel writes a byte-order mark before UTF-8
                reader.reset();
            }
            CSVFormat csv = CSVFormat.DEFAULT.builder().setDelimiter(delimiter(reader)).setIgnoreEmptyLines(true)
                    .setTrim(true).get();
            try (CSVParser parser = CSVParser.parse(reader, csv)) {
                Iterator<CSVRecord> records = parser.iterator();
                if (!records.hasNext()) {
                    throw refused("import.file.empty");
                }
                CSVRecord first = records.next();
                List<String> header = new ArrayList<>();
                first.forEach(header::add);
                Map<Integer, ImportColumn> columns = columns(header);
                int rows = 0;
                while (records.hasNext()) {
                    CSVRecord record = records.next();
                    Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
                    for (var column : columns.entrySet()) {
                        if (column.getKey() < record.size() && !record.get(column.getKey()).isBlank()) {
                            values.put(column.getValue(), record.get(column.getKey()));
                        }
                    }
                    if (values.isEmpty()) {
                        continue;
                    }
                    rows = counted(rows);
                    // a CSV cell is text: one that starts like a formula would become one when opened in a spreadsheet
                    Set<ImportColumn> formulas = EnumSet.noneOf(ImportColumn.class);
                    values.forEach((column, value) -> {
                        if (value.startsWith("=")) {
                            formulas.add(column);
                        }
                    });
                    sink.accept(new RawRow((int) record.getRecordNumber(), values, formulas));
                }
                return rows;
            }
        } catch (CharacterCodingException notUtf8) {
            throw refused("import.file.encoding");
        } catch (UncheckedIOException failed) {
            if (failed.getCause() instanceof CharacterCodingException) {
                throw refused("import.file.encoding");
            }
            throw refused("import.file.unreadable");
        }
    }

    /** Semicolons when the header has more of them than commas: what Excel writes for a Russian locale. */
    private static char delimiter(BufferedReader reader) throws IOException {
        reader.mark(64 * 1024);
        String line = reader.readLine();
        reader.reset();
        if (line == null) {
            return ',';
        }
        long semicolons = line.chars().filter(c -> c == ';').count();
        long commas = line.chars().filter(c -> c == ',').count();
        return semicolons > commas ? ';' : ',';
    }

    private static int counted(int rows) {
        if (rows >= MAX_ROWS) {
            throw refused("import.file.tooManyRows", String.valueOf(MAX_ROWS));
        }
        return rows + 1;
    }

    /** Which column each position holds; refuses a header that lacks a required column or names one twice. */
    static Map<Integer, ImportColumn> columns(List<String> header) {
        Map<Integer, ImportColumn> columns = new HashMap<>();
        Set<ImportColumn> seen = EnumSet.noneOf(ImportColumn.class);
        for (int i = 0; i < header.size(); i++) {
            String text = header.get(i) == null ? "" : header.get(i).replace("\uFEFF", "");
            var column = ImportColumn.ofHeader(text);
            if (column.isPresent()) {
                if (!seen.add(column.get())) {
                    throw new ImportFileRefused(new RowProblem(1, column.get(), "import.column.twice",
                            List.of(column.get().header())));
                }
                columns.put(i, column.get());
            }
        }
        for (ImportColumn column : ImportColumn.values()) {
            if (column.required() && !seen.contains(column)) {
                throw new ImportFileRefused(new RowProblem(1, column, "import.column.missing", List.of(column.header())));
            }
        }
        return columns;
    }

    // --- XLSX ---

    private static int readXlsx(Path file, Consumer<RawRow> sink) throws IOException {
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw refused("import.file.empty");
            }
            SheetHandler handler = new SheetHandler(strings, sink);
            try (InputStream sheet = sheets.next()) {
                XMLReader xml = XMLHelper.newXMLReader();
                xml.setContentHandler(handler);
                xml.parse(new InputSource(sheet));
            }
            if (handler.columns == null) {
                throw refused("import.file.empty");
            }
            return handler.rows;
        } catch (ImportFileRefused refusal) {
            throw refusal;
        } catch (org.apache.poi.openxml4j.exceptions.OpenXML4JException | org.xml.sax.SAXException
                 | javax.xml.parsers.ParserConfigurationException | org.apache.poi.ooxml.POIXMLException
                 | org.apache.poi.openxml4j.exceptions.InvalidOperationException broken) {
            throw refused("import.file.unreadable");
        }
    }

    /** The SAX handler of one sheet: cells by column letters, shared strings looked up, formulas noted. */
    private static final class SheetHandler extends DefaultHandler {
        private final ReadOnlySharedStringsTable strings;
        private final Consumer<RawRow> sink;
        Map<Integer, ImportColumn> columns;
        int rows;
        private int rowNumber;
        private Map<Integer, String> cells;
        private Set<Integer> formulaCells;
        private int column;
        private String type;
        private boolean formula;
        private final StringBuilder text = new StringBuilder();
        private boolean collecting;

        SheetHandler(ReadOnlySharedStringsTable strings, Consumer<RawRow> sink) {
            this.strings = strings;
            this.sink = sink;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes attributes) {
            switch (localName) {
                case "row" -> {
                    String r = attributes.getValue("r");
                    rowNumber = r == null ? rowNumber + 1 : Integer.parseInt(r);
                    cells = new HashMap<>();
                    formulaCells = new java.util.HashSet<>();
                }
                case "c" -> {
                    String ref = attributes.getValue("r");
                    column = ref == null ? column + 1 : columnIndex(ref);
                    type = attributes.getValue("t");
                    formula = false;
                    text.setLength(0);
                }
                case "f" -> formula = true;
                case "v", "t" -> {
                    collecting = true;
                    if ("v".equals(localName)) {
                        text.setLength(0);
                    }
                }
                default -> { }
            }
        }

        @Override
        public void characters(char[] ch, int start, int length) {
            if (collecting) {
                text.append(ch, start, length);
            }
        }

        @Override
        public void endElement(String uri, String localName, String qName) {
            switch (localName) {
                case "v", "t" -> collecting = false;
                case "c" -> {
                    if (formula) {
                        formulaCells.add(column);
                    }
                    String value = value();
                    if (value != null && !value.isBlank()) {
                        cells.put(column, value.strip());
                    }
                }
                case "row" -> row();
                default -> { }
            }
        }

        private String value() {
            String raw = text.toString();
            if (raw.isEmpty()) {
                return null;
            }
            if ("s".equals(type)) {
                return strings.getItemAt(Integer.parseInt(raw.strip())).getString();
            }
            if (type == null || "n".equals(type)) {
                ImportColumn target = columns == null ? null : columns.get(column);
                try {
                    if (target != null && target.isDate()) {
                        // a spreadsheet's date is a day number; written back as the template's ISO date
                        return DateUtil.getLocalDateTime(Double.parseDouble(raw)).toLocalDate().toString();
                    }
                    // an IIN typed into a number cell comes as 9.5e11 or 950101400123.0: its digits are what count
                    return new BigDecimal(raw).stripTrailingZeros().toPlainString();
                } catch (NumberFormatException notANumber) {
                    return raw;
                }
            }
            return raw;
        }

        private void row() {
            if (columns == null) {
                if (cells.isEmpty()) {
                    return;
                }
                int width = cells.keySet().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
                List<String> header = new ArrayList<>();
                for (int i = 0; i < width; i++) {
                    header.add(cells.getOrDefault(i, ""));
                }
                columns = columns(header);
                return;
            }
            Map<ImportColumn, String> values = new EnumMap<>(ImportColumn.class);
            Set<ImportColumn> formulas = EnumSet.noneOf(ImportColumn.class);
            columns.forEach((index, c) -> {
                if (cells.containsKey(index)) {
                    values.put(c, cells.get(index));
                }
                if (formulaCells.contains(index)) {
                    formulas.add(c);
                }
            });
            if (values.isEmpty() && formulas.isEmpty()) {
                return;
            }
            rows = counted(rows);
            sink.accept(new RawRow(rowNumber, values, formulas));
        }

        /** "AB12" → 27: the column letters of a cell reference, from 0. */
        private static int columnIndex(String ref) {
            int index = 0;
            for (int i = 0; i < ref.length() && Character.isLetter(ref.charAt(i)); i++) {
                index = index * 26 + (Character.toUpperCase(ref.charAt(i)) - 'A' + 1);
            }
            return index - 1;
        }
    }
}
