package kz.qorgau.casefile;

import kz.qorgau.breakglass.BreakGlassAccess;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BreakGlassAccessTest {

    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    @Test
    void lastsFourHoursAndNoLonger() {
        BreakGlassAccess access = new BreakGlassAccess(1L, "nurlan", "ALM-SPD", "ALM", "Угроза жизни, полиция запросила", NOW);
        assertThat(access.activeAt(NOW)).isTrue();
        assertThat(access.activeAt(NOW.plusSeconds(4 * 3600 - 1))).isTrue();
        assertThat(access.activeAt(NOW.plusSeconds(4 * 3600))).isFalse();
        assertThat(access.activeAt(NOW.minusSeconds(1))).isFalse();
    }

    @Test
    void needsAWrittenReason() {
        assertThatThrownBy(() -> new BreakGlassAccess(1L, "nurlan", "ALM-SPD", "ALM", "   срочно  ", NOW))
                .hasMessage("breakGlass.reason.required");
        assertThatThrownBy(() -> new BreakGlassAccess(1L, "nurlan", "ALM-SPD", "ALM", null, NOW))
                .hasMessage("breakGlass.reason.required");
    }
}
