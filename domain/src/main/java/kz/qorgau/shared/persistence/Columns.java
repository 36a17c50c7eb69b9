package kz.qorgau.shared.persistence;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;

/** Values of native query columns as the domain's types, whichever JDBC type the driver chose for them. */
public final class Columns {

    private Columns() {
    }

    public static LocalDate day(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Date d) {
            return d.toLocalDate();
        }
        if (value instanceof LocalDate d) {
            return d;
        }
        throw new IllegalStateException("a day of an unexpected type: " + value.getClass().getName());
    }

    public static Instant moment(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof java.sql.Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant();
        }
        if (value instanceof Instant t) {
            return t;
        }
        throw new IllegalStateException("a time of an unexpected type: " + value.getClass().getName());
    }
}
