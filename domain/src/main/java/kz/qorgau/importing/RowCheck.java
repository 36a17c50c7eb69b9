package kz.qorgau.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.IntakeStep;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Sex;
import kz.qorgau.protection.Perpetrator;
import kz.qorgau.protection.Prohibition;
import kz.qorgau.protection.ProtectiveOrder;
import kz.qorgau.referral.ServiceReferral;
import kz.qorgau.referral.SpecialSocialService;
import kz.qorgau.shared.Text;
import kz.qorgau.shared.persistence.InputGuard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a row into the intake form it stands for and checks it under intake's own rules — the form's Bean Validation
 * and {@link NewCaseFile#refusals} for the person and the incident, the region and the article as {@link ImportRules}
 * answer — so that an imported case is refused exactly where a typed one would be. Only what intake does not know is
 * checked here: that a cell can be read (a date, a sex, a kind), the row key, the opening day, formulas. Each problem
 * names its column. Pure: no database, one row at a time.
 */
public final class RowCheck {

    public static final int MAX_LEGACY_ID = 100;

    private static final DateTimeFormatter RUSSIAN_DATE = DateTimeFormatter.ofPattern("dd.MM.uuuu");

    /** The form's properties, by the column that fills them. */
    private static final Map<String, ImportColumn> PROPERTY_COLUMNS = Map.ofEntries(
            Map.entry("familyName", ImportColumn.FAMILY_NAME), Map.entry("givenName", ImportColumn.GIVEN_NAME),
            Map.entry("patronymic", ImportColumn.PATRONYMIC), Map.entry("sex", ImportColumn.SEX),
            Map.entry("birthDate", ImportColumn.BIRTH_DATE), Map.entry("citizenship", ImportColumn.CITIZENSHIP),
            Map.entry("iin", ImportColumn.IIN), Map.entry("regionCode", ImportColumn.REGION),
            Map.entry("kind", ImportColumn.KIND), Map.entry("incidentDate", ImportColumn.INCIDENT_DATE),
            Map.entry("incidentType", ImportColumn.INCIDENT_TYPE), Map.entry("legalArticleCode", ImportColumn.LEGAL_ARTICLE));

    /** The model's refusal keys, by the column whose cell they are about. */
    private static final Map<String, ImportColumn> KEY_COLUMNS = Map.ofEntries(
            Map.entry("case.victim.familyName.required", ImportColumn.FAMILY_NAME),
            Map.entry("case.victim.givenName.required", ImportColumn.GIVEN_NAME),
            Map.entry("case.victim.sex.required", ImportColumn.SEX),
            Map.entry("case.victim.birthDate.future", ImportColumn.BIRTH_DATE),
            Map.entry("case.victim.ageOrBirthDate.required", ImportColumn.BIRTH_DATE),
            Map.entry("person.citizenship.unknown", ImportColumn.CITIZENSHIP),
            Map.entry("person.iin.format", ImportColumn.IIN),
            Map.entry("person.iin.checkDigit", ImportColumn.IIN),
            Map.entry("person.iin.birthDateMismatch", ImportColumn.IIN),
            Map.entry("person.iin.sexMismatch", ImportColumn.IIN),
            Map.entry("case.region.required", ImportColumn.REGION),
            Map.entry("case.region.unknown", ImportColumn.REGION),
            Map.entry("case.region.notOwn", ImportColumn.REGION),
            Map.entry("case.kind.required", ImportColumn.KIND),
            Map.entry("case.incident.date.required", ImportColumn.INCIDENT_DATE),
            Map.entry("case.incident.date.future", ImportColumn.INCIDENT_DATE),
            Map.entry("case.incident.date.beforeBirth", ImportColumn.INCIDENT_DATE),
            Map.entry("case.incident.type.required", ImportColumn.INCIDENT_TYPE),
            Map.entry("incident.legalArticle.unknown", ImportColumn.LEGAL_ARTICLE));

    private static final List<ImportColumn> TEXTS = List.of(ImportColumn.LEGACY_ID, ImportColumn.FAMILY_NAME,
            ImportColumn.GIVEN_NAME, ImportColumn.PATRONYMIC, ImportColumn.ORDER_NUMBER, ImportColumn.ORDER_OFFICER,
            ImportColumn.PERPETRATOR_FAMILY_NAME, ImportColumn.PERPETRATOR_GIVEN_NAME);

    /** The widest text each column of an order may hold (the order's own columns). */
    private static final Map<ImportColumn, Integer> ORDER_TEXT_WIDTHS = Map.of(ImportColumn.ORDER_NUMBER, 50,
            ImportColumn.ORDER_OFFICER, 100, ImportColumn.PERPETRATOR_FAMILY_NAME, 100,
            ImportColumn.PERPETRATOR_GIVEN_NAME, 100);

    /** The order's refusal keys, by the column whose cell they are about. */
    private static final Map<String, ImportColumn> ORDER_KEY_COLUMNS = Map.of(
            "order.issueDate.future", ImportColumn.ORDER_ISSUED_ON,
            "order.perpetrator.tooYoung", ImportColumn.PERPETRATOR_BIRTH_DATE,
            "order.prohibitions.required", ImportColumn.ORDER_PROHIBITIONS);

    private final Validator validator;
    private final ImportRules rules;
    private final LocalDate today;

    public RowCheck(Validator validator, ImportRules rules, LocalDate today) {
        this.validator = validator;
        this.rules = rules;
        this.today = today;
    }

    public CheckedRow check(RawRow raw) {
        Problems problems = new Problems(raw.number());
        for (ImportColumn column : raw.formulas()) {
            problems.add(column, "import.cell.formula");
        }
        NewCaseFile form = new NewCaseFile();
        form.setCitizenship(null); // intake's "KZ" by default is a choice on a page; a file says it or leaves it empty
        form.setKind(null);
        String legacyId = text(raw, ImportColumn.LEGACY_ID, problems);
        if (legacyId == null) {
            problems.add(ImportColumn.LEGACY_ID, "import.legacyId.required");
        } else if (legacyId.length() > MAX_LEGACY_ID) {
            problems.add(ImportColumn.LEGACY_ID, "import.legacyId.tooLong", String.valueOf(MAX_LEGACY_ID));
        }
        for (ImportColumn column : TEXTS) {
            String value = raw.get(column);
            if (value != null && !raw.formulas().contains(column)) {
                Text.problem(value, null).ifPresent(key -> problems.add(column, key));
            }
        }
        form.setFamilyName(text(raw, ImportColumn.FAMILY_NAME, problems));
        form.setGivenName(text(raw, ImportColumn.GIVEN_NAME, problems));
        form.setPatronymic(text(raw, ImportColumn.PATRONYMIC, problems));
        form.setBirthDate(date(raw, ImportColumn.BIRTH_DATE, problems));
        form.setSex(choice(raw, ImportColumn.SEX, problems, RowCheck::sex, "FEMALE, MALE"));
        form.setCitizenship(upper(text(raw, ImportColumn.CITIZENSHIP, problems)));
        form.setIin(text(raw, ImportColumn.IIN, problems));
        form.setRegionCode(upper(text(raw, ImportColumn.REGION, problems)));
        form.setKind(choice(raw, ImportColumn.KIND, problems, v -> enumValue(CaseKind.class, v), names(CaseKind.values())));
        LocalDate openedOn = date(raw, ImportColumn.OPENED_ON, problems);
        form.setIncidentDate(date(raw, ImportColumn.INCIDENT_DATE, problems));
        form.setIncidentType(choice(raw, ImportColumn.INCIDENT_TYPE, problems, v -> enumValue(GbvType.class, v),
                names(GbvType.values())));
        form.setLegalArticleCode(text(raw, ImportColumn.LEGAL_ARTICLE, problems));

        // intake's own rules, each refusal placed in its column; a cell already refused is not refused twice
        for (ConstraintViolation<NewCaseFile> violation : validator.validate(form)) {
            ImportColumn column = PROPERTY_COLUMNS.get(violation.getPropertyPath().toString());
            problems.addUnlessTold(column, key(violation.getMessageTemplate()));
        }
        for (IntakeStep step : List.of(IntakeStep.PERSON, IntakeStep.INCIDENT)) {
            for (String key : form.refusals(step, today)) {
                problems.addUnlessTold(KEY_COLUMNS.get(key), key);
            }
        }
        if (form.getRegionCode() != null) {
            rules.regionRefusal(form.getRegionCode()).ifPresent(key -> problems.addUnlessTold(ImportColumn.REGION, key));
        }
        if (form.getLegalArticleCode() != null) {
            rules.legalArticleRefusal(form.getLegalArticleCode())
                    .ifPresent(key -> problems.addUnlessTold(ImportColumn.LEGAL_ARTICLE, key));
        }
        if (openedOn == null && !problems.toldAbout(ImportColumn.OPENED_ON)) {
            problems.add(ImportColumn.OPENED_ON, "import.openedOn.required");
        } else if (openedOn != null && openedOn.isAfter(today)) {
            problems.add(ImportColumn.OPENED_ON, "import.openedOn.future");
        } else if (openedOn != null && form.getIncidentDate() != null && !problems.toldAbout(ImportColumn.INCIDENT_DATE)
                && openedOn.isBefore(form.getIncidentDate())) {
            problems.add(ImportColumn.OPENED_ON, "import.openedOn.beforeIncident");
        }
        OrderRecord order = anyFilled(raw, ImportColumn.ORDER) ? order(raw, problems) : null;
        ReferralRecord referral = anyFilled(raw, ImportColumn.REFERRAL) ? referral(raw, openedOn, problems) : null;
        return new CheckedRow(raw.number(), legacyId, form, openedOn, order, referral, problems.list);
    }

    /** A protective order of the row, under the rules of issuing one; null while a cell of it is missing or wrong. */
    private OrderRecord order(RawRow raw, Problems problems) {
        requireAll(raw, ImportColumn.ORDER, "import.order.incomplete", problems);
        ORDER_TEXT_WIDTHS.forEach((column, width) -> {
            String value = text(raw, column, problems);
            if (value != null && value.length() > width) {
                problems.add(column, "import.value.tooLong", String.valueOf(width));
            }
        });
        String number = text(raw, ImportColumn.ORDER_NUMBER, problems);
        LocalDate issuedOn = date(raw, ImportColumn.ORDER_ISSUED_ON, problems);
        String unit = upper(text(raw, ImportColumn.ORDER_POLICE_UNIT, problems));
        if (unit != null) {
            rules.policeUnitRefusal(unit).ifPresent(key -> problems.addUnlessTold(ImportColumn.ORDER_POLICE_UNIT, key));
        }
        Set<Prohibition> prohibitions = EnumSet.noneOf(Prohibition.class);
        String listed = text(raw, ImportColumn.ORDER_PROHIBITIONS, problems);
        boolean unknown = false;
        for (String name : listed == null ? new String[0] : listed.split("[,;\\s]+")) {
            Optional<Prohibition> prohibition = enumValue(Prohibition.class, name);
            prohibition.ifPresent(prohibitions::add);
            unknown |= prohibition.isEmpty();
        }
        if (unknown) {
            problems.add(ImportColumn.ORDER_PROHIBITIONS, "import.value.oneOf", names(Prohibition.values()));
        }
        LocalDate born = date(raw, ImportColumn.PERPETRATOR_BIRTH_DATE, problems);
        if (issuedOn != null && born != null) {
            for (String key : ProtectiveOrder.refusals(issuedOn, born, prohibitions, today)) {
                problems.addUnlessTold(ORDER_KEY_COLUMNS.get(key), key);
            }
        }
        if (ImportColumn.ORDER.stream().anyMatch(problems::toldAbout)) {
            return null;
        }
        Perpetrator perpetrator = new Perpetrator(text(raw, ImportColumn.PERPETRATOR_FAMILY_NAME, problems),
                text(raw, ImportColumn.PERPETRATOR_GIVEN_NAME, problems), null, born);
        return new OrderRecord(number, issuedOn, unit, text(raw, ImportColumn.ORDER_OFFICER, problems), perpetrator,
                prohibitions);
    }

    /**
     * A referral of the row with the service delivered under it, under the rules of sending one (consent to disclosure
     * first) and of recording a delivery; null while a cell of it is missing or wrong.
     */
    private ReferralRecord referral(RawRow raw, LocalDate openedOn, Problems problems) {
        requireAll(raw, ImportColumn.REFERRAL, "import.referral.incomplete", problems);
        SpecialSocialService service = choice(raw, ImportColumn.REFERRAL_SERVICE, problems,
                v -> enumValue(SpecialSocialService.class, v), names(SpecialSocialService.values()));
        String provider = upper(text(raw, ImportColumn.REFERRAL_PROVIDER, problems));
        if (provider != null) {
            rules.providerRefusal(provider).ifPresent(key -> problems.addUnlessTold(ImportColumn.REFERRAL_PROVIDER, key));
        }
        LocalDate consentOn = date(raw, ImportColumn.DISCLOSURE_CONSENT_ON, problems);
        LocalDate sentOn = date(raw, ImportColumn.REFERRAL_SENT_ON, problems);
        LocalDate deliveredOn = date(raw, ImportColumn.SERVICE_DELIVERED_ON, problems);
        BigDecimal hours = hours(raw, problems);
        if (sentOn != null) {
            if (sentOn.isAfter(today)) {
                problems.add(ImportColumn.REFERRAL_SENT_ON, "import.referralSentOn.future");
            } else if (openedOn != null && sentOn.isBefore(openedOn)) {
                problems.add(ImportColumn.REFERRAL_SENT_ON, "import.referralSentOn.beforeOpened");
            }
            if (consentOn != null && consentOn.isAfter(sentOn)) {
                problems.add(ImportColumn.DISCLOSURE_CONSENT_ON, "import.consentOn.afterSent");
            }
            if (deliveredOn != null && hours != null) {
                for (String key : ServiceReferral.deliveryRefusals(deliveredOn, hours, sentOn, today)) {
                    problems.addUnlessTold(key.contains(".hours.") ? ImportColumn.SERVICE_HOURS
                            : ImportColumn.SERVICE_DELIVERED_ON, key);
                }
            }
        }
        if (ImportColumn.REFERRAL.stream().anyMatch(problems::toldAbout)) {
            return null;
        }
        return new ReferralRecord(service, provider, consentOn, sentOn, deliveredOn, hours);
    }

    /** Hours as a spreadsheet writes them: 1.5 or 1,5. */
    private static BigDecimal hours(RawRow raw, Problems problems) {
        String value = text(raw, ImportColumn.SERVICE_HOURS, problems);
        if (value == null) {
            return null;
        }
        try {
            return new BigDecimal(value.replace(',', '.'));
        } catch (NumberFormatException unreadable) {
            problems.add(ImportColumn.SERVICE_HOURS, "import.value.number");
            return null;
        }
    }

    private static boolean anyFilled(RawRow raw, List<ImportColumn> group) {
        return group.stream().anyMatch(c -> raw.formulas().contains(c) || (raw.get(c) != null && !raw.get(c).isBlank()));
    }

    /** A group begun in a row is finished in it: each empty cell of the group is a problem of its own column. */
    private static void requireAll(RawRow raw, List<ImportColumn> group, String key, Problems problems) {
        for (ImportColumn column : group) {
            if (!raw.formulas().contains(column) && (raw.get(column) == null || raw.get(column).isBlank())) {
                problems.add(column, key);
            }
        }
    }

    private static String text(RawRow raw, ImportColumn column, Problems problems) {
        String value = raw.get(column);
        if (value == null || value.isBlank() || raw.formulas().contains(column)) {
            return null;
        }
        return value.strip();
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(Locale.ROOT);
    }

    private static LocalDate date(RawRow raw, ImportColumn column, Problems problems) {
        String value = text(raw, column, problems);
        if (value == null) {
            return null;
        }
        LocalDate date;
        try {
            date = value.contains(".") ? LocalDate.parse(value, RUSSIAN_DATE) : LocalDate.parse(value);
        } catch (DateTimeParseException unreadable) {
            problems.add(column, "import.value.date");
            return null;
        }
        if (!InputGuard.plausible(date)) {
            problems.add(column, InputGuard.DATE_OUT_OF_RANGE);
            return null;
        }
        return date;
    }

    private static <T> T choice(RawRow raw, ImportColumn column, Problems problems,
                                java.util.function.Function<String, Optional<T>> parse, String allowed) {
        String value = text(raw, column, problems);
        if (value == null) {
            return null;
        }
        Optional<T> parsed = parse.apply(value);
        if (parsed.isEmpty()) {
            problems.add(column, "import.value.oneOf", allowed);
        }
        return parsed.orElse(null);
    }

    /** FEMALE or MALE, as in the template; the letters of Russian and Kazakh records (Ж/М, Ә/Е) too. */
    static Optional<Sex> sex(String value) {
        return switch (value.strip().toUpperCase(new Locale("ru"))) {
            case "FEMALE", "F", "Ж", "ЖЕН", "Ә" -> Optional.of(Sex.FEMALE);
            case "MALE", "M", "М", "МУЖ", "Е", "ЕР" -> Optional.of(Sex.MALE);
            default -> Optional.empty();
        };
    }

    private static <E extends Enum<E>> Optional<E> enumValue(Class<E> type, String value) {
        String wanted = value.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(type.getEnumConstants()).filter(e -> e.name().equals(wanted)).findFirst();
    }

    private static String names(Enum<?>[] values) {
        return Arrays.stream(values).map(Enum::name).collect(Collectors.joining(", "));
    }

    private static String key(String template) {
        return template.startsWith("{") && template.endsWith("}") ? template.substring(1, template.length() - 1) : template;
    }

    /** The problems of one row, in the order found, each key told once. */
    private static final class Problems {
        private final int row;
        private final List<RowProblem> list = new ArrayList<>();
        private final Set<String> keys = new LinkedHashSet<>();
        private final Set<ImportColumn> columns = new LinkedHashSet<>();

        Problems(int row) {
            this.row = row;
        }

        void add(ImportColumn column, String key, String... arguments) {
            list.add(new RowProblem(row, column, key, List.of(arguments)));
            keys.add(key);
            if (column != null) {
                columns.add(column);
            }
        }

        void addUnlessTold(ImportColumn column, String key) {
            if (!keys.contains(key) && (column == null || !columns.contains(column))) {
                add(column, key);
            }
        }

        boolean toldAbout(ImportColumn column) {
            return columns.contains(column);
        }
    }
}
