package kz.qorgau.statistics;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PeriodTest {

    @Test
    void calendarPeriodsHaveTheirDays() {
        assertThat(Period.year(2025).from()).isEqualTo(LocalDate.of(2025, 1, 1));
        assertThat(Period.year(2025).until()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Period.quarter(2025, 4).from()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(Period.quarter(2025, 4).until()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(Period.month(2024, 2).until()).isEqualTo(LocalDate.of(2024, 3, 1));
    }

    @Test
    void yearToDateOfAPublishedFigureEndsWithTheLastCompleteMonth() {
        Period ytd = Period.yearToDate(LocalDate.of(2026, 12, 1), true);
        assertThat(ytd.from()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(ytd.until()).isEqualTo(LocalDate.of(2026, 12, 1));
        assertThat(ytd.code()).isEqualTo("2026-YTD-11");
        // in January, the last complete month is December of last year
        assertThat(Period.yearToDate(LocalDate.of(2027, 1, 15), true).until()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(Period.yearToDate(LocalDate.of(2027, 1, 15), true).year()).isEqualTo(2026);
    }

    @Test
    void yearToDateOfOnesOwnWorkRunsThroughToday() {
        Period ytd = Period.yearToDate(LocalDate.of(2026, 12, 1), false);
        assertThat(ytd.until()).isEqualTo(LocalDate.of(2026, 12, 2));
    }

    @Test
    void theSamePeriodYearsBeforeKeepsItsMonthsAndFebruaryEndsOnThe28th() {
        Period ytd = Period.yearToDate(LocalDate.of(2028, 2, 29), false);
        Period before = ytd.yearsBefore(1);
        assertThat(before.from()).isEqualTo(LocalDate.of(2027, 1, 1));
        assertThat(before.until()).isEqualTo(LocalDate.of(2027, 3, 1));
        assertThat(Period.quarter(2026, 2).yearsBefore(9)).isEqualTo(Period.quarter(2017, 2));
    }

    @Test
    void anImpossiblePeriodIsRefused() {
        assertThatThrownBy(() -> Period.quarter(2025, 5)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Period.month(2025, 0)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> Period.year(1999)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void ageGroupsFollowThePublishedBands() {
        assertThat(AgeGroup.of(13)).isEqualTo(AgeGroup.A0_13);
        assertThat(AgeGroup.of(14)).isEqualTo(AgeGroup.A14_17);
        assertThat(AgeGroup.of(18)).isEqualTo(AgeGroup.A18_29);
        assertThat(AgeGroup.of(44)).isEqualTo(AgeGroup.A30_44);
        assertThat(AgeGroup.of(59)).isEqualTo(AgeGroup.A45_59);
        assertThat(AgeGroup.of(60)).isEqualTo(AgeGroup.A60_PLUS);
        assertThat(AgeGroup.of(null)).isEqualTo(AgeGroup.UNKNOWN);
    }
}
