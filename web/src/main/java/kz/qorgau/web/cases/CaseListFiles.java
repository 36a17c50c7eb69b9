package kz.qorgau.web.cases;

import jakarta.faces.context.FacesContext;
import kz.qorgau.casefile.CaseExportRow;
import kz.qorgau.shared.Clocks;
import kz.qorgau.web.faces.Options;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Consumer;

/**
 * A case list as a file, written row by row while the database streams it: CSV (UTF-8 with a byte-order mark, so that
 * Excel reads Cyrillic and Kazakh letters) or XLSX (POI's streaming workbook, a hundred rows in memory at most).
 * Headers, kinds, statuses, risks and regions in the reader's language.
 */
public final class CaseListFiles {

    public enum Format {
        CSV(".csv", "text/csv; charset=UTF-8"),
        XLSX(".xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

        public final String extension;
        public final String contentType;

        Format(String extension, String contentType) {
            this.extension = extension;
            this.contentType = contentType;
        }
    }

    /** The export itself: it hands every row to the sink it is given. */
    public interface Rows {
        void each(Consumer<CaseExportRow> sink);
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResourceBundle texts;
    private final Locale locale;
    private final Options options;

    CaseListFiles(FacesContext faces) {
        this(faces.getApplication().getResourceBundle(faces, "msg"), faces.getViewRoot().getLocale(),
                faces.getApplication().evaluateExpressionGet(faces, "#{options}", Options.class));
    }

    /** For the API, which has no page: the page bundle in the caller's language. */
    public CaseListFiles(Locale locale, Options options) {
        this(ResourceBundle.getBundle("kz.qorgau.web.messages", locale), locale, options);
    }

    private CaseListFiles(ResourceBundle texts, Locale locale, Options options) {
        this.texts = texts;
        this.locale = locale;
        this.options = options;
    }

    public void write(Format format, OutputStream out, Rows rows) {
        try {
            if (format == Format.CSV) {
                csv(out, rows);
            } else {
                xlsx(out, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<String> header() {
        return List.of(texts.getString("case.number"), texts.getString("case.familyName"), texts.getString("case.givenName"),
                texts.getString("case.region"), texts.getString("case.kind"), texts.getString("case.status"),
                texts.getString("case.openedAt"), texts.getString("case.assignedTo"), texts.getString("case.risk"));
    }

    // a million rows name the same twenty regions and a handful of kinds, statuses and risks: look each up once
    private final java.util.Map<String, String> names = new java.util.HashMap<>();

    private String name(String key) {
        return names.computeIfAbsent(key, k -> k.startsWith("region.")
                ? options.regionName(k.substring("region.".length()), locale) : texts.getString(k));
    }

    private List<String> cells(CaseExportRow r) {
        return List.of(r.number(), r.victimFamilyName(), r.victimGivenName(), name("region." + r.regionCode()),
                name("kind." + r.kind()), name("status." + r.status()),
                r.openedAt() == null ? "" : MOMENT.format(r.openedAt().atZone(Clocks.KAZAKHSTAN)),
                r.assignedTo() == null ? "" : r.assignedTo(),
                r.riskLevel() == null ? "" : name("risk." + r.riskLevel()));
    }

    private void csv(OutputStream out, Rows rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord(header());
            rows.each(row -> {
                try {
                    csv.printRecord(cells(row).stream().map(CaseListFiles::inert).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private void xlsx(OutputStream out, Rows rows) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(texts.getString("nav.cases"));
            int[] next = {0};
            put(sheet.createRow(next[0]++), header());
            rows.each(row -> put(sheet.createRow(next[0]++), cells(row)));
            book.write(out);
        }
    }

    private static void put(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            row.createCell(i).setCellValue(values.get(i));
        }
    }

    /** A cell a spreadsheet would run as a formula (=, +, -, @) is written as text. */
    static String inert(String value) {
        return !value.isEmpty() && "=+-@".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
