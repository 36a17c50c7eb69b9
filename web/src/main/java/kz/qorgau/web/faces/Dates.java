package kz.qorgau.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import kz.qorgau.shared.Clocks;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/** Dates and moments as people in Kazakhstan read them. */
@Named
@ApplicationScoped
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String moment(Instant instant) {
        return instant == null ? "" : MOMENT.format(instant.atZone(Clocks.KAZAKHSTAN));
    }

    public LocalDate getToday() {
        return LocalDate.now(Clocks.KAZAKHSTAN);
    }
}
