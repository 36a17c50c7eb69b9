package kz.qorgau.statistics;

import java.util.Arrays;
import java.util.Objects;

/**
 * A table of counts as a statistic produces it, before anything is hidden: cells (rows × columns), the total of
 * each row and of each column, and the grand total.
 *
 * <p>A breakdown by one dimension is a table of one column without row totals ({@code rowTotals == null}): its
 * column total is the grand total. The totals are counted on their own, not added up from the cells: when one
 * victim falls into several rows (a victim assisted with several services, say), the parts add up to more than
 * their whole. They never add up to less: such a table is refused.
 */
public record CountTable(long[][] cells, long[] rowTotals, long[] columnTotals, long grandTotal) {

    public CountTable {
        Objects.requireNonNull(cells, "cells");
        Objects.requireNonNull(columnTotals, "columnTotals");
        if (cells.length == 0 || cells[0] == null || cells[0].length == 0) {
            throw new IllegalArgumentException("a table has at least one row and one column");
        }
        int columns = cells[0].length;
        long[][] copied = new long[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            if (cells[r] == null || cells[r].length != columns) {
                throw new IllegalArgumentException("every row has " + columns + " cells; row " + r + " has not");
            }
            copied[r] = cells[r].clone();
            requireCounts(copied[r], "cells of row " + r);
        }
        cells = copied;
        if (rowTotals == null && columns != 1) {
            throw new IllegalArgumentException("only a breakdown by one dimension (one column) leaves out row totals");
        }
        if (rowTotals != null) {
            if (rowTotals.length != cells.length) {
                throw new IllegalArgumentException("one row total for each of the " + cells.length + " rows");
            }
            rowTotals = rowTotals.clone();
            requireCounts(rowTotals, "row totals");
        }
        if (columnTotals.length != columns) {
            throw new IllegalArgumentException("one column total for each of the " + columns + " columns");
        }
        columnTotals = columnTotals.clone();
        requireCounts(columnTotals, "column totals");
        if (grandTotal < 0) {
            throw new IllegalArgumentException("the grand total is a count, not " + grandTotal);
        }
        if (rowTotals == null && columnTotals[0] != grandTotal) {
            throw new IllegalArgumentException("the total of a breakdown is its grand total: "
                    + columnTotals[0] + " is not " + grandTotal);
        }
        requirePartsAtLeastWhole(cells, rowTotals, columnTotals, grandTotal);
    }

    /** A breakdown by one dimension with its total counted on its own (distinct victims). */
    public static CountTable breakdown(long[] counts, long total) {
        long[][] cells = new long[counts.length][];
        for (int r = 0; r < counts.length; r++) {
            cells[r] = new long[] {counts[r]};
        }
        return new CountTable(cells, null, new long[] {total}, total);
    }

    /** A breakdown whose rows partition what is counted, so the total is their sum. */
    public static CountTable breakdownOf(long... counts) {
        return breakdown(counts, sum(counts));
    }

    /** A two-dimensional table whose rows and columns partition what is counted, so every total is a sum. */
    public static CountTable withExactTotals(long[][] cells) {
        long[] rowTotals = new long[cells.length];
        long[] columnTotals = new long[cells.length == 0 ? 0 : cells[0].length];
        for (int r = 0; r < cells.length; r++) {
            rowTotals[r] = sum(cells[r]);
            for (int c = 0; c < cells[r].length && c < columnTotals.length; c++) {
                columnTotals[c] = Math.addExact(columnTotals[c], cells[r][c]);
            }
        }
        return new CountTable(cells, rowTotals, columnTotals, sum(rowTotals));
    }

    public boolean oneDimensional() {
        return rowTotals == null;
    }

    public int rows() {
        return cells.length;
    }

    public int columns() {
        return cells[0].length;
    }

    public long cell(int row, int column) {
        return cells[row][column];
    }

    /** The total of a row; in a breakdown by one dimension, the row's only cell. */
    public long rowTotal(int row) {
        return rowTotals == null ? cells[row][0] : rowTotals[row];
    }

    public long columnTotal(int column) {
        return columnTotals[column];
    }

    @Override
    public long[][] cells() {
        long[][] copy = new long[cells.length][];
        for (int r = 0; r < cells.length; r++) {
            copy[r] = cells[r].clone();
        }
        return copy;
    }

    @Override
    public long[] rowTotals() {
        return rowTotals == null ? null : rowTotals.clone();
    }

    @Override
    public long[] columnTotals() {
        return columnTotals.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CountTable that
                && Arrays.deepEquals(cells, that.cells)
                && Arrays.equals(rowTotals, that.rowTotals)
                && Arrays.equals(columnTotals, that.columnTotals)
                && grandTotal == that.grandTotal;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.deepHashCode(cells), Arrays.hashCode(rowTotals), Arrays.hashCode(columnTotals),
                grandTotal);
    }

    @Override
    public String toString() {
        return "CountTable[cells=" + Arrays.deepToString(cells) + ", rowTotals=" + Arrays.toString(rowTotals)
                + ", columnTotals=" + Arrays.toString(columnTotals) + ", grandTotal=" + grandTotal + "]";
    }

    private static void requireCounts(long[] counts, String what) {
        for (long count : counts) {
            if (count < 0) {
                throw new IllegalArgumentException("the " + what + " are counts, not " + count);
            }
        }
    }

    private static void requirePartsAtLeastWhole(long[][] cells, long[] rowTotals, long[] columnTotals,
                                                 long grandTotal) {
        for (int c = 0; c < columnTotals.length; c++) {
            long parts = 0;
            for (long[] row : cells) {
                parts = Math.addExact(parts, row[c]);
            }
            requireAtLeast(parts, columnTotals[c], "column " + c);
        }
        if (rowTotals != null) {
            for (int r = 0; r < cells.length; r++) {
                requireAtLeast(sum(cells[r]), rowTotals[r], "row " + r);
            }
            requireAtLeast(sum(rowTotals), grandTotal, "the row totals");
            requireAtLeast(sum(columnTotals), grandTotal, "the column totals");
        }
    }

    private static void requireAtLeast(long parts, long whole, String what) {
        if (parts < whole) {
            throw new IllegalArgumentException("the parts of " + what + " add up to " + parts
                    + ", less than their total " + whole);
        }
    }

    private static long sum(long[] counts) {
        long sum = 0;
        for (long count : counts) {
            sum = Math.addExact(sum, count);
        }
        return sum;
    }
}
