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

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/** A victim/survivor, perpetrator or related person. Names as the person gives them, in Cyrillic or Latin script. */
@Entity
@Table(name = "person")
public class Person {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "family_name")
    private String familyName;

    @Column(name = "given_name")
    private String givenName;

    private String patronymic;

    @Enumerated(EnumType.STRING)
    private Sex sex;

    @Column(name = "birth_date")
    private LocalDate birthDate;

    @Version
    private long version;

    protected Person() {
    }

    public Person(String familyName, String givenName, String patronymic, Sex sex, LocalDate birthDate) {
        this.familyName = requireText(familyName, "familyName");
        this.givenName = requireText(givenName, "givenName");
        this.patronymic = patronymic == null || patronymic.isBlank() ? null : patronymic.strip();
        this.sex = Objects.requireNonNull(sex, "sex");
        this.birthDate = birthDate;
    }

    private static String requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " is required");
        }
        return value.strip();
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

    public Sex sex() {
        return sex;
    }

    public Optional<LocalDate> birthDate() {
        return Optional.ofNullable(birthDate);
    }
}
