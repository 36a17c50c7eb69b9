package kz.qorgau.protection;

import java.time.LocalDate;
import java.util.Objects;

/**
 * Who a protective order is issued to, as written on the order. The birth date is required because the age limit is
 * checked against it; the patronymic is null when the person has none.
 */
public record Perpetrator(String familyName, String givenName, String patronymic, LocalDate birthDate) {

    public Perpetrator {
        familyName = requireText(familyName, "familyName");
        givenName = requireText(givenName, "givenName");
        patronymic = patronymic == null || patronymic.isBlank() ? null : patronymic.strip();
        Objects.requireNonNull(birthDate, "birthDate");
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
    }
}
