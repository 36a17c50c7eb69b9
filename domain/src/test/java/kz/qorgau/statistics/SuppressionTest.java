package kz.qorgau.statistics;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static kz.qorgau.statistics.Disclosure.COMPLEMENTARY;
import static kz.qorgau.statistics.Disclosure.SHOWN;
import static kz.qorgau.statistics.Disclosure.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SuppressionTest {

    private static Disclosure[] column(Protected published) {
        Disclosure[] states = new Disclosure[published.table().rows()];
        for (int r = 0; r < states.length; r++) {
            states[r] = published.cell(r, 0);
        }
        return states;
    }

    private static void assertNoSmallCountCanBeWorkedOut(Protected published) {
        TableReader reader = new TableReader(published);
        for (int e = 0; e < reader.entries(); e++) {
            if (reader.state(e).suppressed()) {
                assertThat(reader.ambiguous(e)).as("hidden entry %d of %s", e, published).isTrue();
            }
        }
        assertThat(published.disclosive()).isFalse();
    }

    @Test
    void aBreakdownOfOneCountOf3HidesItAndItsTotalWhichProtectEachOther() {
        Protected published = Suppression.apply(CountTable.breakdownOf(3));

        assertThat(column(published)).containsExactly(SMALL);
        assertThat(published.grandTotal()).isEqualTo(SMALL);
        assertThat(published.columnTotal(0)).isEqualTo(SMALL);
        assertThat(published.cellText(0, 0)).isEqualTo("<5");
        assertThat(published.grandTotalText()).isEqualTo("<5");
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void aCountOf3BesideOthersIsProtectedByHidingTheSmallestCountThatCanGiveWay() {
        Protected published = Suppression.apply(CountTable.breakdownOf(3, 10, 0, 40));

        assertThat(column(published)).containsExactly(SMALL, COMPLEMENTARY, SHOWN, SHOWN);
        assertThat(published.grandTotal()).isEqualTo(SHOWN);
        assertThat(published.cellText(1, 0)).isEqualTo("×");
        assertThat(published.cellText(2, 0)).isEqualTo("0");
        assertThat(published.grandTotalText()).isEqualTo("53");
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void twoCountsOf1WouldGiveEachOtherAwayThroughTheTotalSoAThirdCountIsHidden() {
        Protected published = Suppression.apply(CountTable.breakdownOf(1, 1, 20));

        assertThat(column(published)).containsExactly(SMALL, SMALL, COMPLEMENTARY);
        assertThat(published.grandTotal()).isEqualTo(SHOWN);
        assertThat(new TableReader(new Protected(published.table(),
                new Disclosure[][] {{SMALL}, {SMALL}, {SHOWN}}, null, new Disclosure[] {SHOWN}, SHOWN))
                .anySmallRecoverable()).as("1 + 1 = 22 − 20 tells both").isTrue();
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void twoCountsOf1WithTheirSmallTotalProtectEachOther() {
        Protected published = Suppression.apply(CountTable.breakdownOf(1, 1));

        assertThat(column(published)).containsExactly(SMALL, SMALL);
        assertThat(published.grandTotal()).isEqualTo(SMALL);
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void aCountOf1BesideA5IsNotProtectedByHidingThe5SinceAHiddenCountIsAtLeast5() {
        CountTable table = CountTable.breakdownOf(1, 5);
        Protected hidingThePair = new Protected(table, new Disclosure[][] {{SMALL}, {COMPLEMENTARY}}, null,
                new Disclosure[] {SHOWN}, SHOWN);
        assertThat(hidingThePair.disclosive()).as("x + y = 6 with y ≥ 5 gives x = 1").isTrue();

        Protected published = Suppression.apply(table);

        assertThat(column(published)).containsExactly(SMALL, SHOWN);
        assertThat(published.grandTotal()).isEqualTo(COMPLEMENTARY);
        assertThat(published.grandTotalText()).isEqualTo("×");
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void aRegionBySexTableHidesTheCheapestRectangleOfCellsAndKeepsEveryTotal() {
        CountTable victims = CountTable.withExactTotals(new long[][] {
                {40, 3},    // Almaty: women, men
                {25, 7},    // Astana
                {12, 0},    // Shymkent
        });

        Protected published = Suppression.apply(victims);

        assertThat(published.cells()).isDeepEqualTo(new Disclosure[][] {
                {COMPLEMENTARY, SMALL},
                {COMPLEMENTARY, COMPLEMENTARY},
                {SHOWN, SHOWN},
        });
        assertThat(published.rowTotals()).containsExactly(SHOWN, SHOWN, SHOWN);
        assertThat(published.columnTotals()).containsExactly(SHOWN, SHOWN);
        assertThat(published.grandTotal()).isEqualTo(SHOWN);
        assertThat(published.rowTotalText(0)).isEqualTo("43");
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void aSmallRowTotalIsHiddenAndProtectedTogetherWithItsRow() {
        CountTable victims = CountTable.withExactTotals(new long[][] {
                {30, 12},
                {2, 0},
        });

        Protected published = Suppression.apply(victims);

        assertThat(published.cells()).isDeepEqualTo(new Disclosure[][] {
                {COMPLEMENTARY, SHOWN},
                {SMALL, SHOWN},
        });
        assertThat(published.rowTotals()).containsExactly(COMPLEMENTARY, SMALL);
        assertThat(published.columnTotals()).containsExactly(SHOWN, SHOWN);
        assertThat(published.grandTotal()).as("the grand total is the last resort").isEqualTo(SHOWN);
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void aSmallColumnTotalIsSmallToo() {
        CountTable victims = CountTable.withExactTotals(new long[][] {
                {20, 1},
                {30, 2},
        });

        Protected published = Suppression.apply(victims);

        assertThat(published.columnTotal(1)).isEqualTo(SMALL);
        assertThat(published.columnTotalText(1)).isEqualTo("<5");
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void aTableWithoutSmallCountsIsPublishedAsItIs() {
        CountTable victims = CountTable.withExactTotals(new long[][] {
                {10, 0, 7},
                {25, 5, 0},
        });

        Protected published = Suppression.apply(victims);

        assertThat(published.anySuppressed()).isFalse();
        assertThat(published.cells()).isDeepEqualTo(new Disclosure[][] {
                {SHOWN, SHOWN, SHOWN},
                {SHOWN, SHOWN, SHOWN},
        });
        assertThat(published.rowTotals()).containsOnly(SHOWN);
        assertThat(published.columnTotals()).containsOnly(SHOWN);
        assertThat(published.cellText(1, 0)).isEqualTo("25");
        assertThat(published.rowTotalText(1)).isEqualTo("30");
        assertThat(published.disclosive()).isFalse();
    }

    @Test
    void zerosArePublishedAndNeverHiddenToProtectACount() {
        Protected published = Suppression.apply(CountTable.breakdownOf(2, 0, 0));

        assertThat(column(published)).containsExactly(SMALL, SHOWN, SHOWN);
        assertThat(published.grandTotal()).isEqualTo(SMALL);
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void theSameTableAlwaysGivesTheSameResult() {
        long[][] cells = {{4, 9, 1, 0}, {6, 2, 15, 3}, {0, 11, 7, 8}};
        Protected first = Suppression.apply(CountTable.withExactTotals(cells));

        for (int i = 0; i < 5; i++) {
            Protected again = Suppression.apply(CountTable.withExactTotals(cells));
            assertThat(again).isEqualTo(first);
            assertThat(again.cells()).isDeepEqualTo(first.cells());
        }
        assertNoSmallCountCanBeWorkedOut(first);
    }

    @Test
    void whenOneVictimFallsIntoSeveralRowsTheRowsAddUpToMoreThanTheTotalAndStayProtected() {
        CountTable services = CountTable.breakdown(new long[] {3, 7, 9}, 12);

        Protected published = Suppression.apply(services);

        assertThat(column(published)).containsExactly(SMALL, COMPLEMENTARY, SHOWN);
        assertThat(published.grandTotal()).isEqualTo(SHOWN);
        assertNoSmallCountCanBeWorkedOut(published);
    }

    @Test
    void aTableThatNothingProtectsIsHiddenWholeAndSaysItMustBeWithheld() {
        Protected published = Suppression.apply(CountTable.breakdownOf(1, 1, 1, 1, 0));

        assertThat(column(published)).containsExactly(SMALL, SMALL, SMALL, SMALL, SHOWN);
        assertThat(published.grandTotal()).isEqualTo(SMALL);
        assertThat(published.disclosive()).as("four counts of at least 1 adding up to at most 4").isTrue();
        assertThat(new TableReader(published).anySmallRecoverable()).isTrue();
    }

    @Test
    void whenEvenHidingEverythingLeavesACountKnownTheWholeTableIsHiddenAndMustBeWithheld() {
        CountTable services = new CountTable(new long[][] {{4, 4}}, new long[] {5}, new long[] {4, 4}, 5);

        Protected published = Suppression.apply(services);

        assertThat(published.cells()).isDeepEqualTo(new Disclosure[][] {{SMALL, SMALL}});
        assertThat(published.rowTotals()).containsExactly(COMPLEMENTARY);
        assertThat(published.columnTotals()).containsExactly(SMALL, SMALL);
        assertThat(published.grandTotal()).isEqualTo(COMPLEMENTARY);
        assertThat(published.disclosive())
                .as("knowing the row counts 3 victims twice, 4 + 4 = 5 + 3 is the only way with × at least 5")
                .isTrue();
    }

    @Test
    void aNationalTableOf17RegionsBy12ServicesIsProtectedInOneGo() {
        long[][] cells = new long[17][12];
        Random random = new Random(17);
        for (long[] row : cells) {
            for (int c = 0; c < row.length; c++) {
                row[c] = random.nextInt(4) == 0 ? random.nextInt(5) : random.nextInt(60);
            }
        }
        CountTable services = CountTable.withExactTotals(cells);

        Protected published = Suppression.apply(services);

        assertThat(published.anySuppressed()).isTrue();
        assertThat(published.disclosive()).isFalse();
        assertThat(Suppression.apply(CountTable.withExactTotals(cells))).isEqualTo(published);
    }

    @Test
    void aTableIsCheckedWhenMade() {
        assertThatThrownBy(() -> CountTable.breakdown(new long[] {3, 4}, 8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("less than their total");
        assertThatThrownBy(() -> CountTable.breakdownOf(3, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountTable(new long[][] {{1, 2}}, null, new long[] {1, 2}, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row totals");
        assertThatThrownBy(() -> new CountTable(new long[][] {{1}}, null, new long[] {1}, 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CountTable(new long[0][], null, new long[0], 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aPublishedStateMustFitItsCount() {
        CountTable table = CountTable.breakdownOf(3, 10);
        assertThatThrownBy(() -> new Protected(table, new Disclosure[][] {{SHOWN}, {SHOWN}}, null,
                new Disclosure[] {SHOWN}, SHOWN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Protected(CountTable.breakdownOf(0, 10), new Disclosure[][] {{COMPLEMENTARY},
                {SHOWN}}, null, new Disclosure[] {SHOWN}, SHOWN)).isInstanceOf(IllegalArgumentException.class);
    }
}
