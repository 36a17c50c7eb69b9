package kz.qorgau.casefile;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseFileTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");
    private static final CaseNumber NUMBER = new CaseNumber("ALM", 2026, 7);

    private static Person victimBornOn(LocalDate birthDate) {
        return new Person("Тестова", "Айгуль", null, Sex.FEMALE, birthDate);
    }

    @Test
    void intakeOpensTheCaseWithItsFirstIncident() {
        CaseFile file = CaseFile.open(NUMBER, CaseKind.DOMESTIC_VIOLENCE, victimBornOn(LocalDate.of(1990, 3, 1)),
                "ALM-CC", "aigerim", TODAY.minusDays(2), GbvType.PHYSICAL_ASSAULT, TODAY, NOW);

        assertThat(file.status()).isEqualTo(CaseStatus.OPEN);
        assertThat(file.number()).isEqualTo(NUMBER);
        assertThat(file.regionCode()).isEqualTo("ALM");
        assertThat(file.organisationCode()).isEqualTo("ALM-CC");
        assertThat(file.ownerUsername()).isEqualTo("aigerim");
        assertThat(file.openedAt()).isEqualTo(NOW);
        assertThat(file.incidents()).singleElement()
                .satisfies(i -> assertThat(i.gbvType()).isEqualTo(GbvType.PHYSICAL_ASSAULT))
                .satisfies(i -> assertThat(i.occurredOn()).isEqualTo(TODAY.minusDays(2)));
    }

    @Test
    void refusesAnIncidentInTheFuture() {
        assertThatThrownBy(() -> CaseFile.open(NUMBER, CaseKind.DOMESTIC_VIOLENCE, victimBornOn(LocalDate.of(1990, 3, 1)),
                "ALM-CC", "aigerim", TODAY.plusDays(1), GbvType.RAPE, TODAY, NOW))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys())
                .asList().containsExactly("case.incident.date.future");
    }

    @Test
    void refusesABirthDateInTheFutureAndAnIncidentBeforeBirth() {
        assertThatThrownBy(() -> CaseFile.open(NUMBER, CaseKind.TRAFFICKING, victimBornOn(TODAY.plusDays(3)),
                "ALM-CC", "aigerim", TODAY, GbvType.RAPE, TODAY, NOW))
                .isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys())
                .asList().containsExactly("case.victim.birthDate.future", "case.incident.date.beforeBirth");
    }

    @Test
    void acceptsAnIncidentOnTheDayOfBirthAndToday() {
        CaseFile file = CaseFile.open(NUMBER, CaseKind.DOMESTIC_VIOLENCE, victimBornOn(TODAY),
                "ALM-CC", "aigerim", TODAY, GbvType.DENIAL_OF_RESOURCES, TODAY, NOW);
        assertThat(file.incidents()).hasSize(1);
    }

    @Test
    void aPersonNeedsBothNames() {
        assertThatThrownBy(() -> new Person(" ", "Айгуль", null, Sex.FEMALE, null)).hasMessage("person.name.required");
        assertThatThrownBy(() -> new Person("Тестова", null, null, Sex.FEMALE, null)).hasMessage("person.name.required");
        assertThat(new Person("  Тестова ", "Айгуль", " ", Sex.FEMALE, null).familyName()).isEqualTo("Тестова");
    }
}
