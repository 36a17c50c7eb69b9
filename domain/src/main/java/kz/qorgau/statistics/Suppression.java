package kz.qorgau.statistics;

import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
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

    /**
     * How many proofs the second pass may renew: it only spares counts from hiding, so on a large table it stops
     * early rather than make the reader wait (the table stays safe; it merely hides a little more).
     */
    static final int RENEWAL_BUDGET = 200;

    private Suppression() {
    }

    /** The table as it may be shown; the same table always gives the same result. */
    public static Protected apply(CountTable table) {
        ExtendedGrid grid = new ExtendedGrid(table);
        // each hidden entry's proof of ambiguity: a shift through it, all of whose entries are hidden
        Map<Integer, ExtendedGrid.Shift> proof = new HashMap<>();
        for (int small : grid.entriesIn(Disclosure.SMALL)) {
            Optional<ExtendedGrid.Shift> shift = proof.containsKey(small) ? Optional.of(proof.get(small))
                    : grid.cheapestShift(small, true);
            if (shift.isPresent()) {
                grid.hide(shift.get());
                for (int e : shift.get().entries()) {
                    proof.putIfAbsent(e, shift.get());
                }
            } else {
                grid.hideEveryNonZero();
            }
        }
        if (!grid.anySmallRecoverable()) {
            showWhatNeedNotBeHidden(grid, proof);
        }
        return grid.toProtected();
    }

    /**
     * The greedy pass may hide a count for one small count that a later shift made unnecessary; it is shown again
     * when every hidden count stays ambiguous without it. Only the hidden counts whose proof ran through it need a
     * new one: every other proof still holds, its entries all hidden as before.
     */
    private static void showWhatNeedNotBeHidden(ExtendedGrid grid, Map<Integer, ExtendedGrid.Shift> proof) {
        List<Integer> hidden = grid.entriesIn(Disclosure.COMPLEMENTARY).stream()
                .sorted(Comparator.comparingLong(grid::value).reversed().thenComparing(Comparator.naturalOrder()))
                .toList();
        int budget = RENEWAL_BUDGET;
        for (int entry : hidden) {
            if (budget <= 0) {
                return;
            }
            grid.show(entry);
            Map<Integer, ExtendedGrid.Shift> renewed = new HashMap<>();
            boolean stillAmbiguous = true;
            for (int e : grid.suppressedEntries()) {
                ExtendedGrid.Shift held = proof.get(e);
                if (held != null && !held.entries().contains(entry)) {
                    continue;
                }
                budget--;
                Optional<ExtendedGrid.Shift> other = grid.cheapestShift(e, false);
                if (other.isEmpty()) {
                    stillAmbiguous = false;
                    break;
                }
                renewed.put(e, other.get());
            }
            if (stillAmbiguous) {
                proof.remove(entry);
                proof.putAll(renewed);
            } else {
                grid.hide(entry);
            }
        }
    }
}
