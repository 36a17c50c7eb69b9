package kz.qorgau.web.lists;

import jakarta.faces.context.FacesContext;
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
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * Any list as a file, written row by row while the database streams it: CSV (UTF-8 with a byte-order mark, so that
 * Excel reads Cyrillic and Kazakh letters) or XLSX (POI's streaming workbook, a hundred rows in memory at most). Each
 * list says only which columns it has ({@link Column}); headers, codes' names, regions and organisations come in the
 * reader's language, days and times as ISO text that sorts. A cell a spreadsheet would run as a formula is text.
 */
public final class ListFiles {

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

    /** One column of a list's file: its header's message key and how a row's cell reads. */
    public record Column<R>(String headerKey, BiFunction<ListFiles, R, String> cell) {
    }

    /** The export itself: it hands every row to the sink it is given. */
    public interface Rows<R> {
        void each(Consumer<R> sink);
    }

    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    private final ResourceBundle texts;
    private final Locale locale;
    private final Options options;
    // a million rows name the same regions, organisations and codes: look each up once
    private final Map<String, String> names = new HashMap<>();

    /** For a page: its bundle and language. */
    public ListFiles(FacesContext faces) {
        this(faces.getApplication().getResourceBundle(faces, "msg"), faces.getViewRoot().getLocale(),
                faces.getApplication().evaluateExpressionGet(faces, "#{options}", Options.class));
    }

    /** For the API, which has no page: the page bundle in the caller's language. */
    public ListFiles(Locale locale, Options options) {
        this(ResourceBundle.getBundle("kz.qorgau.web.messages", locale), locale, options);
    }

    private ListFiles(ResourceBundle texts, Locale locale, Options options) {
        this.texts = texts;
        this.locale = locale;
        this.options = options;
    }

    public <R> void write(Format format, OutputStream out, String sheetKey, List<Column<R>> columns, Rows<R> rows) {
        try {
            if (format == Format.CSV) {
                csv(out, columns, rows);
            } else {
                xlsx(out, sheetKey, columns, rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- what cells are made of ---

    /** A text of the page bundle, such as the name of a code ({@code status.OPEN}); empty for no code. */
    public String name(String prefix, Object code) {
        return code == null ? "" : names.computeIfAbsent(prefix + code, texts::getString);
    }

    public String region(String code) {
        return code == null ? "" : names.computeIfAbsent("region." + code, k -> options.regionName(code, locale));
    }

    public String organisation(String code) {
        return code == null ? "" : names.computeIfAbsent("organisation." + code, k -> options.organisationName(code));
    }

    public static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    public static String moment(Instant moment) {
        return moment == null ? "" : MOMENT.format(moment.atZone(Clocks.KAZAKHSTAN));
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    // --- the two formats ---

    private <R> List<String> header(List<Column<R>> columns) {
        return columns.stream().map(c -> texts.getString(c.headerKey())).toList();
    }

    private <R> List<String> cells(List<Column<R>> columns, R row) {
        return columns.stream().map(c -> c.cell().apply(this, row)).toList();
    }

    private <R> void csv(OutputStream out, List<Column<R>> columns, Rows<R> rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            csv.printRecord(header(columns));
            rows.each(row -> {
                try {
                    csv.printRecord(cells(columns, row).stream().map(ListFiles::inert).toList());
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private <R> void xlsx(OutputStream out, String sheetKey, List<Column<R>> columns, Rows<R> rows) throws IOException {
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(texts.getString(sheetKey));
            int[] next = {0};
            put(sheet.createRow(next[0]++), header(columns));
            rows.each(row -> put(sheet.createRow(next[0]++), cells(columns, row)));
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
