package kz.qorgau.shared;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.validation.ClockProvider;

import java.time.Clock;

/**
 * Bean Validation's "now" ({@code @Past}, {@code @PastOrPresent}) is the domain's clock, so that a date typed at
 * 02:00 in Almaty is today, not tomorrow as on a server running on UTC, and a test that sets the clock sets it for
 * validation too. Named in {@code META-INF/validation.xml}; the validation provider creates it, so the clock is
 * asked of CDI each time, and is Kazakhstan's system clock where there is no CDI (unit tests).
 */
public class KazakhstanClock implements ClockProvider {

    @Override
    public Clock getClock() {
        try {
            return CDI.current().select(Clock.class).get();
        } catch (RuntimeException noContainer) {
            return Clock.system(Clocks.KAZAKHSTAN);
        }
    }
}
