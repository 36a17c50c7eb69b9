package kz.qorgau.statistics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;

/**
 * A table and its totals as one grid of entries, in the form in which suppression reasons about what a reader can
 * work out from the published figures.
 *
 * <p>A two-dimensional table of r × c cells becomes an (r+1) × (c+1) grid: the row totals are its last column, the
 * column totals its last row, the grand total its corner. Each entry carries a signed value, the count itself for
 * cells and the grand total, minus the count for row and column totals, so that every line of the grid (each row
 * and each column) adds up to a fixed number: zero when the totals are exact, the double counting of that line
 * otherwise. A breakdown by one dimension is a single line: its cells and, minus, its total.
 *
 * <p>A reader knows every line's sum, every shown count, that a "&lt;5" is 1 to 4 and that a "×" is at least 5.
 * A hidden count is still ambiguous to such a reader exactly when a <em>shift</em> through it keeps every line sum
 * and every bound: in the grid, a cycle that alternately adds and takes one along rows and columns (a rectangle
 * being the shortest), in a breakdown, one added to one entry and taken from another. Any second solution differs
 * from the true table by such shifts (a circulation splits into cycles that each move with it), so looking for
 * cycles misses none. Shifts are found as shortest paths: a path between the row and the column of an entry through
 * entries that can move, hidden ones costing nothing and shown ones what hiding them would lose.
 */
final class ExtendedGrid {

    private enum Place { CELL, MARGIN, GRAND }

    /** A shift through one entry: the other entries that move with it, and what hiding them costs. */
    record Shift(List<Integer> entries, Cost cost) {
    }

    /**
     * What hiding counts loses, compared in this order: whether the grand total is hidden (the figure every
     * publication quotes), how many other totals, how many people the hidden counts hold, how many counts.
     */
    record Cost(int grandTotals, int margins, long people, int entries) implements Comparable<Cost> {

        static final Cost NOTHING = new Cost(0, 0, 0, 0);

        Cost plus(Cost other) {
            return new Cost(grandTotals + other.grandTotals, margins + other.margins,
                    Math.addExact(people, other.people), entries + other.entries);
        }

        @Override
        public int compareTo(Cost other) {
            return Comparator.comparingInt(Cost::grandTotals)
                    .thenComparingInt(Cost::margins)
                    .thenComparingLong(Cost::people)
                    .thenComparingInt(Cost::entries)
                    .compare(this, other);
        }
    }

    private final CountTable table;
    private final int height;
    private final int width;
    private final long[] value;
    private final int[] sign;
    private final Place[] place;
    private final Disclosure[] state;

    /** The grid of a table before anything is chosen: counts of 1 to 4 are small, everything else shown. */
    ExtendedGrid(CountTable table) {
        this.table = table;
        this.height = table.rows() + 1;
        this.width = table.oneDimensional() ? 1 : table.columns() + 1;
        int size = table.oneDimensional() ? height : height * width;
        this.value = new long[size];
        this.sign = new int[size];
        this.place = new Place[size];
        this.state = new Disclosure[size];
        if (table.oneDimensional()) {
            for (int r = 0; r < table.rows(); r++) {
                set(r, table.cell(r, 0), 1, Place.CELL);
            }
            set(table.rows(), table.grandTotal(), -1, Place.MARGIN);
        } else {
            for (int r = 0; r < table.rows(); r++) {
                for (int c = 0; c < table.columns(); c++) {
                    set(index(r, c), table.cell(r, c), 1, Place.CELL);
                }
                set(index(r, table.columns()), table.rowTotal(r), -1, Place.MARGIN);
            }
            for (int c = 0; c < table.columns(); c++) {
                set(index(table.rows(), c), table.columnTotal(c), -1, Place.MARGIN);
            }
            set(index(table.rows(), table.columns()), table.grandTotal(), 1, Place.GRAND);
        }
    }

    /** The grid of a table as it is to be published, to ask what a reader of it can work out. */
    ExtendedGrid(Protected published) {
        this(published.table());
        CountTable t = published.table();
        for (int r = 0; r < t.rows(); r++) {
            if (t.oneDimensional()) {
                state[r] = published.cell(r, 0);
            } else {
                for (int c = 0; c < t.columns(); c++) {
                    state[index(r, c)] = published.cell(r, c);
                }
                state[index(r, t.columns())] = published.rowTotal(r);
            }
        }
        if (t.oneDimensional()) {
            state[t.rows()] = published.grandTotal();
        } else {
            for (int c = 0; c < t.columns(); c++) {
                state[index(t.rows(), c)] = published.columnTotal(c);
            }
            state[index(t.rows(), t.columns())] = published.grandTotal();
        }
    }

    List<Integer> entriesIn(Disclosure wanted) {
        List<Integer> found = new ArrayList<>();
        for (int e = 0; e < state.length; e++) {
            if (state[e] == wanted) {
                found.add(e);
            }
        }
        return found;
    }

    long value(int entry) {
        return value[entry];
    }

    /** Whether a reader of the figures as they now stand can tell this hidden count exactly. */
    boolean recoverable(int entry) {
        return cheapestShift(entry, false).isEmpty();
    }

    boolean anySmallRecoverable() {
        return entriesIn(Disclosure.SMALL).stream().anyMatch(this::recoverable);
    }

    List<Integer> suppressedEntries() {
        List<Integer> found = new ArrayList<>();
        for (int e = 0; e < state.length; e++) {
            if (state[e].suppressed()) {
                found.add(e);
            }
        }
        return found;
    }

    /**
     * The cheapest shift through a hidden entry; with {@code hideMore}, it may pass through shown non-zero counts,
     * which then have to be hidden too. Empty when no shift moves the entry.
     */
    Optional<Shift> cheapestShift(int entry, boolean hideMore) {
        Optional<Shift> up = shift(entry, 1, hideMore);
        Optional<Shift> down = shift(entry, -1, hideMore);
        if (up.isEmpty()) {
            return down;
        }
        if (down.isEmpty()) {
            return up;
        }
        return down.get().cost().compareTo(up.get().cost()) < 0 ? down : up;
    }

    void hide(Shift shift) {
        for (int e : shift.entries()) {
            if (state[e] == Disclosure.SHOWN) {
                state[e] = Disclosure.COMPLEMENTARY;
            }
        }
    }

    void hide(int entry) {
        state[entry] = Disclosure.COMPLEMENTARY;
    }

    void show(int entry) {
        state[entry] = Disclosure.SHOWN;
    }

    /** The last resort when nothing protects a small count: every non-zero count of the table is hidden. */
    void hideEveryNonZero() {
        for (int e = 0; e < state.length; e++) {
            if (state[e] == Disclosure.SHOWN && value[e] > 0) {
                state[e] = Disclosure.COMPLEMENTARY;
            }
        }
    }

    Protected toProtected() {
        int rows = table.rows();
        int columns = table.columns();
        Disclosure[][] cells = new Disclosure[rows][columns];
        Disclosure[] columnTotals = new Disclosure[columns];
        if (table.oneDimensional()) {
            for (int r = 0; r < rows; r++) {
                cells[r][0] = state[r];
            }
            columnTotals[0] = state[rows];
            return new Protected(table, cells, null, columnTotals, state[rows]);
        }
        Disclosure[] rowTotals = new Disclosure[rows];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = state[index(r, c)];
            }
            rowTotals[r] = state[index(r, columns)];
        }
        for (int c = 0; c < columns; c++) {
            columnTotals[c] = state[index(rows, c)];
        }
        return new Protected(table, cells, rowTotals, columnTotals, state[index(rows, columns)]);
    }

    private void set(int entry, long count, int entrySign, Place entryPlace) {
        value[entry] = count;
        sign[entry] = entrySign;
        place[entry] = entryPlace;
        state[entry] = count >= 1 && count <= 4 ? Disclosure.SMALL : Disclosure.SHOWN;
    }

    private int index(int row, int column) {
        return row * width + column;
    }

    /**
     * Whether the signed value of an entry can move by {@code step} and stay within what a reader knows of it; a
     * shown count can only as a newly hidden one (at least 5), and a zero never, since zeros are published.
     */
    private boolean movable(int entry, int step, boolean hideMore) {
        long moved = value[entry] + (long) sign[entry] * step;
        return switch (state[entry]) {
            case SMALL -> moved >= 1 && moved <= 4;
            case COMPLEMENTARY -> moved >= 5;
            case SHOWN -> hideMore && value[entry] >= 5 && moved >= 5;
        };
    }

    private Cost costOfHiding(int entry) {
        if (state[entry].suppressed()) {
            return Cost.NOTHING;
        }
        return switch (place[entry]) {
            case CELL -> new Cost(0, 0, value[entry], 1);
            case MARGIN -> new Cost(0, 1, value[entry], 1);
            case GRAND -> new Cost(1, 0, value[entry], 1);
        };
    }

    private Optional<Shift> shift(int entry, int step, boolean hideMore) {
        if (!movable(entry, step, false)) {
            return Optional.empty();
        }
        return table.oneDimensional() ? pairShift(entry, step, hideMore) : cycleShift(entry, step, hideMore);
    }

    /** In a single line, what one entry gains another loses. */
    private Optional<Shift> pairShift(int entry, int step, boolean hideMore) {
        Shift best = null;
        for (int other = 0; other < state.length; other++) {
            if (other != entry && movable(other, -step, hideMore)) {
                Cost cost = costOfHiding(other);
                if (best == null || cost.compareTo(best.cost()) < 0) {
                    best = new Shift(List.of(other), cost);
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Lines of the grid are nodes (rows first, then columns); an entry that can gain one is an arc from its row to
     * its column, one that can lose one an arc back. A shift raising {@code entry} closes a cycle through it, so it
     * is a cheapest path from its column back to its row (reversed for lowering), found by Dijkstra's algorithm,
     * ties broken by node order so that the same table always gives the same result.
     */
    private Optional<Shift> cycleShift(int entry, int step, boolean hideMore) {
        int row = entry / width;
        int column = entry % width;
        int source = step > 0 ? height + column : row;
        int target = step > 0 ? row : height + column;
        int nodes = height + width;
        Cost[] distance = new Cost[nodes];
        int[] arrivedBy = new int[nodes];
        Arrays.fill(arrivedBy, -1);
        boolean[] settled = new boolean[nodes];
        record Reached(Cost cost, int node) {
        }
        PriorityQueue<Reached> queue = new PriorityQueue<>(
                Comparator.comparing(Reached::cost).thenComparingInt(Reached::node));
        distance[source] = Cost.NOTHING;
        queue.add(new Reached(Cost.NOTHING, source));
        while (!queue.isEmpty()) {
            Reached reached = queue.poll();
            int node = reached.node();
            if (settled[node]) {
                continue;
            }
            settled[node] = true;
            if (node == target) {
                break;
            }
            boolean fromRow = node < height;
            int count = fromRow ? width : height;
            for (int k = 0; k < count; k++) {
                int arc = fromRow ? index(node, k) : index(k, node - height);
                int next = fromRow ? height + k : k;
                if (arc == entry || settled[next] || !movable(arc, fromRow ? 1 : -1, hideMore)) {
                    continue;
                }
                Cost cost = reached.cost().plus(costOfHiding(arc));
                if (distance[next] == null || cost.compareTo(distance[next]) < 0) {
                    distance[next] = cost;
                    arrivedBy[next] = arc;
                    queue.add(new Reached(cost, next));
                }
            }
        }
        if (!settled[target]) {
            return Optional.empty();
        }
        List<Integer> path = new ArrayList<>();
        for (int node = target; node != source; ) {
            int arc = arrivedBy[node];
            path.add(arc);
            node = node < height ? height + arc % width : arc / width;
        }
        return Optional.of(new Shift(List.copyOf(path), distance[target]));
    }
}
