package kz.qorgau.statistics;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Suppression against a brute-force reader ({@link TableReader}) on random tables: breakdowns of up to 8 rows and
 * tables of up to 4 × 5, mostly of small counts, with exact totals and with totals below the sum of their parts
 * (one victim in several rows or columns).
 */
class SuppressionPropertiesTest {

    @Property(tries = 1000)
    void noHiddenCountCanBeWorkedOutAndNothingIsHiddenWithoutNeed(@ForAll("tables") CountTable table) {
        Protected published = Suppression.apply(table);
        TableReader reader = new TableReader(published);

        for (int e = 0; e < reader.entries(); e++) {
            long count = reader.value(e);
            Disclosure state = reader.state(e);
            if (state == Disclosure.SHOWN) {
                assertThat(count).as("a shown count is 0 or at least 5").matches(c -> c == 0 || c >= 5);
            }
            if (state == Disclosure.COMPLEMENTARY) {
                assertThat(count).as("only a count of at least 5 is hidden to protect another")
                        .isGreaterThanOrEqualTo(5);
            }
        }

        boolean recoverable = reader.anySmallRecoverable();
        Statistics.label("withheld").collect(recoverable, exact(table) ? "exact totals" : "double counting");
        assertThat(published.disclosive()).as("the table says whether it must be withheld").isEqualTo(recoverable);
        if (recoverable) {
            for (int e = 0; e < reader.entries(); e++) {
                assertThat(reader.state(e) == Disclosure.SHOWN && reader.value(e) > 0)
                        .as("a table that cannot be protected has every non-zero count hidden").isFalse();
            }
        } else {
            for (int e = 0; e < reader.entries(); e++) {
                if (reader.state(e).suppressed()) {
                    assertThat(reader.ambiguous(e)).as("hidden entry %d of %s", e, published).isTrue();
                }
                if (reader.state(e) == Disclosure.COMPLEMENTARY) {
                    assertThat(reader.showing(e).everyHiddenAmbiguous())
                            .as("entry %d of %s is hidden without need", e, published).isFalse();
                }
            }
        }
        Statistics.label("shape").collect(table.oneDimensional() ? "breakdown" : "cross table",
                exact(table) ? "exact totals" : "double counting");
        Statistics.label("hidden to protect").collect(Math.min(complementary(reader), 5));
        assertThat(Suppression.apply(table)).as("the same table gives the same result").isEqualTo(published);
    }

    @Property(tries = 200)
    void aTableWithoutSmallCountsIsPublishedAsItIs(@ForAll("tablesWithoutSmallCounts") CountTable table) {
        Protected published = Suppression.apply(table);

        assertThat(published.anySuppressed()).isFalse();
        assertThat(published.disclosive()).isFalse();
    }

    private static int complementary(TableReader reader) {
        int hidden = 0;
        for (int e = 0; e < reader.entries(); e++) {
            if (reader.state(e) == Disclosure.COMPLEMENTARY) {
                hidden++;
            }
        }
        return hidden;
    }

    private static boolean exact(CountTable table) {
        return table.equals(table.oneDimensional()
                ? CountTable.breakdownOf(Arrays.stream(table.cells()).mapToLong(row -> row[0]).toArray())
                : CountTable.withExactTotals(table.cells()));
    }

    @Provide
    Arbitrary<CountTable> tables() {
        return tablesOf(Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(0L)),
                Tuple.of(12, Arbitraries.longs().between(1, 12)),
                Tuple.of(2, Arbitraries.longs().between(13, 80))));
    }

    @Provide
    Arbitrary<CountTable> tablesWithoutSmallCounts() {
        return tablesOf(Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(0L)),
                Tuple.of(3, Arbitraries.longs().between(5, 60))));
    }

    private static Arbitrary<CountTable> tablesOf(Arbitrary<Long> counts) {
        Arbitrary<List<Integer>> doubleCounting = Arbitraries.oneOf(
                Arbitraries.just(Collections.nCopies(10, 0)),
                Arbitraries.integers().between(0, 3).list().ofSize(10));
        Arbitrary<CountTable> breakdowns = Combinators.combine(
                        Arbitraries.integers().between(1, 8).flatMap(rows -> counts.list().ofSize(rows)),
                        doubleCounting)
                .as(SuppressionPropertiesTest::breakdown);
        Arbitrary<CountTable> crossTables = Combinators.combine(
                        Arbitraries.integers().between(1, 4), Arbitraries.integers().between(1, 5))
                .flatAs((rows, columns) -> Combinators.combine(
                                counts.list().ofSize(columns).list().ofSize(rows), doubleCounting)
                        .as(SuppressionPropertiesTest::crossTable));
        return Arbitraries.oneOf(breakdowns, crossTables);
    }

    private static CountTable breakdown(List<Long> counts, List<Integer> doubleCounting) {
        long[] cells = counts.stream().mapToLong(Long::longValue).toArray();
        return CountTable.breakdown(cells, distinct(cells, doubleCounting.get(0)));
    }

    /** Totals counted on their own: at most the sum of their parts and at least the largest part. */
    private static CountTable crossTable(List<List<Long>> counts, List<Integer> doubleCounting) {
        int rows = counts.size();
        int columns = counts.get(0).size();
        long[][] cells = new long[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                cells[r][c] = counts.get(r).get(c);
            }
        }
        long[] rowTotals = new long[rows];
        for (int r = 0; r < rows; r++) {
            rowTotals[r] = distinct(cells[r], doubleCounting.get(r));
        }
        long[] columnTotals = new long[columns];
        for (int c = 0; c < columns; c++) {
            long[] column = new long[rows];
            for (int r = 0; r < rows; r++) {
                column[r] = cells[r][c];
            }
            columnTotals[c] = distinct(column, doubleCounting.get(4 + c));
        }
        long rowSum = Arrays.stream(rowTotals).sum();
        long columnSum = Arrays.stream(columnTotals).sum();
        long largest = Math.max(Arrays.stream(rowTotals).max().orElse(0),
                Arrays.stream(columnTotals).max().orElse(0));
        long parts = Math.min(rowSum, columnSum);
        long grand = parts - Math.min(doubleCounting.get(9), parts - largest);
        return new CountTable(cells, rowTotals, columnTotals, grand);
    }

    private static long distinct(long[] parts, int doubleCounted) {
        long sum = Arrays.stream(parts).sum();
        long largest = Arrays.stream(parts).max().orElse(0);
        return sum - Math.min(doubleCounted, sum - largest);
    }
}
