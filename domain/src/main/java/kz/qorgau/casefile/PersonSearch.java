package kz.qorgau.casefile;

import kz.qorgau.shared.InvalidInputException;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * What a social worker looks a person up by before intake: the IIN, or the family name, given name and date of
 * birth — the same two ways the model tells that two person records are one woman. Names compare without regard to
 * case or surrounding spaces; a search by name needs all three parts, so that a common family name alone lists nobody.
 */
public record PersonSearch(String iin, String familyName, String givenName, LocalDate birthDate) implements Serializable {

    public PersonSearch {
        iin = blank(iin) ? null : iin.strip();
        familyName = blank(familyName) ? null : familyName.strip();
        givenName = blank(givenName) ? null : givenName.strip();
    }

    /** The identifying fields of an intake form. */
    public static PersonSearch of(NewCaseFile form) {
        return new PersonSearch(form.getIin(), form.getFamilyName(), form.getGivenName(), form.getBirthDate());
    }

    public boolean byIin() {
        return iin != null;
    }

    public boolean byName() {
        return familyName != null && givenName != null && birthDate != null;
    }

    /** Refuses a search that could find nobody, or an IIN that cannot be one, before anything is asked of the database. */
    public PersonSearch checked() {
        if (!byIin() && !byName()) {
            throw new InvalidInputException("case.duplicates.criteriaRequired");
        }
        if (byIin()) {
            new Iin(iin);
        }
        return this;
    }

    /**
     * What of this search an earlier one did not cover, still to be asked: the IIN if it is new, the name and date of
     * birth if they differ. Empty when everything here was looked for already (or there is nothing to look for).
     */
    public Optional<PersonSearch> beyond(PersonSearch earlier) {
        boolean newIin = byIin() && (earlier == null || !iin.equals(earlier.iin));
        boolean newName = byName() && (earlier == null || !earlier.byName()
                || !normalisedFamilyName().equals(earlier.normalisedFamilyName())
                || !normalisedGivenName().equals(earlier.normalisedGivenName()) || !birthDate.equals(earlier.birthDate));
        if (!newIin && !newName) {
            return Optional.empty();
        }
        return Optional.of(new PersonSearch(newIin ? iin : null, newName ? familyName : null, newName ? givenName : null,
                newName ? birthDate : null));
    }

    /** The IIN as stored, or empty. */
    Optional<String> iinValue() {
        return Optional.ofNullable(iin);
    }

    /** Lower-cased as PostgreSQL's {@code lower()} does for the name indexes; empty when not searching by name. */
    String normalisedFamilyName() {
        return byName() ? familyName.toLowerCase(Locale.ROOT) : "";
    }

    String normalisedGivenName() {
        return byName() ? givenName.toLowerCase(Locale.ROOT) : "";
    }

    /** How the search was made, for the audit trail: never the IIN or name themselves. */
    public String criteria() {
        return byIin() && byName() ? "IIN+NAME" : byIin() ? "IIN" : "NAME";
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
