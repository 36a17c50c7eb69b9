package kz.qorgau.importing;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import kz.qorgau.casefile.CaseKind;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.IntakeStep;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Sex;
import kz.qorgau.shared.Text;
import kz.qorgau.shared.persistence.InputGuard;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
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
            ImportColumn.GIVEN_NAME, ImportColumn.PATRONYMIC);

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
        return new CheckedRow(raw.number(), legacyId, form, openedOn, problems.list);
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
