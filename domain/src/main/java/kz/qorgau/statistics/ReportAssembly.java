package kz.qorgau.statistics;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Turns the grouped rows of a {@link ReportQuery} into a {@link Report}: every row and column a dimension declares
 * (so that an empty cell shows 0, and the row set does not depend on the data), then small-cell protection. A
 * protected table is built from the protection's verdict alone: suppressed values never leave this class.
 */
final class ReportAssembly {

    private static final int SMALL_BASE = 5;

    /** An entry of a table withheld whole. */
    private static final Report.Cell WITHHELD = Report.Cell.suppressed(Disclosure.COMPLEMENTARY);

    private ReportAssembly() {
    }

    /**
     * @param grouped     rows of bucket, dimension values (null where a grouping set left the dimension out), value, base
     * @param regionCodes every region, when a report is national; empty otherwise (then only regions found are rows)
     * @param currentTo   the moment the rows read are current to: {@code asOf}, unless read from a standby behind
     */
    static Report assemble(ReportRequest request, List<Object[]> grouped, List<String> regionCodes, boolean protect,
                           Instant asOf, Instant currentTo) {
        List<Dimension> rowDims = request.rows();
        Dimension colDim = request.column().orElse(null);
        int nRows = rowDims.size();
        boolean years = request.years() > 1;

        Map<Key, Object[]> byKey = new HashMap<>();
        List<TreeSet<String>> found = new ArrayList<>();
        for (int i = 0; i <= nRows; i++) {
            found.add(new TreeSet<>());
        }
        for (Object[] g : grouped) {
            int bucket = (Integer) g[0];
            List<String> rowKey = new ArrayList<>();
            for (int i = 0; i < nRows; i++) {
                rowKey.add((String) g[1 + i]);
                if (g[1 + i] != null) {
                    found.get(i).add((String) g[1 + i]);
                }
            }
            String col = colDim == null ? null : (String) g[1 + nRows];
            if (col != null) {
                found.get(nRows).add(col);
            }
            byKey.put(new Key(bucket, rowKey.stream().allMatch(Objects::isNull) ? List.of() : rowKey, col), g);
        }

        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of());
        for (int i = 0; i < nRows; i++) {
            List<String> values = values(rowDims.get(i), found.get(i), regionCodes);
            List<List<String>> next = new ArrayList<>();
            for (List<String> prefix : rows) {
                for (String v : values) {
                    List<String> k = new ArrayList<>(prefix);
                    k.add(v);
                    next.add(List.copyOf(k));
                }
            }
            rows = next;
        }
        if (nRows == 0) {
            rows = List.of(List.of());
        }
        List<String> columns;
        if (years) {
            columns = request.periods().stream().map(Period::code).toList();
        } else if (colDim != null) {
            columns = values(colDim, found.get(nRows), regionCodes);
        } else {
            columns = List.of("");
        }

        int r = rows.size();
        int c = columns.size();
        BigDecimal[][] values = new BigDecimal[r][c];
        long[][] bases = new long[r][c];
        BigDecimal[] rowTotals = colDim == null ? null : new BigDecimal[r];
        long[] rowBases = colDim == null ? null : new long[r];
        BigDecimal[] colTotals = new BigDecimal[c];
        long[] colBases = new long[c];
        for (int i = 0; i < r; i++) {
            List<String> rowKey = nRows == 0 ? List.of() : rows.get(i);
            for (int j = 0; j < c; j++) {
                int bucket = years ? j : 0;
                String col = years || colDim == null ? null : columns.get(j);
                Object[] g = nRows == 0 && col == null ? byKey.get(new Key(bucket, List.of(), null)) : byKey.get(new Key(bucket, rowKey, col));
                values[i][j] = value(g);
                bases[i][j] = base(g);
            }
            if (rowTotals != null) {
                Object[] g = byKey.get(new Key(0, rowKey, null));
                rowTotals[i] = value(g);
                rowBases[i] = base(g);
            }
        }
        for (int j = 0; j < c; j++) {
            Object[] g = colDim == null || years
                    ? byKey.get(new Key(years ? j : 0, List.of(), null))
                    : byKey.get(new Key(0, List.of(), columns.get(j)));
            colTotals[j] = value(g);
            colBases[j] = base(g);
        }
        Object[] all = byKey.get(new Key(0, List.of(), null));
        BigDecimal total = years ? null : value(all);
        long totalBase = years ? 0 : base(all);

        boolean counts = request.figure().unit().isCount();
        Report.Cell[][] cells = new Report.Cell[r][c];
        Report.Cell[] rowCells = rowTotals == null ? null : new Report.Cell[r];
        Report.Cell[] colCells = new Report.Cell[c];
        Report.Cell totalCell;
        if (!protect) {
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    cells[i][j] = Report.Cell.shown(values[i][j], bases[i][j]);
                }
                if (rowCells != null) {
                    rowCells[i] = Report.Cell.shown(rowTotals[i], rowBases[i]);
                }
            }
            for (int j = 0; j < c; j++) {
                colCells[j] = Report.Cell.shown(colTotals[j], colBases[j]);
            }
            totalCell = years ? null : Report.Cell.shown(total, totalBase);
        } else if (!counts) {
            // a share or a median of fewer than five records is not shown
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    cells[i][j] = byBase(values[i][j], bases[i][j]);
                }
                if (rowCells != null) {
                    rowCells[i] = byBase(rowTotals[i], rowBases[i]);
                }
            }
            for (int j = 0; j < c; j++) {
                colCells[j] = byBase(colTotals[j], colBases[j]);
            }
            totalCell = years ? null : byBase(total, totalBase);
        } else if (years) {
            // each year is a table of its own: a column of rows with its total
            for (int j = 0; j < c; j++) {
                long[][] column = new long[r][1];
                for (int i = 0; i < r; i++) {
                    column[i][0] = bases[i][j];
                }
                Optional<Protected> p = protect(new CountTable(column, null, new long[]{colBases[j]}, colBases[j]));
                for (int i = 0; i < r; i++) {
                    cells[i][j] = p.isEmpty() ? WITHHELD : cell(values[i][j], bases[i][j], p.get().cells()[i][0]);
                }
                colCells[j] = p.isEmpty() ? WITHHELD : cell(colTotals[j], colBases[j], p.get().columnTotals()[0]);
            }
            totalCell = null;
        } else {
            long[][] counted = new long[r][c];
            for (int i = 0; i < r; i++) {
                counted[i] = Arrays.copyOf(bases[i], c);
            }
            Optional<Protected> p = protect(new CountTable(counted, rowBases, colBases, totalBase));
            for (int i = 0; i < r; i++) {
                for (int j = 0; j < c; j++) {
                    cells[i][j] = p.isEmpty() ? WITHHELD : cell(values[i][j], bases[i][j], p.get().cells()[i][j]);
                }
                if (rowCells != null) {
                    rowCells[i] = p.isEmpty() ? WITHHELD : cell(rowTotals[i], rowBases[i], p.get().rowTotals()[i]);
                }
            }
            for (int j = 0; j < c; j++) {
                colCells[j] = p.isEmpty() ? WITHHELD : cell(colTotals[j], colBases[j], p.get().columnTotals()[j]);
            }
            totalCell = p.isEmpty() ? WITHHELD : cell(total, totalBase, p.get().grandTotal());
        }
        return new Report(request, nRows == 0 ? List.of(List.of()) : rows, columns, cells, rowCells, colCells, totalCell,
                protect, asOf, currentTo);
    }

    /**
     * The table's protection; empty when no suppression pattern can keep its small counts from being worked out
     * (four rows of 1 under a total of "<5", say): such a table is withheld whole.
     */
    private static Optional<Protected> protect(CountTable table) {
        try {
            Protected p = Suppression.apply(table);
            return p.disclosive() ? Optional.empty() : Optional.of(p);
        } catch (IllegalArgumentException inconsistent) {
            return Optional.empty();
        }
    }

    private static List<String> values(Dimension d, TreeSet<String> found, List<String> regionCodes) {
        if (d == Dimension.REGION && !regionCodes.isEmpty()) {
            return regionCodes;
        }
        if (d.keys().isEmpty()) {
            return List.copyOf(found);
        }
        if (d.array() && !found.contains(Dimension.NONE)) {
            // "none" is a row only where some record has no value of an array dimension
            return d.keys().stream().filter(v -> !v.equals(Dimension.NONE)).toList();
        }
        return d.keys();
    }

    private static Report.Cell cell(BigDecimal value, long base, Disclosure disclosure) {
        return disclosure == Disclosure.SHOWN ? Report.Cell.shown(value, base) : Report.Cell.suppressed(disclosure);
    }

    private static Report.Cell byBase(BigDecimal value, long base) {
        return base > 0 && base < SMALL_BASE ? Report.Cell.suppressed(Disclosure.SMALL) : Report.Cell.shown(value, base);
    }

    private static BigDecimal value(Object[] g) {
        return g == null || g[g.length - 2] == null ? BigDecimal.ZERO : (BigDecimal) g[g.length - 2];
    }

    private static long base(Object[] g) {
        return g == null ? 0 : (Long) g[g.length - 1];
    }

    private record Key(int bucket, List<String> rows, String column) {
    }
}
