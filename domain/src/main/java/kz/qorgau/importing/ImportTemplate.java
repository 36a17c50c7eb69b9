package kz.qorgau.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The template a worker downloads: the header row and one filled example row, obviously made up (a "Тестова", an old
 * case number starting DEMO, no IIN — a computed one could be a real woman's — an order of the demo police unit to an
 * "Образцов", a referral to the demo NGO). CSV (UTF-8 with a byte-order mark, so
 * Excel reads it) or XLSX, every cell text so that Excel keeps dates and codes as written.
 */
public final class ImportTemplate {

    public static final List<String> EXAMPLE = List.of("DEMO-0001", "Тестова", "Айгерим", "Тестовна", "1990-01-31",
            "FEMALE", "KZ", "", "ALM", "DOMESTIC_VIOLENCE", "2024-03-15", "2024-03-10", "PHYSICAL_ASSAULT", "KOAP-73",
            "DEMO-PO-0001", "2024-03-11", "ALM-POL", "Офицер Демо", "NO_VIOLENCE, NO_VISITING", "Образцов", "Тест",
            "1985-06-01", "PSYCHOLOGICAL", "ALM-NGO", "2024-03-15", "2024-03-16", "2024-03-20", "1.5");

    private ImportTemplate() {
    }

    public static List<String> header() {
        List<String> header = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            header.add(column.header());
        }
        return header;
    }

    public static void writeCsv(OutputStream out, List<List<String>> rows) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT);
        printer.printRecord(header());
        for (List<String> row : rows) {
            printer.printRecord(row);
        }
        printer.flush();
    }

    public static void writeXlsx(OutputStream out, List<List<String>> rows) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(100)) {
            Sheet sheet = workbook.createSheet("cases");
            write(sheet.createRow(0), header());
            int r = 1;
            for (List<String> row : rows) {
                write(sheet.createRow(r++), row);
            }
            workbook.write(out);
        }
    }

    private static void write(Row row, List<String> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!values.get(i).isEmpty()) {
                row.createCell(i).setCellValue(values.get(i));
            }
        }
    }
}
