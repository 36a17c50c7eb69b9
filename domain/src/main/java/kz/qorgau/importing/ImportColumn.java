package kz.qorgau.importing;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of the import template, by their header in the file's first row (any order, any case). The victim's,
 * the case's and its first incident's columns must be present, a cell empty where intake lets the field be empty; the
 * legal article and the two groups of what followed — a protective order, and a referral with the service delivered
 * under it — may be left out of the file altogether, or left empty in a row that has none.
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
    LEGAL_ARTICLE("legal_article", false),
    ORDER_NUMBER("order_number", false),
    ORDER_ISSUED_ON("order_issued_on", true),
    ORDER_POLICE_UNIT("order_police_unit", false),
    ORDER_OFFICER("order_officer", false),
    ORDER_PROHIBITIONS("order_prohibitions", false),
    PERPETRATOR_FAMILY_NAME("perpetrator_family_name", false),
    PERPETRATOR_GIVEN_NAME("perpetrator_given_name", false),
    PERPETRATOR_BIRTH_DATE("perpetrator_birth_date", true),
    REFERRAL_SERVICE("referral_service", false),
    REFERRAL_PROVIDER("referral_provider", false),
    DISCLOSURE_CONSENT_ON("disclosure_consent_on", true),
    REFERRAL_SENT_ON("referral_sent_on", true),
    SERVICE_DELIVERED_ON("service_delivered_on", true),
    SERVICE_HOURS("service_hours", false);

    /** A protective order known to the worker: all of these, or none. */
    public static final List<ImportColumn> ORDER = List.of(ORDER_NUMBER, ORDER_ISSUED_ON, ORDER_POLICE_UNIT,
            ORDER_OFFICER, ORDER_PROHIBITIONS, PERPETRATOR_FAMILY_NAME, PERPETRATOR_GIVEN_NAME, PERPETRATOR_BIRTH_DATE);

    /** A referral made and the service delivered under it: all of these, or none. */
    public static final List<ImportColumn> REFERRAL = List.of(REFERRAL_SERVICE, REFERRAL_PROVIDER, DISCLOSURE_CONSENT_ON,
            REFERRAL_SENT_ON, SERVICE_DELIVERED_ON, SERVICE_HOURS);

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

    /**
     * The legal article may be left out of the template altogether (legacy records often have none), and so may the
     * order's and the referral's columns.
     */
    public boolean required() {
        return compareTo(LEGAL_ARTICLE) < 0;
    }

    public static Optional<ImportColumn> ofHeader(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(c -> c.header.equals(wanted)).findFirst();
    }
}
