package kz.qorgau.casefile;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PersonSearchTest {

    private static final LocalDate BORN = LocalDate.of(1991, 5, 17);

    @Test
    void aSearchNeedsAnIinOrTheWholeNameAndBirthDate() {
        assertThat(new PersonSearch(" 910517400007 ", null, null, null).checked().byIin()).isTrue();
        assertThat(new PersonSearch(null, "Тестова", "Айгуль", BORN).checked().byName()).isTrue();
        for (PersonSearch partial : List.of(new PersonSearch(null, "Тестова", null, BORN), new PersonSearch("  ", "Тестова", "Айгуль", null),
                new PersonSearch(null, null, null, null))) {
            assertThatThrownBy(partial::checked).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKeys()).isEqualTo(List.of("case.duplicates.criteriaRequired"));
        }
        assertThatThrownBy(() -> new PersonSearch("910517400006", null, null, null).checked())
                .extracting(e -> ((InvalidInputException) e).messageKeys()).isEqualTo(List.of("person.iin.checkDigit"));
    }

    @Test
    void namesCompareWithoutCaseOrSurroundingSpaces() {
        PersonSearch search = new PersonSearch(null, "  ТЕСТОВА ", "Айгуль", BORN);
        assertThat(search.normalisedFamilyName()).isEqualTo("тестова");
        assertThat(search.beyond(new PersonSearch(null, "тестова", "айгуль", BORN))).isEmpty();
    }

    @Test
    void onlyWhatWasNotSearchedYetIsAskedAgain() {
        PersonSearch byIin = new PersonSearch("910517400007", null, null, BORN);
        PersonSearch entered = new PersonSearch("910517400007", "Тестова", "Айгуль", BORN);
        assertThat(entered.beyond(byIin)).contains(new PersonSearch(null, "Тестова", "Айгуль", BORN));
        assertThat(entered.beyond(entered)).isEmpty();
        assertThat(entered.beyond(null)).contains(entered);
        PersonSearch otherIin = new PersonSearch("850412400012", "Тестова", "Айгуль", BORN);
        assertThat(otherIin.beyond(entered)).contains(new PersonSearch("850412400012", null, null, null));
        assertThat(new PersonSearch(null, "Тестова", null, null).beyond(null)).as("nothing to look for").isEmpty();
    }

    @Test
    void theAuditTrailLearnsHowSheSearchedNeverWhat() {
        assertThat(new PersonSearch("910517400007", null, null, null).criteria()).isEqualTo("IIN");
        assertThat(new PersonSearch(null, "Тестова", "Айгуль", BORN).criteria()).isEqualTo("NAME");
        assertThat(new PersonSearch("910517400007", "Тестова", "Айгуль", BORN).criteria()).isEqualTo("IIN+NAME");
    }
}
