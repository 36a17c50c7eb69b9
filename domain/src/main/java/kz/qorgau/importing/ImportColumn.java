package kz.qorgau.importing;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the import template, by their header in the file's first row (any order, any case). Every column but
 * the legal article must be present; a cell may be empty where intake lets the field be empty.
 */
public enum ImportColumn {
    LEGACY_ID("legacy_id", false),
    FAMILY_NAME("family_name", false),
    GIVEN_NAME("given_name", false),
    PATRONYMIC("patronymic", false),
    BIRTH_DATE("birth_date", true),
    SEX("sex", false),
    CITIZENSHIP("citizenship", false),
    IIN("iin", false),
    REGION("region", false),
    KIND("kind", false),
    OPENED_ON("opened_on", true),
    INCIDENT_DATE("incident_date", true),
    INCIDENT_TYPE("incident_type", false),
    LEGAL_ARTICLE("legal_article", false);

    private final String header;
    private final boolean date;

    ImportColumn(String header, boolean date) {
        this.header = header;
        this.date = date;
    }

    public String header() {
        return header;
    }

    /** Dates are written YYYY-MM-DD (or DD.MM.YYYY); a spreadsheet's own date cells are read as dates too. */
    public boolean isDate() {
        return date;
    }

    /** The legal article may be left out of the template altogether: legacy records often have none. */
    public boolean required() {
        return this != LEGAL_ARTICLE;
    }

    public static Optional<ImportColumn> ofHeader(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }
}
