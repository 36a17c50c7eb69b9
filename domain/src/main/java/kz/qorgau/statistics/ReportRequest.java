package kz.qorgau.statistics;

import kz.qorgau.shared.InvalidInputException;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What a reader asks for: one figure over a period (and as many years before it, side by side), in an area, broken
 * down by up to three row dimensions and one column dimension. Several years go with rows only: each year is a column.
 *
 * @param years       1 for the period alone, up to {@link #MAX_YEARS} for that many years ending with it
 * @param publication to be published: small cells are suppressed whoever asks
 */
public record ReportRequest(Figure figure, Period period, int years, Area area, List<Dimension> rows,
                            Optional<Dimension> column, boolean publication) implements Serializable {

    public static final int MAX_YEARS = 10;
    public static final int MAX_ROW_DIMENSIONS = 3;

    public ReportRequest {
        if (figure == null || period == null || area == null) {
            throw new InvalidInputException("statistics.request.incomplete");
        }
        rows = rows == null ? List.of() : List.copyOf(rows);
        column = column == null ? Optional.empty() : column;
        if (years < 1 || years > MAX_YEARS) {
            throw new InvalidInputException("statistics.years.range");
        }
        if (rows.size() > MAX_ROW_DIMENSIONS) {
            throw new InvalidInputException("statistics.dimensions.tooMany");
        }
        if (years > 1 && column.isPresent()) {
            throw new InvalidInputException("statistics.years.noColumns");
        }
        if (rows.stream().distinct().count() < rows.size() || column.filter(rows::contains).isPresent()) {
            throw new InvalidInputException("statistics.dimensions.repeated");
        }
        for (Dimension d : rows) {
            requireApplies(figure, d);
        }
        column.ifPresent(d -> requireApplies(figure, d));
    }

    private static void requireApplies(Figure figure, Dimension d) {
        if (!figure.dimensions().contains(d)) {
            throw new InvalidInputException("statistics.dimension.notApplicable");
        }
    }

    /** The periods compared, the earliest first; the asked one last. */
    public List<Period> periods() {
        return java.util.stream.IntStream.range(0, years).map(i -> years - 1 - i).mapToObj(period::yearsBefore).toList();
    }

    /** For the audit trail: which report, which area, which period — never a figure. At most 60 characters. */
    public String auditDetail() {
        String detail = figure.name() + " " + area.key() + " " + period.code() + (years > 1 ? "x" + years : "");
        return detail.length() <= 60 ? detail : detail.substring(0, 60);
    }

    /** Optional does not serialise: a request kept in a replicated view travels with its column as a plain value. */
    private Object writeReplace() {
        return new SerialForm(figure, period, years, area, rows, column.orElse(null), publication);
    }

    private record SerialForm(Figure figure, Period period, int years, Area area, List<Dimension> rows, Dimension column,
                              boolean publication) implements Serializable {
        private Object readResolve() {
            return new ReportRequest(figure, period, years, area, rows, Optional.ofNullable(column), publication);
        }
    }
}
