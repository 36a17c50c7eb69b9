package kz.qorgau.web.faces;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Named;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Numbers as the page's language writes them: 1 234,5 in Kazakh and Russian (a narrow no-break space between the
 * thousands, as the standards of both write it, so that a figure never breaks across lines), 1,234.5 in English.
 * Counts show no fraction; hours, shares and changes one or two digits at most, and no trailing zeros.
 */
@Named
@ApplicationScoped
public class Numbers {

    /** U+202F NARROW NO-BREAK SPACE. */
    public static final char THOUSANDS_KK_RU = '\u202F';

    /** A count in the page's language: 12 345. */
    public String count(Number value) {
        return format(value, pageLocale(), 0);
    }

    /** A value with up to two decimals in the page's language: 1,5 hours; 12 345,25. */
    public String decimal(Number value) {
        return format(value, pageLocale(), 2);
    }

    /** The value as the locale writes it, with at most so many fraction digits (rounded half up); "" for none. */
    public static String format(Number value, Locale locale, int maxFractionDigits) {
        if (value == null) {
            return "";
        }
        DecimalFormat format = new DecimalFormat("#,##0", symbols(locale));
        format.setMaximumFractionDigits(maxFractionDigits);
        format.setRoundingMode(RoundingMode.HALF_UP);
        format.setParseBigDecimal(true);
        return format.format(value instanceof BigDecimal big ? big : new BigDecimal(value.toString()));
    }

    private static DecimalFormatSymbols symbols(Locale locale) {
        if (locale != null && "en".equals(locale.getLanguage())) {
            return DecimalFormatSymbols.getInstance(Locale.ENGLISH);
        }
        // Java's own data for ru and kk group with a wide no-break space; the narrow one is what typography asks for
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.forLanguageTag("ru"));
        symbols.setGroupingSeparator(THOUSANDS_KK_RU);
        symbols.setDecimalSeparator(',');
        return symbols;
    }

    private static Locale pageLocale() {
        FacesContext faces = FacesContext.getCurrentInstance();
        return faces == null || faces.getViewRoot() == null ? Locale.forLanguageTag("ru") : faces.getViewRoot().getLocale();
    }
}
