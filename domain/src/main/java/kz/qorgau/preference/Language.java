package kz.qorgau.preference;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The languages Qorgau speaks; Russian is the default, as for most of its users. */
public enum Language {
    KAZAKH("kk"),
    RUSSIAN("ru"),
    ENGLISH("en");

    public static final Language DEFAULT = RUSSIAN;

    private final String code;

    Language(String code) {
        this.code = code;
    }

    /** The ISO 639-1 code, as stored and as the pages and Keycloak know it. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    /** The language of this code, if Qorgau speaks it; anything else (null, "de", "kk-x") is none. */
    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equals(code)).findFirst();
    }
}
