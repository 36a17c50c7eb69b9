package kz.qorgau.statistics;

import java.util.Arrays;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * A table of counts as it may be shown to an analyst or published: how each cell and each total is disclosed.
 * Made by {@link Suppression#apply}; a page, an export or the API shows {@link #cellText} and its kin, never the
 * counts of {@link #table()} where the state is not {@link Disclosure#SHOWN}.
 *
 * @param rowTotals {@code null} for a breakdown by one dimension, whose rows are their own totals
 */
public record Protected(CountTable table, Disclosure[][] cells, Disclosure[] rowTotals, Disclosure[] columnTotals,
                        Disclosure grandTotal) {

    public Protected {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(columnTotals, "columnTotals");
        Objects.requireNonNull(grandTotal, "grandTotal");
        if (cells.length != table.rows()) {
            throw new IllegalArgumentException("one row of states for each of the " + table.rows() + " rows");
        }
        Disclosure[][] copied = new Disclosure[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] == null || cells[r].length != table.columns()) {
                throw new IllegalArgumentException("one state for each of the " + table.columns() + " columns");
            }
            copied[r] = cells[r].clone();
            for (int c = 0; c < copied[r].length; c++) {
                requireFits(copied[r][c], table.cell(r, c), "cell " + r + "," + c);
            }
        }
        cells = copied;
        if ((rowTotals == null) != table.oneDimensional()) {
            throw new IllegalArgumentException("row totals have states exactly when the table has row totals");
        }
        if (rowTotals != null) {
            if (rowTotals.length != table.rows()) {
                throw new IllegalArgumentException("one state for each of the " + table.rows() + " row totals");
            }
            rowTotals = rowTotals.clone();
            for (int r = 0; r < rowTotals.length; r++) {
                requireFits(rowTotals[r], table.rowTotal(r), "row total " + r);
            }
        }
        if (columnTotals.length != table.columns()) {
            throw new IllegalArgumentException("one state for each of the " + table.columns() + " column totals");
        }
        columnTotals = columnTotals.clone();
        for (int c = 0; c < columnTotals.length; c++) {
            requireFits(columnTotals[c], table.columnTotal(c), "column total " + c);
        }
        requireFits(grandTotal, table.grandTotal(), "grand total");
        if (table.oneDimensional() && columnTotals[0] != grandTotal) {
            throw new IllegalArgumentException("the total of a breakdown is its grand total and shown as one");
        }
    }

    public Disclosure cell(int row, int column) {
        return cells[row][column];
    }

    /** The state of a row's total; in a breakdown by one dimension, of the row's only cell. */
    public Disclosure rowTotal(int row) {
        return rowTotals == null ? cells[row][0] : rowTotals[row];
    }

    public Disclosure columnTotal(int column) {
        return columnTotals[column];
    }

    public String cellText(int row, int column) {
        return cell(row, column).text(table.cell(row, column));
    }

    public String rowTotalText(int row) {
        return rowTotal(row).text(table.rowTotal(row));
    }

    public String columnTotalText(int column) {
        return columnTotal(column).text(table.columnTotal(column));
    }

    public String grandTotalText() {
        return grandTotal.text(table.grandTotal());
    }

    public boolean anySuppressed() {
        return states().anyMatch(Disclosure::suppressed);
    }

    /**
     * Whether a reader could still work out a small count, so that the table must be withheld rather than
     * published. Only a table that nothing protects, such as four rows of 1 with their total 4, is; for it
     * {@link Suppression#apply} has hidden every non-zero count.
     */
    public boolean disclosive() {
        return new ExtendedGrid(this).anySmallRecoverable();
    }

    @Override
    public Disclosure[][] cells() {
        Disclosure[][] copy = new Disclosure[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            copy[r] = cells[r].clone();
        }
        return copy;
    }

    @Override
    public Disclosure[] rowTotals() {
        return rowTotals == null ? null : rowTotals.clone();
    }

    @Override
    public Disclosure[] columnTotals() {
        return columnTotals.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Protected that
                && table.equals(that.table)
                && Arrays.deepEquals(cells, that.cells)
                && Arrays.equals(rowTotals, that.rowTotals)
                && Arrays.equals(columnTotals, that.columnTotals)
                && grandTotal == that.grandTotal;
    }

    @Override
    public int hashCode() {
        return Objects.hash(table, Arrays.deepHashCode(cells), Arrays.hashCode(rowTotals),
                Arrays.hashCode(columnTotals), grandTotal);
    }

    @Override
    public String toString() {
        return "Protected[cells=" + Arrays.deepToString(cells) + ", rowTotals=" + Arrays.toString(rowTotals)
                + ", columnTotals=" + Arrays.toString(columnTotals) + ", grandTotal=" + grandTotal
                + ", table=" + table + "]";
    }

    private Stream<Disclosure> states() {
        return Stream.of(Arrays.stream(cells).flatMap(Arrays::stream),
                        rowTotals == null ? Stream.<Disclosure>empty() : Arrays.stream(rowTotals),
                        Arrays.stream(columnTotals), Stream.of(grandTotal))
                .flatMap(s -> s);
    }

    /** Small is exactly 1 to 4, and only a count of 5 or more is hidden to protect one. */
    private static void requireFits(Disclosure state, long count, String what) {
        Objects.requireNonNull(state, what);
        boolean small = count >= 1 && count <= 4;
        if ((state == Disclosure.SMALL) != small || (state == Disclosure.COMPLEMENTARY && count < 5)) {
            throw new IllegalArgumentException("the " + what + " (" + count + ") cannot be " + state);
        }
    }
}
