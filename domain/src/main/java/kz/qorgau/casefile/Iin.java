package kz.qorgau.casefile;

import kz.qorgau.shared.InvalidInputException;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The individual identification number (ИИН/ЖСН): 12 digits, the first six the date of birth (YYMMDD), the seventh
 * the century and sex, the last a check digit. A mistyped digit is caught by the check digit and refused.
 */
public record Iin(String value) {

    private static final int[] FIRST_WEIGHTS = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
    private static final int[] SECOND_WEIGHTS = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};

    public Iin {
        if (value == null || !value.matches("\\d{12}")) {
            throw new InvalidInputException("person.iin.format");
        }
        if (checkDigit(value) != value.charAt(11) - '0') {
            throw new InvalidInputException("person.iin.checkDigit");
        }
    }

    /** Null or blank means "no IIN" (foreigners, people who do not know it). */
    public static Optional<Iin> ofNullable(String text) {
        return text == null || text.isBlank() ? Optional.empty() : Optional.of(new Iin(text.strip()));
    }

    /** The check digit of the first eleven digits, or -1 when no digit fits (such numbers are never issued). */
    static int checkDigit(String digits) {
        int check = weightedSum(digits, FIRST_WEIGHTS) % 11;
        if (check == 10) {
            check = weightedSum(digits, SECOND_WEIGHTS) % 11;
        }
        return check == 10 ? -1 : check;
    }

    private static int weightedSum(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < 11; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }

    /** Birth date and sex encoded in the number, when the seventh digit is one of the six defined codes. */
    public Optional<LocalDate> birthDate() {
        int code = value.charAt(6) - '0';
        if (code < 1 || code > 6) {
            return Optional.empty();
        }
        int century = 1700 + 100 * ((code + 1) / 2); // 1-2: 1800s, 3-4: 1900s, 5-6: 2000s
        try {
            return Optional.of(LocalDate.of(century + Integer.parseInt(value.substring(0, 2)),
                    Integer.parseInt(value.substring(2, 4)), Integer.parseInt(value.substring(4, 6))));
        } catch (DateTimeException notADate) {
            return Optional.empty();
        }
    }

    public Optional<Sex> sex() {
        int code = value.charAt(6) - '0';
        if (code < 1 || code > 6) {
            return Optional.empty();
        }
        return Optional.of(code % 2 == 1 ? Sex.MALE : Sex.FEMALE);
    }

    @Override
    public String toString() {
        return value;
    }
}
