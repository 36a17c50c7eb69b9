package kz.qorgau.casefile;

import java.io.Serializable;
import java.util.Objects;
import java.util.regex.Pattern;

/** The readable number of a case file: region code, year of opening, and a sequence per region and year. */
public record CaseNumber(String regionCode, int year, long sequence) implements Serializable {

    private static final Pattern FORMAT = Pattern.compile("([A-Z]{3})-(\\d{4})-(\\d{6,})");

    public CaseNumber {
        Objects.requireNonNull(regionCode, "regionCode");
        if (!regionCode.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("region code must be three capital letters");
        }
        if (year < 2000 || year > 9999) {
            throw new IllegalArgumentException("year out of range: " + year);
        }
        if (sequence < 1) {
            throw new IllegalArgumentException("sequence starts at 1");
        }
    }

    public static CaseNumber parse(String text) {
        var m = FORMAT.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("not a case number");
        }
        return new CaseNumber(m.group(1), Integer.parseInt(m.group(2)), Long.parseLong(m.group(3)));
    }

    @Override
    public String toString() {
        return "%s-%d-%06d".formatted(regionCode, year, sequence);
    }
}
