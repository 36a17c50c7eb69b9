package kz.qorgau.statistics;

import java.util.ArrayList;
import java.util.List;

/**
 * What a reader of a published table can work out, by brute force and independently of {@link Suppression}: every
 * shown count, "&lt;5" as 1 to 4, "×" as 5 up to its count plus 30 (a cap that only makes the reader stronger
 * here), and every line adding up as it does in the true table (the totals taken as exact, or with the table's own
 * double counting). A hidden count is ambiguous when some other value of it fits all of that; the search backtracks
 * over the hidden counts and narrows each by the line sums.
 */
final class TableReader {

    private static final long CAP = 30;

    private final List<Long> values = new ArrayList<>();
    private final List<Disclosure> states = new ArrayList<>();
    private final List<int[]> lineEntries = new ArrayList<>();
    private final List<int[]> lineSigns = new ArrayList<>();
    private final List<Long> lineSums = new ArrayList<>();

    TableReader(Protected published) {
        CountTable table = published.table();
        int rows = table.rows();
        int columns = table.columns();
        int[][] cell = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cell[r][c] = entry(table.cell(r, c), published.cell(r, c));
            }
        }
        int[] columnTotal = new int[columns];
        for (int c = 0; c < columns; c++) {
            columnTotal[c] = table.oneDimensional()
                    ? entry(table.grandTotal(), published.grandTotal())
                    : entry(table.columnTotal(c), published.columnTotal(c));
        }
        for (int c = 0; c < columns; c++) {
            List<Integer> entries = new ArrayList<>();
            List<Integer> signs = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                entries.add(cell[r][c]);
                signs.add(1);
            }
            entries.add(columnTotal[c]);
            signs.add(-1);
            line(entries, signs);
        }
        if (table.oneDimensional()) {
            return;
        }
        int[] rowTotal = new int[rows];
        for (int r = 0; r < rows; r++) {
            rowTotal[r] = entry(table.rowTotal(r), published.rowTotal(r));
        }
        int grand = entry(table.grandTotal(), published.grandTotal());
        for (int r = 0; r < rows; r++) {
            List<Integer> entries = new ArrayList<>();
            List<Integer> signs = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                entries.add(cell[r][c]);
                signs.add(1);
            }
            entries.add(rowTotal[r]);
            signs.add(-1);
            line(entries, signs);
        }
        for (int[] margin : new int[][] {rowTotal, columnTotal}) {
            List<Integer> entries = new ArrayList<>();
            List<Integer> signs = new ArrayList<>();
            for (int e : margin) {
                entries.add(e);
                signs.add(1);
            }
            entries.add(grand);
            signs.add(-1);
            line(entries, signs);
        }
    }

    private TableReader(TableReader reader, int shown) {
        values.addAll(reader.values);
        states.addAll(reader.states);
        states.set(shown, Disclosure.SHOWN);
        lineEntries.addAll(reader.lineEntries);
        lineSigns.addAll(reader.lineSigns);
        lineSums.addAll(reader.lineSums);
    }

    /** The same table with one hidden count shown after all. */
    TableReader showing(int entry) {
        return new TableReader(this, entry);
    }

    /** Whether every hidden count has more than one value the reader cannot rule out. */
    boolean everyHiddenAmbiguous() {
        for (int e = 0; e < entries(); e++) {
            if (states.get(e).suppressed() && !ambiguous(e)) {
                return false;
            }
        }
        return true;
    }

    int entries() {
        return values.size();
    }

    long value(int entry) {
        return values.get(entry);
    }

    Disclosure state(int entry) {
        return states.get(entry);
    }

    /** Whether some table the reader cannot rule out gives this entry another value than the true one. */
    boolean ambiguous(int entry) {
        long truth = values.get(entry);
        long[] lo = lowerBounds();
        long[] hi = upperBounds();
        if (lo[entry] < truth) {
            long[] below = hi.clone();
            below[entry] = truth - 1;
            if (solvable(lo.clone(), below)) {
                return true;
            }
        }
        if (hi[entry] > truth) {
            long[] above = lo.clone();
            above[entry] = truth + 1;
            return solvable(above, hi.clone());
        }
        return false;
    }

    boolean anySmallRecoverable() {
        for (int e = 0; e < entries(); e++) {
            if (states.get(e) == Disclosure.SMALL && !ambiguous(e)) {
                return true;
            }
        }
        return false;
    }

    private int entry(long value, Disclosure state) {
        values.add(value);
        states.add(state);
        return values.size() - 1;
    }

    private void line(List<Integer> entries, List<Integer> signs) {
        int[] e = entries.stream().mapToInt(Integer::intValue).toArray();
        int[] s = signs.stream().mapToInt(Integer::intValue).toArray();
        long sum = 0;
        for (int k = 0; k < e.length; k++) {
            sum += s[k] * values.get(e[k]);
        }
        lineEntries.add(e);
        lineSigns.add(s);
        lineSums.add(sum);
    }

    private long[] lowerBounds() {
        long[] lo = new long[entries()];
        for (int e = 0; e < lo.length; e++) {
            lo[e] = switch (states.get(e)) {
                case SHOWN -> values.get(e);
                case SMALL -> 1;
                case COMPLEMENTARY -> 5;
            };
        }
        return lo;
    }

    private long[] upperBounds() {
        long[] hi = new long[entries()];
        for (int e = 0; e < hi.length; e++) {
            hi[e] = switch (states.get(e)) {
                case SHOWN -> values.get(e);
                case SMALL -> 4;
                case COMPLEMENTARY -> values.get(e) + CAP;
            };
        }
        return hi;
    }

    private boolean solvable(long[] lo, long[] hi) {
        if (!narrow(lo, hi)) {
            return false;
        }
        int branch = -1;
        for (int e = 0; e < lo.length; e++) {
            if (lo[e] < hi[e] && (branch < 0 || hi[e] - lo[e] < hi[branch] - lo[branch])) {
                branch = e;
            }
        }
        if (branch < 0) {
            return true;
        }
        for (long v = lo[branch]; v <= hi[branch]; v++) {
            long[] l = lo.clone();
            long[] h = hi.clone();
            l[branch] = v;
            h[branch] = v;
            if (solvable(l, h)) {
                return true;
            }
        }
        return false;
    }

    /** Bounds propagation over the line sums until nothing changes; false when some entry has no value left. */
    private boolean narrow(long[] lo, long[] hi) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int l = 0; l < lineEntries.size(); l++) {
                int[] e = lineEntries.get(l);
                int[] s = lineSigns.get(l);
                long least = 0;
                long most = 0;
                for (int k = 0; k < e.length; k++) {
                    least += s[k] > 0 ? lo[e[k]] : -hi[e[k]];
                    most += s[k] > 0 ? hi[e[k]] : -lo[e[k]];
                }
                long sum = lineSums.get(l);
                for (int k = 0; k < e.length; k++) {
                    long ownLeast = s[k] > 0 ? lo[e[k]] : -hi[e[k]];
                    long ownMost = s[k] > 0 ? hi[e[k]] : -lo[e[k]];
                    long signedLo = sum - (most - ownMost);
                    long signedHi = sum - (least - ownLeast);
                    long newLo = s[k] > 0 ? signedLo : -signedHi;
                    long newHi = s[k] > 0 ? signedHi : -signedLo;
                    if (newLo > lo[e[k]]) {
                        lo[e[k]] = newLo;
                        changed = true;
                    }
                    if (newHi < hi[e[k]]) {
                        hi[e[k]] = newHi;
                        changed = true;
                    }
                    if (lo[e[k]] > hi[e[k]]) {
                        return false;
                    }
                }
                if (changed) {
                    break;
                }
            }
        }
        return true;
    }
}
