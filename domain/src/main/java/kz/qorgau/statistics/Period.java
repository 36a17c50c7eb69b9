package kz.qorgau.statistics;

import kz.qorgau.shared.InvalidInputException;

import java.io.Serializable;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A calendar period a figure is counted over: a year, a quarter, a month, or the year to date. Only calendar periods
 * exist, so that the difference of two reports cannot isolate a few days and the victims in them. The year to date
 * runs through the last complete month (for an analyst) or through today (for everyone else).
 *
 * @param number quarter 1–4, month 1–12, or for the year to date the last month it includes
 * @param day    for a year to date through today, the last day included; otherwise 0
 */
public record Period(Kind kind, int year, int number, int day) implements Serializable {

    public enum Kind { YEAR, QUARTER, MONTH, YEAR_TO_DATE }

    public static final int FIRST_YEAR = 2000;

    public Period {
        if (kind == null) {
            throw new InvalidInputException("statistics.period.invalid");
        }
        if (year < FIRST_YEAR || year > 2100) {
            throw new InvalidInputException("statistics.period.invalid");
        }
        boolean ok = switch (kind) {
            case YEAR -> number == 0 && day == 0;
            case QUARTER -> number >= 1 && number <= 4 && day == 0;
            case MONTH -> number >= 1 && number <= 12 && day == 0;
            case YEAR_TO_DATE -> number >= 1 && number <= 12 && day >= 0 && day <= YearMonth.of(year, number).lengthOfMonth();
        };
        if (!ok) {
            throw new InvalidInputException("statistics.period.invalid");
        }
    }

    public static Period year(int year) {
        return new Period(Kind.YEAR, year, 0, 0);
    }

    public static Period quarter(int year, int quarter) {
        return new Period(Kind.QUARTER, year, quarter, 0);
    }

    public static Period month(int year, int month) {
        return new Period(Kind.MONTH, year, month, 0);
    }

    /**
     * The year to date as of {@code today}: through the last complete month when {@code completeMonths}, through today
     * otherwise. In January with complete months only, it is the whole of last year.
     */
    public static Period yearToDate(LocalDate today, boolean completeMonths) {
        if (!completeMonths) {
            return new Period(Kind.YEAR_TO_DATE, today.getYear(), today.getMonthValue(), today.getDayOfMonth());
        }
        YearMonth last = YearMonth.from(today).minusMonths(1);
        return new Period(Kind.YEAR_TO_DATE, last.getYear(), last.getMonthValue(), 0);
    }

    /** The first day included. */
    public LocalDate from() {
        return switch (kind) {
            case YEAR, YEAR_TO_DATE -> LocalDate.of(year, 1, 1);
            case QUARTER -> LocalDate.of(year, (number - 1) * 3 + 1, 1);
            case MONTH -> LocalDate.of(year, number, 1);
        };
    }

    /** The first day after the period. */
    public LocalDate until() {
        return switch (kind) {
            case YEAR -> LocalDate.of(year + 1, 1, 1);
            case QUARTER -> from().plusMonths(3);
            case MONTH -> from().plusMonths(1);
            case YEAR_TO_DATE -> day == 0 ? LocalDate.of(year, number, 1).plusMonths(1) : LocalDate.of(year, number, day).plusDays(1);
        };
    }

    /** The same period so many years earlier: 29 February becomes the 28th. */
    public Period yearsBefore(int years) {
        int y = year - years;
        int d = day == 0 ? 0 : Math.min(day, YearMonth.of(y, number).lengthOfMonth());
        return new Period(kind, y, number, d);
    }

    /** Whether the period has begun by {@code today}; a period wholly in the future has no figures yet. */
    public boolean begunBy(LocalDate today) {
        return !from().isAfter(today);
    }

    /** A short stable label: 2026, 2026-Q3, 2026-07, 2026-YTD-11 (through November). */
    public String code() {
        return switch (kind) {
            case YEAR -> Integer.toString(year);
            case QUARTER -> year + "-Q" + number;
            case MONTH -> year + "-" + (number < 10 ? "0" : "") + number;
            case YEAR_TO_DATE -> year + "-YTD-" + (number < 10 ? "0" : "") + number + (day == 0 ? "" : "-" + (day < 10 ? "0" : "") + day);
        };
    }
}
