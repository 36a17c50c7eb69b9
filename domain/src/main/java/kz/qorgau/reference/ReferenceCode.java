package kz.qorgau.reference;

import kz.qorgau.shared.InvalidInputException;

import java.util.regex.Pattern;

/**
 * The code of an organisation or legal article: upper-case Latin letters and digits in groups joined by single
 * dashes ({@code ALM-CC}, {@code UK-108-1}). Codes travel in Keycloak claims and on every record that points at
 * them, so they are checked as typed and never changed afterwards; the input is not upper-cased silently, so that
 * what the admin sees is what a claim must carry.
 */
public final class ReferenceCode {

    /** The columns that hold codes are {@code varchar(20)}. */
    public static final int MAX_LENGTH = 20;

    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9]+(-[A-Z0-9]+)*");

    private ReferenceCode() {
    }

    /** The code without surrounding blanks, or a refusal that says how a code looks. */
    public static String checked(String code) {
        String stripped = code == null ? "" : code.strip();
        if (stripped.length() < 2 || stripped.length() > MAX_LENGTH || !FORMAT.matcher(stripped).matches()) {
            throw new InvalidInputException("reference.code.format");
        }
        return stripped;
    }

    /** A required text of reference data: stripped, not blank, at most {@code max} characters. */
    static String requiredText(String text, int max, String refusal) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.isEmpty() || stripped.length() > max) {
            throw new InvalidInputException(refusal);
        }
        return stripped;
    }

    /** An optional text: empty becomes absent. */
    static String optionalText(String text, int max, String refusal) {
        String stripped = text == null ? "" : text.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(refusal);
        }
        return stripped.isEmpty() ? null : stripped;
    }
}
