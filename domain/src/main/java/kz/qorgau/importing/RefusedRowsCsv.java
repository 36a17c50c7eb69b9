package kz.qorgau.importing;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The refused rows as a CSV of the template to fix and import again: the template's columns, the row's number in the
 * original file, and an {@code error} column saying each problem in the reader's language ({@code say}). A cell that
 * held a formula is left empty rather than written back.
 */
public final class RefusedRowsCsv implements RefusedRows, AutoCloseable {

    private final CSVPrinter printer;
    private final Function<RowProblem, String> say;

    public RefusedRowsCsv(Writer out, Function<RowProblem, String> say) {
        this.say = say;
        try {
            out.write('\uFEFF'); // so that Excel reads it as UTF-8
            List<String> header = new ArrayList<>();
            for (ImportColumn column : ImportColumn.values()) {
                header.add(column.header());
            }
            header.add("source_row");
            header.add("error");
            this.printer = new CSVPrinter(out, CSVFormat.DEFAULT);
            printer.printRecord(header);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public void refused(RawRow row, List<RowProblem> problems) {
        List<String> record = new ArrayList<>();
        for (ImportColumn column : ImportColumn.values()) {
            String value = row.formulas().contains(column) ? "" : row.values().getOrDefault(column, "");
            // a value starting like a formula is written as text, so that a spreadsheet does not run it
            record.add(value.startsWith("=") || value.startsWith("+") || value.startsWith("@") ? "'" + value : value);
        }
        record.add(String.valueOf(row.number()));
        record.add(problems.stream().map(say).collect(Collectors.joining("; ")));
        try {
            printer.printRecord(record);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    @Override
    public void close() {
        try {
            printer.close(true);
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
