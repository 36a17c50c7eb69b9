package kz.qorgau.web.statistics;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import kz.qorgau.statistics.Report;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A report as a file — XLSX (Apache POI's streaming workbook), CSV (Commons CSV) or PDF (OpenPDF) — each with its
 * title, period, area, who produced it and when, the table as the page shows it, and the notes a reader needs:
 * the definition, how victims are counted, the suppression of small cells.
 */
public final class ReportFiles {

    public enum Format {
        XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"), CSV("text/csv; charset=UTF-8"),
        PDF("application/pdf");

        public final String contentType;

        Format(String contentType) {
            this.contentType = contentType;
        }

        public String extension() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** Liberation Sans from OpenPDF's extra fonts: it has the Cyrillic and Kazakh letters the standard fonts lack. */

    private ReportFiles() {
    }

    /** A file name without personal data: figure, area and period codes. */
    public static String fileName(Report report, Format format) {
        return ("qorgau-" + report.request().figure().name() + "-" + report.request().area().key() + "-"
                + report.request().period().code()).toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                + "." + format.extension();
    }

    public static void write(Report report, ReportTexts texts, String producedBy, Format format, OutputStream out) {
        try {
            switch (format) {
                case XLSX -> xlsx(report, texts, producedBy, out);
                case CSV -> csv(report, texts, producedBy, out);
                case PDF -> pdf(report, texts, producedBy, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> heading(Report report, ReportTexts texts, String producedBy) {
        return List.of(texts.figure(report.request().figure()),
                texts.text("statistics.file.period", texts.periods(report)),
                texts.text("statistics.file.area", texts.area(report.request().area())),
                texts.text("statistics.file.produced", producedBy, texts.asOf(report)));
    }

    private static List<String> header(ReportTable table) {
        List<String> header = new ArrayList<>();
        header.add(table.rowHeader());
        header.addAll(table.columns());
        if (table.rowTotals()) {
            header.add(table.total().label());
        }
        return header;
    }

    private static List<ReportTable.Line> body(ReportTable table) {
        List<ReportTable.Line> lines = new ArrayList<>(table.lines());
        lines.add(table.total());
        return lines;
    }

    private static List<String> cells(ReportTable table, ReportTable.Line line) {
        List<String> cells = new ArrayList<>();
        cells.add(line.label());
        cells.addAll(line.cells());
        if (table.rowTotals()) {
            cells.add(line.total());
        }
        return cells;
    }

    private static boolean hasChanges(ReportTable table) {
        return table.total().changes().stream().anyMatch(c -> !c.isEmpty())
                || table.lines().stream().anyMatch(l -> l.changes().stream().anyMatch(c -> !c.isEmpty()));
    }

    private static void csv(Report report, ReportTexts texts, String producedBy, OutputStream out) throws IOException {
        ReportTable table = ReportTable.plain(report, texts);
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF'); // so that spreadsheet programs read UTF-8
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            for (String line : heading(report, texts, producedBy)) {
                csv.printRecord(line);
            }
            csv.println();
            csv.printRecord(header(table));
            for (ReportTable.Line line : body(table)) {
                csv.printRecord(cells(table, line));
            }
            if (hasChanges(table)) {
                csv.println();
                csv.printRecord(texts.text("statistics.change"));
                for (ReportTable.Line line : body(table)) {
                    List<String> changes = new ArrayList<>();
                    changes.add(line.label());
                    changes.addAll(line.changes());
                    csv.printRecord(changes);
                }
            }
            csv.println();
            for (String note : texts.notes(report)) {
                csv.printRecord(note);
            }
        }
    }

    private static void xlsx(Report report, ReportTexts texts, String producedBy, OutputStream out) throws IOException {
        ReportTable table = ReportTable.plain(report, texts);
        try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
            Sheet sheet = book.createSheet(texts.text("statistics.file.sheet"));
            CellStyle bold = book.createCellStyle();
            org.apache.poi.ss.usermodel.Font font = book.createFont();
            font.setBold(true);
            bold.setFont(font);
            int r = 0;
            for (String line : heading(report, texts, producedBy)) {
                Cell cell = sheet.createRow(r++).createCell(0);
                cell.setCellValue(line);
                if (r == 1) {
                    cell.setCellStyle(bold);
                }
            }
            r++;
            Row head = sheet.createRow(r++);
            List<String> header = header(table);
            for (int j = 0; j < header.size(); j++) {
                Cell cell = head.createCell(j);
                cell.setCellValue(header.get(j));
                cell.setCellStyle(bold);
            }
            for (ReportTable.Line line : body(table)) {
                Row row = sheet.createRow(r++);
                row.createCell(0).setCellValue(line.label());
                for (int j = 0; j < line.cells().size(); j++) {
                    Cell cell = row.createCell(1 + j);
                    Optional<BigDecimal> value = line.values().get(j);
                    // numbers stay numbers for the reader's own sums; suppressed cells are their mark
                    if (value.isPresent()) {
                        cell.setCellValue(value.get().doubleValue());
                    } else {
                        cell.setCellValue(line.cells().get(j));
                    }
                }
                if (table.rowTotals()) {
                    row.createCell(1 + line.cells().size()).setCellValue(line.total());
                }
            }
            if (hasChanges(table)) {
                r++;
                sheet.createRow(r++).createCell(0).setCellValue(texts.text("statistics.change"));
                for (ReportTable.Line line : body(table)) {
                    Row row = sheet.createRow(r++);
                    row.createCell(0).setCellValue(line.label());
                    for (int j = 0; j < line.changes().size(); j++) {
                        row.createCell(1 + j).setCellValue(line.changes().get(j));
                    }
                }
            }
            r++;
            for (String note : texts.notes(report)) {
                sheet.createRow(r++).createCell(0).setCellValue(note);
            }
            book.write(out);
            book.dispose();
        }
    }

    private static void pdf(Report report, ReportTexts texts, String producedBy, OutputStream out) throws IOException {
        ReportTable table = ReportTable.of(report, texts);
        List<String> header = header(table);
        Document document = new Document(header.size() > 6 ? PageSize.A4.rotate() : PageSize.A4, 36, 36, 36, 36);
        try {
            BaseFont base = kz.qorgau.web.faces.PdfFonts.regular();
            BaseFont baseBold = kz.qorgau.web.faces.PdfFonts.bold();
            Font regular = new Font(base, 9);
            Font small = new Font(base, 8);
            Font strong = new Font(baseBold, 9);
            Font title = new Font(baseBold, 14);
            PdfWriter.getInstance(document, out);
            document.addTitle(texts.figure(report.request().figure()));
            document.open();
            List<String> heading = heading(report, texts, producedBy);
            document.add(new Paragraph(heading.get(0), title));
            for (String line : heading.subList(1, heading.size())) {
                document.add(new Paragraph(line, regular));
            }
            document.add(new Paragraph(" ", regular));
            PdfPTable grid = new PdfPTable(header.size());
            grid.setWidthPercentage(100);
            grid.setHeaderRows(1);
            for (String h : header) {
                grid.addCell(new PdfPCell(new Phrase(h, strong)));
            }
            for (ReportTable.Line line : body(table)) {
                boolean totalLine = line == table.total();
                List<String> cells = cells(table, line);
                for (int j = 0; j < cells.size(); j++) {
                    PdfPCell cell = new PdfPCell(new Phrase(cells.get(j) == null ? "" : cells.get(j), totalLine ? strong : regular));
                    if (j > 0) {
                        cell.setHorizontalAlignment(Element.ALIGN_RIGHT);
                    }
                    grid.addCell(cell);
                }
            }
            document.add(grid);
            if (hasChanges(table)) {
                document.add(new Paragraph(texts.text("statistics.change") + ": " + texts.text("statistics.total") + " "
                        + String.join(" · ", table.total().changes().stream().filter(c -> !c.isEmpty()).toList()), regular));
            }
            document.add(new Paragraph(" ", regular));
            for (String note : texts.notes(report)) {
                document.add(new Paragraph(note, small));
            }
        } catch (DocumentException e) {
            throw new IOException("PDF could not be written", e);
        } finally {
            document.close();
        }
    }
}
