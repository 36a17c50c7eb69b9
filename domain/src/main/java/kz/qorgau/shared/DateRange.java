package kz.qorgau.shared;

import java.time.LocalDate;
import java.util.Optional;

/** Days from–to, both inclusive and each optional, as a list filters by them; "to" before "from" is refused. */
public record DateRange(LocalDate from, LocalDate to) implements java.io.Serializable {

    public static final DateRange ANY = new DateRange(null, null);

    public DateRange {
        if (from != null && to != null && to.isBefore(from)) {
            throw new InvalidInputException("list.period.reversed");
        }
    }

    public Optional<LocalDate> start() {
        return Optional.ofNullable(from);
    }

    public Optional<LocalDate> end() {
        return Optional.ofNullable(to);
    }

    public boolean isAny() {
        return from == null && to == null;
    }
}
