package kz.qorgau.it;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Produces;
import jakarta.interceptor.Interceptor;
import kz.qorgau.shared.Clocks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

/**
 * The domain's one clock, settable by a test inside the container: a fixture of past years is built through the
 * services as the people would have built it on those days. Unset, it is the real time.
 */
@Alternative
@Priority(Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class TestClock {

    private static volatile Instant fixed;

    /** From now on it is this day, at ten in the morning in Kazakhstan. */
    static void set(LocalDate day) {
        fixed = day.atTime(10, 0).atZone(Clocks.KAZAKHSTAN).toInstant();
    }

    /** From now on it is this moment. */
    static void set(Instant moment) {
        fixed = moment;
    }

    static void reset() {
        fixed = null;
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return new Clock() {
            @Override
            public ZoneId getZone() {
                return Clocks.KAZAKHSTAN;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return Clock.fixed(instant(), zone);
            }

            @Override
            public Instant instant() {
                Instant f = fixed;
                return f != null ? f : Instant.now();
            }
        };
    }
}
