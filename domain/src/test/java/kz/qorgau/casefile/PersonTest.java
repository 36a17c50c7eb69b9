package kz.qorgau.casefile;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    static PersonDetails details(Sex sex, LocalDate born, Integer estimatedAge, String citizenship, String iin) {
        return new PersonDetails("Тестова", "Айгуль", null, "Testova", "Aigul", sex, born, estimatedAge, citizenship, iin, null, null);
    }

    @Test
    void anIinMustAgreeWithBirthDateAndSex() {
        String iin = IinTest.validIin("910517", 4);
        Person p = new Person(details(Sex.FEMALE, LocalDate.of(1991, 5, 17), null, "KZ", iin), TODAY);
        assertThat(p.iin()).contains(iin);
        assertThatThrownBy(() -> new Person(details(Sex.FEMALE, LocalDate.of(1991, 5, 18), null, "KZ", iin), TODAY))
                .hasMessage("person.iin.birthDateMismatch");
        assertThatThrownBy(() -> new Person(details(Sex.MALE, LocalDate.of(1991, 5, 17), null, "KZ", iin), TODAY))
                .hasMessage("person.iin.sexMismatch");
    }

    @Test
    void theBirthDateComesFromTheIinWhenNotTyped() {
        Person p = new Person(details(Sex.FEMALE, null, null, "KZ", IinTest.validIin("910517", 4)), TODAY);
        assertThat(p.birthDate()).contains(LocalDate.of(1991, 5, 17));
    }

    @Test
    void aWrongIinIsRefusedWithTheOtherMistakesTogether() {
        assertThatThrownBy(() -> new Person(details(Sex.FEMALE, null, 150, "ZZ", "123456789012"), TODAY))
                .isInstanceOf(InvalidInputException.class)
                .satisfies(e -> assertThat(((InvalidInputException) e).messageKeys())
                        .contains("person.iin.checkDigit", "person.citizenship.unknown", "person.estimatedAge.range"));
    }

    @Test
    void anEstimatedAgeIsDatedAndGrowsOlder() {
        Person p = new Person(details(Sex.FEMALE, null, 30, "UZ", null), TODAY);
        assertThat(p.ageOn(TODAY)).contains(30);
        assertThat(p.ageOn(TODAY.plusYears(2))).contains(32);
        assertThat(p.isForeign()).isTrue();
        assertThat(p.citizenship()).contains("UZ");
    }

    @Test
    void aDocumentNeedsItsNumber() {
        PersonDetails d = new PersonDetails("Testova", "Aigul", null, null, null, Sex.FEMALE, null, 25, "kg", null,
                IdentityDocumentType.PASSPORT, " ");
        assertThatThrownBy(() -> new Person(d, TODAY)).hasMessage("person.document.numberRequired");
    }
}
