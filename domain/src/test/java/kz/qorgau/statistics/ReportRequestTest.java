package kz.qorgau.statistics;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportRequestTest {

    private static ReportRequest request(Figure figure, int years, List<Dimension> rows, Dimension column) {
        return new ReportRequest(figure, Period.year(2025), years, Area.NATIONAL, rows, Optional.ofNullable(column), false);
    }

    @Test
    void yearsSideBySideEndWithTheAskedPeriod() {
        ReportRequest r = request(Figure.VICTIMS_ASSISTED, 3, List.of(Dimension.REGION), null);
        assertThat(r.periods()).containsExactly(Period.year(2023), Period.year(2024), Period.year(2025));
    }

    @Test
    void aBreakdownMustApplyToItsFigure() {
        assertThatThrownBy(() -> request(Figure.ORDERS_ISSUED, 1, List.of(Dimension.SERVICE_TYPE), null))
                .isInstanceOf(InvalidInputException.class).hasFieldOrPropertyWithValue("messageKeys", List.of("statistics.dimension.notApplicable"));
        assertThat(request(Figure.REFERRALS, 1, List.of(Dimension.SERVICE_TYPE), Dimension.REFERRAL_OUTCOME).rows())
                .containsExactly(Dimension.SERVICE_TYPE);
    }

    @Test
    void shapesThatCannotBeShownAreRefused() {
        assertThatThrownBy(() -> request(Figure.NEW_CASES, 11, List.of(), null)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> request(Figure.NEW_CASES, 2, List.of(Dimension.REGION), Dimension.SEX)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> request(Figure.NEW_CASES, 1, List.of(Dimension.SEX), Dimension.SEX)).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> request(Figure.NEW_CASES, 1,
                List.of(Dimension.SEX, Dimension.REGION, Dimension.AGE_GROUP, Dimension.CASE_KIND), null)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theAuditDetailNamesReportAreaAndPeriodInSixtyCharacters() {
        ReportRequest r = new ReportRequest(Figure.PSYCHOCORRECTION_NON_COMPLIANT, Period.yearToDate(java.time.LocalDate.of(2026, 11, 3), false),
                10, Area.organisation("ALM-CC-EXTRA-LONG-1"), List.of(), Optional.empty(), true);
        assertThat(r.auditDetail()).hasSizeLessThanOrEqualTo(60).startsWith("PSYCHOCORRECTION_NON_COMPLIANT O:ALM-CC");
    }

    /** A request is kept in the statistics page's view, which the cluster replicates: it must come back equal. */
    @Test
    void aRequestSerialisesWithItsColumnAndWithout() throws Exception {
        for (ReportRequest r : List.of(request(Figure.VICTIMS_ASSISTED, 1, List.of(Dimension.REGION), Dimension.SEX),
                request(Figure.VICTIMS_ASSISTED, 3, List.of(Dimension.REGION), null))) {
            java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
            try (java.io.ObjectOutputStream out = new java.io.ObjectOutputStream(bytes)) {
                out.writeObject(r);
            }
            try (java.io.ObjectInputStream in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
                assertThat(in.readObject()).isEqualTo(r);
            }
        }
    }
}
