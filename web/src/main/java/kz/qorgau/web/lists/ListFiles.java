package kz.qorgau.web.lists;

import jakarta.faces.context.FacesContext;
import kz.qorgau.shared.Clocks;
import kz.qorgau.web.faces.Options;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
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

    /** What the writer gathers before the encoder and the stream see it. */
    private static final int BUFFER = 64 * 1024;

    private final ResourceBundle texts;
    private final Locale locale;
    private final Options options;
    // a million rows name the same regions, organisations and codes: look each up once, without making a key
    private final Map<String, Map<Object, String>> names = new HashMap<>();
    private final Map<String, String> regions = new HashMap<>();
    private final Map<String, String> organisations = new HashMap<>();

    /** For a page: its bundle and language. */
    public ListFiles(FacesContext faces) {
        this(faces.getApplication().getResourceBundle(faces, "msg"), faces.getViewRoot().getLocale(),
                faces.getApplication().evaluateExpressionGet(faces, "#{options}", Options.class));
    }

    /** For the API, which has no page: the page bundle in the caller's language. */
    public ListFiles(Locale locale, Options options) {
        this(ResourceBundle.getBundle("kz.qorgau.web.messages", locale), locale, options);
    }

    ListFiles(ResourceBundle texts, Locale locale, Options options) {
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
        return code == null ? "" : names.computeIfAbsent(prefix, p -> new HashMap<>())
                .computeIfAbsent(code, c -> texts.getString(prefix + c));
    }

    public String region(String code) {
        return code == null ? "" : regions.computeIfAbsent(code, c -> options.regionName(c, locale));
    }

    public String organisation(String code) {
        return code == null ? "" : organisations.computeIfAbsent(code, options::organisationName);
    }

    public static String day(LocalDate day) {
        return day == null ? "" : day.toString();
    }

    public static String moment(Instant moment) {
        if (moment == null) {
            return "";
        }
        // written by hand: a formatter's zone rules and parsing of its pattern cost more than the rest of a row
        LocalDateTime t = LocalDateTime.ofEpochSecond(moment.getEpochSecond(), 0,
                Clocks.KAZAKHSTAN.getRules().getOffset(moment));
        char[] c = new char[16];
        digits(c, 0, t.getYear(), 4);
        c[4] = '-';
        digits(c, 5, t.getMonthValue(), 2);
        c[7] = '-';
        digits(c, 8, t.getDayOfMonth(), 2);
        c[10] = ' ';
        digits(c, 11, t.getHour(), 2);
        c[13] = ':';
        digits(c, 14, t.getMinute(), 2);
        return new String(c);
    }

    private static void digits(char[] into, int at, int value, int width) {
        for (int i = at + width - 1; i >= at; i--) {
            into[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    public static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    // --- the two formats ---

    private <R> List<String> header(List<Column<R>> columns) {
        return columns.stream().map(c -> texts.getString(c.headerKey())).toList();
    }

    private <R> List<String> cells(List<Column<R>> columns, R row) {
        List<String> cells = new ArrayList<>(columns.size());
        for (Column<R> column : columns) {
            cells.add(column.cell().apply(this, row));
        }
        return cells;
    }

    /**
     * RFC 4180 by hand, one reused line buffer a row and a 64 KB buffer before the encoder: Commons CSV's printer
     * and a stream per row cost more than the database's cursor.
     */
    private <R> void csv(OutputStream out, List<Column<R>> columns, Rows<R> rows) throws IOException {
        Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), BUFFER);
        StringBuilder line = new StringBuilder(256);
        line.append('\uFEFF');
        csvLine(line, header(columns));
        writer.append(line);
        Column<R>[] cells = columns.toArray(Column[]::new);
        rows.each(row -> {
            line.setLength(0);
            for (int i = 0; i < cells.length; i++) {
                if (i > 0) {
                    line.append(',');
                }
                csvCell(line, cells[i].cell().apply(this, row));
            }
            line.append("\r\n");
            try {
                writer.append(line);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        writer.flush();
    }

    private static void csvLine(StringBuilder line, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (i > 0) {
                line.append(',');
            }
            csvCell(line, values.get(i));
        }
        line.append("\r\n");
    }

    /** A cell, made inert, quoted only when it holds a comma, a quote or a line break (doubling its quotes). */
    static void csvCell(StringBuilder line, String value) {
        if (value.isEmpty()) {
            return;
        }
        boolean formula = "=+-@".indexOf(value.charAt(0)) >= 0;
        boolean quoted = false;
        for (int i = 0; i < value.length() && !quoted; i++) {
            char c = value.charAt(i);
            quoted = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quoted) {
            if (formula) {
                line.append('\'');
            }
            line.append(value);
            return;
        }
        line.append('"');
        if (formula) {
            line.append('\'');
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"') {
                line.append('"');
            }
            line.append(c);
        }
        line.append('"');
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
