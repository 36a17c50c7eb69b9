package kz.qorgau.web.statistics;

import kz.qorgau.reference.LegalArticle;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.reference.Region;
import kz.qorgau.statistics.Area;
import kz.qorgau.statistics.Dimension;
import kz.qorgau.statistics.Figure;
import kz.qorgau.statistics.Period;
import kz.qorgau.statistics.Report;
import kz.qorgau.web.faces.Numbers;

import java.text.MessageFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.function.Function;
import java.util.stream.Collectors;

import static kz.qorgau.shared.Clocks.KAZAKHSTAN;

/**
 * The words of a report in one language — figure, definition, period, area, row and column labels, the suppression
 * note — for the page, the files and the API alike, from the page bundle and reference data.
 */
public final class ReportTexts {

    private static final Map<Dimension, String> PREFIX = Map.ofEntries(
            Map.entry(Dimension.SEX, "sex."), Map.entry(Dimension.AGE_GROUP, "ageGroup."),
            Map.entry(Dimension.CITIZENSHIP, "citizenship."), Map.entry(Dimension.CASE_KIND, "kind."),
            Map.entry(Dimension.GBV_TYPE, "gbv."), Map.entry(Dimension.EXPLOITATION_TYPE, "exploitation."),
            Map.entry(Dimension.SERVICE_TYPE, "service."), Map.entry(Dimension.VIOLATION_CONSEQUENCE, "violation."),
            Map.entry(Dimension.REQUIREMENT, "statistics.requirement."), Map.entry(Dimension.REFERRAL_OUTCOME, "referralStatus."),
            Map.entry(Dimension.IDENTIFICATION_STATUS, "identification."), Map.entry(Dimension.MEANS_OF_CONTROL, "control."));

    private final ResourceBundle bundle;
    private final Locale locale;
    private final Map<String, String> regions;
    private final Function<String, String> organisationName;
    private final Function<String, String> articleName;

    public ReportTexts(Locale locale, ReferenceData reference) {
        this.locale = locale;
        this.bundle = ResourceBundle.getBundle("kz.qorgau.web.messages", locale);
        this.regions = reference.regions().stream().collect(Collectors.toMap(Region::code, r -> r.name(locale)));
        Map<String, String> organisations = reference.organisations().stream()
                .collect(Collectors.toMap(Organisation::code, Organisation::name));
        Map<String, String> articles = reference.legalArticles().stream()
                .collect(Collectors.toMap(LegalArticle::code, a -> a.legalCode() + " " + a.article()));
        this.organisationName = code -> organisations.getOrDefault(code, code);
        this.articleName = code -> articles.getOrDefault(code, code);
    }

    public Locale locale() {
        return locale;
    }

    public String text(String key, Object... arguments) {
        try {
            String pattern = bundle.getString(key);
            return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
        } catch (MissingResourceException e) {
            return key;
        }
    }

    public String figure(Figure figure) {
        return text("figure." + figure.name());
    }

    public String definition(Figure figure) {
        return text("figure." + figure.name() + ".definition");
    }

    public String dimension(Dimension dimension) {
        return text("dimension." + dimension.name());
    }

    public String value(Dimension dimension, String value) {
        if (Dimension.NONE.equals(value)) {
            return text("statistics.none");
        }
        return switch (dimension) {
            case REGION -> regions.getOrDefault(value, value);
            case ORGANISATION -> organisationName.apply(value);
            case LEGAL_ARTICLE -> articleName.apply(value);
            case COUNTRY_OF_EXPLOITATION -> new Locale("", value).getDisplayCountry(locale);
            default -> {
                String key = PREFIX.get(dimension) + value;
                yield bundle.containsKey(key) ? bundle.getString(key) : value;
            }
        };
    }

    public String area(Area area) {
        return switch (area.level()) {
            case NATIONAL -> text("statistics.area.national");
            case REGION -> regions.getOrDefault(area.code(), area.code());
            case ORGANISATION -> organisationName.apply(area.code());
        };
    }

    public String period(Period period) {
        return switch (period.kind()) {
            case YEAR -> text("statistics.period.label.YEAR", String.valueOf(period.year()));
            case QUARTER -> text("statistics.period.label.QUARTER", period.number(), String.valueOf(period.year()));
            case MONTH -> period.from().getMonth().getDisplayName(java.time.format.TextStyle.FULL_STANDALONE, locale)
                    + " " + period.year();
            case YEAR_TO_DATE -> text("statistics.period.label.YEAR_TO_DATE", String.valueOf(period.year()),
                    DateTimeFormatter.ofPattern("d MMM", locale).format(period.until().minusDays(1)));
        };
    }

    /** Periods compared, for a title: "2017–2026" style when years side by side. */
    public String periods(Report report) {
        List<Period> periods = report.request().periods();
        return periods.size() == 1 ? period(periods.get(0))
                : period(periods.get(0)) + " — " + period(periods.get(periods.size() - 1));
    }

    /** The label of a row: its dimensions' values joined. */
    public String row(Report report, int row) {
        List<String> key = report.rows().get(row);
        if (key.isEmpty()) {
            return text("statistics.all");
        }
        List<Dimension> dims = report.request().rows();
        StringBuilder label = new StringBuilder();
        for (int i = 0; i < key.size(); i++) {
            label.append(i == 0 ? "" : " · ").append(value(dims.get(i), key.get(i)));
        }
        return label.toString();
    }

    /** The label of a column: a year, a value of the column dimension, or the figure itself. */
    public String column(Report report, int column) {
        if (report.yearsSideBySide()) {
            return period(report.request().periods().get(column));
        }
        return report.request().column().map(d -> value(d, report.columns().get(column)))
                .orElse(figure(report.request().figure()));
    }

    public String rowHeader(Report report) {
        return report.request().rows().isEmpty() ? ""
                : report.request().rows().stream().map(this::dimension).collect(Collectors.joining(" · "));
    }

    /** Told only when the records counted are more than a minute behind, as a standby's can be. */
    public java.util.Optional<String> behind(Report report) {
        return report.behind().map(late -> text("statistics.note.behind", asOf(report),
                DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(report.currentTo().atZone(KAZAKHSTAN)),
                Long.toString(Math.max(1, late.toMinutes()))));
    }

    public String asOf(Report report) {
        return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale).format(report.asOf().atZone(KAZAKHSTAN));
    }

    /** What a reader must know to read the table right. */
    public List<String> notes(Report report) {
        List<String> notes = new java.util.ArrayList<>();
        notes.add(definition(report.request().figure()));
        if (report.request().figure().unit() == Figure.Unit.VICTIMS) {
            notes.add(text("statistics.note.distinct"));
        }
        if (report.request().rows().stream().anyMatch(Dimension::array)
                || report.request().column().filter(Dimension::array).isPresent()) {
            notes.add(text("statistics.note.multiple"));
        }
        if (report.protectedCells()) {
            notes.add(text("statistics.note.suppressed"));
        }
        notes.add(behind(report).orElseGet(() -> text("statistics.note.current", asOf(report))));
        return notes;
    }

    /** A cell as this language writes it: its number (1 234,5 or 1,234.5), or its suppression mark. */
    public String cell(Report.Cell cell) {
        return cell.value() == null ? cell.display() : Numbers.format(cell.value(), locale, 1);
    }

    public String change(java.math.BigDecimal change) {
        return (change.signum() > 0 ? "+" : "") + Numbers.format(change, locale, 1) + " %";
    }
}
