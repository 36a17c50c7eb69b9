package kz.qorgau.statistics;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ReportFreshnessTest {

    private static final Instant COMPUTED = Instant.parse("2026-12-02T09:00:00Z");

    private static Report readCurrentTo(Instant currentTo) {
        return new Report(null, List.of(List.of()), List.of(), new Report.Cell[0][0], null, new Report.Cell[0], null,
                false, COMPUTED, currentTo);
    }

    @Test
    void figuresFromThePrimaryOrAStandbyWithinAMinuteAreCurrent() {
        assertEquals(Optional.empty(), readCurrentTo(COMPUTED).behind());
        assertEquals(Optional.empty(), readCurrentTo(COMPUTED.minusSeconds(60)).behind());
    }

    @Test
    void aStandbyMoreThanAMinuteBehindIsTold() {
        assertEquals(Optional.of(Duration.ofSeconds(61)), readCurrentTo(COMPUTED.minusSeconds(61)).behind());
        assertEquals(Optional.of(Duration.ofMinutes(42)), readCurrentTo(COMPUTED.minusSeconds(42 * 60)).behind());
    }
}
