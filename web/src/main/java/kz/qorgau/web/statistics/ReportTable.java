package kz.qorgau.web.statistics;

import kz.qorgau.statistics.Report;

import java.io.Serializable;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * A report laid out for reading: the header, one line per row with its cells as they may be shown, and the totals
 * line. The page, the files and the API render this same layout, so that no view can show what another hides.
 */
public record ReportTable(String rowHeader, List<String> columns, boolean rowTotals, List<Line> lines, Line total)
        implements Serializable {

    /** One line: its label, its cells' texts and values (empty when suppressed), and for years the change. */
    public record Line(String label, List<String> cells, List<Optional<BigDecimal>> values, String total,
                       List<String> changes) implements Serializable {
    }

    /** For reading, on the page and in the PDF: numbers as the reader's language writes them (1 234,5). */
    public static ReportTable of(Report report, ReportTexts texts) {
        return of(report, texts, texts::cell);
    }

    /** For other programs (CSV, XLSX): plain numbers (1234.5) that any program reads, whatever the reader's language. */
    public static ReportTable plain(Report report, ReportTexts texts) {
        return of(report, texts, Report.Cell::display);
    }

    private static ReportTable of(Report report, ReportTexts texts, Function<Report.Cell, String> shown) {
        List<String> columns = new ArrayList<>();
        for (int j = 0; j < report.columns().size(); j++) {
            columns.add(texts.column(report, j));
        }
        boolean rowTotals = report.rowTotals() != null;
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < report.rows().size(); i++) {
            List<String> cells = new ArrayList<>();
            List<Optional<BigDecimal>> values = new ArrayList<>();
            List<String> changes = new ArrayList<>();
            for (int j = 0; j < report.columns().size(); j++) {
                cells.add(shown.apply(report.cells()[i][j]));
                values.add(report.cells()[i][j].shownValue());
                changes.add(report.change(i, j).map(texts::change).orElse(""));
            }
            lines.add(new Line(texts.row(report, i), cells, values, rowTotals ? shown.apply(report.rowTotals()[i]) : null, changes));
        }
        List<String> totals = new ArrayList<>();
        List<Optional<BigDecimal>> totalValues = new ArrayList<>();
        List<String> totalChanges = new ArrayList<>();
        for (int j = 0; j < report.columns().size(); j++) {
            totals.add(shown.apply(report.columnTotals()[j]));
            totalValues.add(report.columnTotals()[j].shownValue());
            totalChanges.add(report.totalChange(j).map(texts::change).orElse(""));
        }
        Line total = new Line(texts.text("statistics.total"), totals, totalValues,
                report.total() == null || !rowTotals ? null : shown.apply(report.total()), totalChanges);
        // a breakdown-free report is its total alone
        if (report.request().rows().isEmpty()) {
            lines = List.of();
        }
        return new ReportTable(texts.rowHeader(report), columns, rowTotals, lines, total);
    }
}
