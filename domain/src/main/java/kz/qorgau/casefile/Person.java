package kz.qorgau.casefile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import kz.qorgau.shared.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A victim/survivor, perpetrator or related person. Names as the person gives them, in Cyrillic and/or Latin script;
 * a date of birth or, when nobody knows it, an estimated age; citizenship; the IIN for citizens (its check digit and
 * the birth date and sex it encodes must agree with the rest), a document for foreigners. Where a victim lives or
 * shelters is not here: {@link PersonSecret} keeps it apart so that access rules can withhold it.
 */
@Entity
@Table(name = "person")
public class Person {

    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "given_name")
    private String givenName;

    private String patronymic;

    @Column(name = "family_name_latin")
    private String familyNameLatin;

    @Column(name = "given_name_latin")
    private String givenNameLatin;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Column(name = "estimated_age")
    private Integer estimatedAge;

    @Column(name = "age_estimated_on")
    private LocalDate ageEstimatedOn;

    private String citizenship;

    private String iin;

    @Enumerated(EnumType.STRING)
    @Column(name = "document_type")
    private IdentityDocumentType documentType;

    @Column(name = "document_number")
    private String documentNumber;

    @Version
    private long version;

    protected Person() {
    }

    /** For tests and intake of the simplest kind: names, sex and date of birth only. */
    public Person(String familyName, String givenName, String patronymic, Sex sex, LocalDate birthDate) {
        this(new PersonDetails(familyName, givenName, patronymic, null, null, sex, birthDate, null, null, null, null, null),
                birthDate == null ? LocalDate.now() : birthDate);
    }

    /** A person as entered, checked against the rules above; {@code today} dates an estimated age. */
    public Person(PersonDetails details, LocalDate today) {
        apply(details, today);
    }

    /** Corrects what is known of the person, under the same rules as at first entry. */
    public void correct(PersonDetails details, LocalDate today) {
        apply(details, today);
    }

    private void apply(PersonDetails d, LocalDate today) {
        List<String> refusals = new ArrayList<>();
        if (blank(d.familyName()) || blank(d.givenName())) {
            refusals.add("person.name.required");
        }
        if (d.sex() == null) {
            refusals.add("case.victim.sex.required");
        }
        if (d.estimatedAge() != null && (d.estimatedAge() < 0 || d.estimatedAge() > 120)) {
            refusals.add("person.estimatedAge.range");
        }
        String country = blank(d.citizenship()) ? null : d.citizenship().strip().toUpperCase(Locale.ROOT);
        if (country != null && !COUNTRIES.contains(country)) {
            refusals.add("person.citizenship.unknown");
        }
        Iin number = null;
        try {
            number = Iin.ofNullable(d.iin()).orElse(null);
        } catch (InvalidInputException wrong) {
            refusals.addAll(wrong.messageKeys());
        }
        LocalDate born = d.birthDate();
        if (number != null) {
            Optional<LocalDate> encoded = number.birthDate();
            if (born != null && encoded.isPresent() && !encoded.get().equals(born)) {
                refusals.add("person.iin.birthDateMismatch");
            }
            if (d.sex() != null && number.sex().isPresent() && number.sex().get() != d.sex()) {
                refusals.add("person.iin.sexMismatch");
            }
            if (born == null) {
                born = encoded.orElse(null);
            }
        }
        if (born != null && born.isAfter(today)) {
            refusals.add("case.victim.birthDate.future");
        }
        if (d.documentType() != null && blank(d.documentNumber())) {
            refusals.add("person.document.numberRequired");
        }
        if (!refusals.isEmpty()) {
            throw new InvalidInputException(refusals.stream().distinct().toList());
        }
        this.familyName = d.familyName().strip();
        this.givenName = d.givenName().strip();
        this.patronymic = strippedOrNull(d.patronymic());
        this.familyNameLatin = strippedOrNull(d.familyNameLatin());
        this.givenNameLatin = strippedOrNull(d.givenNameLatin());
        this.sex = Objects.requireNonNull(d.sex());
        this.birthDate = born;
        this.estimatedAge = born == null ? d.estimatedAge() : null;
        this.ageEstimatedOn = this.estimatedAge == null ? null : today;
        this.citizenship = country;
        this.iin = number == null ? null : number.value();
        this.documentType = d.documentType();
        this.documentNumber = d.documentType() == null ? null : d.documentNumber().strip();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    private static String strippedOrNull(String s) {
        return blank(s) ? null : s.strip();
    }

    public Long id() {
        return id;
    }

    public String familyName() {
        return familyName;
    }

    public String givenName() {
        return givenName;
    }

    public Optional<String> patronymic() {
        return Optional.ofNullable(patronymic);
    }

    public Optional<String> familyNameLatin() {
        return Optional.ofNullable(familyNameLatin);
    }

    public Optional<String> givenNameLatin() {
        return Optional.ofNullable(givenNameLatin);
    }

    public Sex sex() {
        return sex;
    }

    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }

    /** The age estimated when no date of birth was known, and the day it was estimated on. */
    public Optional<Integer> estimatedAge() {
        return Optional.ofNullable(estimatedAge);
    }

    public Optional<LocalDate> ageEstimatedOn() {
        return Optional.ofNullable(ageEstimatedOn);
    }

    /** Age on a day: exact from the date of birth, else the estimate moved on by the years since it was made. */
    public Optional<Integer> ageOn(LocalDate day) {
        return ageOn(day, birthDate, estimatedAge, ageEstimatedOn);
    }

    /** The same rule for a person read as columns, by a list. */
    public static Optional<Integer> ageOn(LocalDate day, LocalDate birthDate, Integer estimatedAge, LocalDate ageEstimatedOn) {
        if (birthDate != null) {
            return Optional.of(java.time.Period.between(birthDate, day).getYears());
        }
        if (estimatedAge != null && ageEstimatedOn != null) {
            return Optional.of(estimatedAge + java.time.Period.between(ageEstimatedOn, day).getYears());
        }
        return Optional.empty();
    }

    public Optional<String> citizenship() {
        return Optional.ofNullable(citizenship);
    }

    public boolean isForeign() {
        return citizenship != null && !"KZ".equals(citizenship);
    }

    public Optional<String> iin() {
        return Optional.ofNullable(iin);
    }

    public Optional<IdentityDocumentType> documentType() {
        return Optional.ofNullable(documentType);
    }

    public Optional<String> documentNumber() {
        return Optional.ofNullable(documentNumber);
    }
}
