package kz.qorgau.statistics;

import java.io.Serializable;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A computed report, ready to show, export or send: rows (one key per row dimension), columns (the column dimension's
 * values, or the years compared, or a single column), cells and margins, each with what may be disclosed of it.
 * Suppressed cells carry no value at all, so that nothing downstream can leak one.
 *
 * @param columns     column keys; for years side by side, the periods' codes
 * @param rowTotals   one per row when there is a column dimension; otherwise null
 * @param total       the grand total; null for years side by side (each year has its own, in columnTotals)
 * @param protectedCells small cells were suppressed
 * @param asOf        when it was computed
 * @param currentTo   the moment the records it counts are current to: {@code asOf} on the primary, earlier when it was
 *                    read from a standby that is behind
 */
public record Report(ReportRequest request, List<List<String>> rows, List<String> columns, Cell[][] cells,
                     Cell[] rowTotals, Cell[] columnTotals, Cell total, boolean protectedCells, Instant asOf,
                     Instant currentTo) implements Serializable {

    /** A standby this far behind is told to the reader; less is within a request's own time. */
    public static final java.time.Duration NOTICEABLY_BEHIND = java.time.Duration.ofMinutes(1);

    /** How far the records counted are behind the moment of computing, when that is more than a minute. */
    public Optional<java.time.Duration> behind() {
        java.time.Duration behind = java.time.Duration.between(currentTo, asOf);
        return behind.compareTo(NOTICEABLY_BEHIND) > 0 ? Optional.of(behind) : Optional.empty();
    }

    /** A value as it may be shown: empty when suppressed. {@code base} is the count a share or median is taken of. */
    public record Cell(BigDecimal value, long base, Disclosure disclosure) implements Serializable {

        public static Cell shown(BigDecimal value, long base) {
            return new Cell(value, base, Disclosure.SHOWN);
        }

        public static Cell suppressed(Disclosure disclosure) {
            return new Cell(null, 0, disclosure);
        }

        public Optional<BigDecimal> shownValue() {
            return Optional.ofNullable(value);
        }

        /** The value as text: "<5" for a small count, "×" for a cell suppressed to protect one. */
        public String display() {
            return switch (disclosure) {
                case SMALL -> "<5";
                case COMPLEMENTARY -> "×";
                case SHOWN -> value.stripTrailingZeros().scale() <= 0 ? value.toBigInteger().toString()
                        : value.setScale(1, RoundingMode.HALF_UP).toPlainString();
            };
        }
    }

    public boolean yearsSideBySide() {
        return request.years() > 1;
    }

    /** The change in per cent of a year's cell against the year before, when both are shown and the earlier is not 0. */
    public Optional<BigDecimal> change(int row, int column) {
        if (!yearsSideBySide() || column == 0) {
            return Optional.empty();
        }
        return change(cells[row][column - 1], cells[row][column]);
    }

    /** The change of a year's total against the year before. */
    public Optional<BigDecimal> totalChange(int column) {
        if (!yearsSideBySide() || column == 0) {
            return Optional.empty();
        }
        return change(columnTotals[column - 1], columnTotals[column]);
    }

    private static Optional<BigDecimal> change(Cell before, Cell now) {
        if (before.value() == null || now.value() == null || before.value().signum() == 0) {
            return Optional.empty();
        }
        return Optional.of(now.value().subtract(before.value()).multiply(BigDecimal.valueOf(100))
                .divide(before.value(), 1, RoundingMode.HALF_UP));
    }
}
