package kz.qorgau.shared;

import java.util.Optional;

/**
 * What a text must be before PostgreSQL stores it: no character PostgreSQL refuses (NUL) or a reader cannot see or
 * would be misled by (other control characters, lone surrogates, direction overrides that make a name read backwards
 * in a list), not only invisible characters, and no longer than its column. Line breaks and tabs are kept: notes and
 * plans have paragraphs.
 */
public final class Text {

    public static final String UNSTORABLE = "input.text.unstorable";
    public static final String INVISIBLE_ONLY = "input.text.invisibleOnly";
    public static final String TOO_LONG = "input.text.tooLong";

    private Text() {
    }

    /** The refusal's key for this value, or empty when it may be stored; {@code maxLength} null means unbounded. */
    public static Optional<String> problem(String value, Integer maxLength) {
        if (value == null || value.isEmpty()) {
            return Optional.empty();
        }
        boolean visible = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return Optional.of(UNSTORABLE);
                }
                int codePoint = value.codePointAt(i++);
                if (isNoncharacter(codePoint)) {
                    return Optional.of(UNSTORABLE);
                }
                visible = true;
                continue;
            }
            if (Character.isLowSurrogate(c) || isForbidden(c)) {
                return Optional.of(UNSTORABLE);
            }
            visible |= !isInvisible(c);
        }
        if (!visible) {
            return Optional.of(INVISIBLE_ONLY);
        }
        if (maxLength != null && value.codePointCount(0, value.length()) > maxLength) {
            return Optional.of(TOO_LONG);
        }
        return Optional.empty();
    }

    /** Refuses a text that may not be stored, with the reason's key. */
    public static String require(String value, Integer maxLength) {
        problem(value, maxLength).ifPresent(key -> {
            throw new InvalidInputException(key);
        });
        return value;
    }

    /** True when nothing would be left of the value once whitespace and invisible characters are removed. */
    public static boolean isBlankOnceInvisibleRemoved(String value) {
        return value == null || value.codePoints().allMatch(cp -> cp < Character.MIN_SUPPLEMENTARY_CODE_POINT && isInvisible((char) cp));
    }

    private static boolean isForbidden(char c) {
        if (c == '\n' || c == '\r' || c == '\t') {
            return false;
        }
        return Character.isISOControl(c)                 // NUL, C0 and C1 controls, DEL
                || (c >= '\u202A' && c <= '\u202E')      // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069')      // isolates
                || c == '\uFFFE' || c == '\uFFFF' || (c >= '\uFDD0' && c <= '\uFDEF');
    }

    private static boolean isNoncharacter(int codePoint) {
        return (codePoint & 0xFFFE) == 0xFFFE;
    }

    /** Whitespace and the characters that take no room: zero-width spaces and joiners, marks, soft hyphen, BOM. */
    private static boolean isInvisible(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c)
                || c == '\u00AD' || c == '\u034F' || c == '\u061C' || c == '\u115F' || c == '\u1160' || c == '\u17B4'
                || c == '\u17B5' || c == '\u180E' || (c >= '\u200B' && c <= '\u200F') || (c >= '\u2060' && c <= '\u2064')
                || c == '\u3164' || c == '\uFEFF' || c == '\uFFA0' || (c >= '\uFE00' && c <= '\uFE0F');
    }
}
