package kz.qorgau.statistics;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Small-cell suppression of the tables an analyst sees and the reports marked for publication (issue 8, privacy of
 * published figures): a count of 1 to 4 is shown as "&lt;5", and further counts of 5 or more are hidden as "×"
 * until no small count can be worked out from the rows, columns and totals of the same table. Zeros are shown.
 *
 * <p>The reader guarded against knows every shown count, that "&lt;5" is 1 to 4 and "×" at least 5, and that
 * each line adds up as the table's own totals say (taken as exact, or with exactly the double counting the table
 * has, which is more than any reader knows). Each small count is protected in turn by the cheapest <em>shift</em>
 * (see {@link ExtendedGrid}): a second table, equal on every line and within every bound, in which that count is
 * different. A shift found stays valid when more is hidden, because what a reader knows of an entry depends only on
 * its own state; so one pass protects every small count, and every hidden count moves with some shift too. A
 * second pass shows again, largest first, every hidden count whose hiding turns out not to be needed.
 *
 * <p>Some tables cannot be protected at all: four rows of 1 with the total 4 give themselves away however much is
 * hidden. Then every non-zero count is hidden and {@link Protected#disclosive()} says the table must be withheld.
 */
public final class Suppression {

    private Suppression() {
    }

    /** The table as it may be shown; the same table always gives the same result. */
    public static Protected apply(CountTable table) {
        ExtendedGrid grid = new ExtendedGrid(table);
        for (int small : grid.entriesIn(Disclosure.SMALL)) {
            Optional<ExtendedGrid.Shift> shift = grid.cheapestShift(small, true);
            if (shift.isPresent()) {
                grid.hide(shift.get());
            } else {
                grid.hideEveryNonZero();
            }
        }
        if (!grid.anySmallRecoverable()) {
            showWhatNeedNotBeHidden(grid);
        }
        return grid.toProtected();
    }

    /**
     * The greedy pass may hide a count for one small count that a later shift made unnecessary; it is shown again
     * when every hidden count stays ambiguous without it.
     */
    private static void showWhatNeedNotBeHidden(ExtendedGrid grid) {
        List<Integer> hidden = grid.entriesIn(Disclosure.COMPLEMENTARY).stream()
                .sorted(Comparator.comparingLong(grid::value).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        for (int entry : hidden) {
            grid.show(entry);
            if (!grid.everySuppressedAmbiguous()) {
                grid.hide(entry);
            }
        }
    }
}
