package kz.qorgau.shared;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

import java.time.Clock;
import java.time.ZoneId;

/** Dates of the domain (the year of a case number, "today") are those of Kazakhstan, one time zone since 2024. */
@ApplicationScoped
public class Clocks {

    public static final ZoneId KAZAKHSTAN = ZoneId.of("Asia/Almaty");

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.system(KAZAKHSTAN);
    }
}
