package kz.qorgau.search;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SearchTextTest {

    @Test
    void aCaseNumberIsFoundExactlyWhateverItsCase() {
        SearchText text = SearchText.of("  alm-2026-000123 ");
        assertThat(text.kind()).isEqualTo(SearchHit.Match.NUMBER);
        assertThat(text.value()).isEqualTo("ALM-2026-000123");
    }

    @Test
    void twelveDigitsAreAnIinEvenWithSpaces() {
        SearchText text = SearchText.of("900101 400003");
        assertThat(text.kind()).isEqualTo(SearchHit.Match.IIN);
        assertThat(text.value()).isEqualTo("900101400003");
    }

    @Test
    void aNameIsItsWordsOfThreeLettersOrMoreAtMostThree() {
        assertThat(SearchText.of("Нурланова  Айгерим").words()).containsExactly("Нурланова", "Айгерим");
        assertThat(SearchText.of("Ли Айгерим").words()).containsExactly("Айгерим");
        assertThat(SearchText.of("Aigerim, Nurlanova Serikovna Extra").words()).containsExactly("Aigerim", "Nurlanova", "Serikovna");
        assertThat(SearchText.of("Жанар").kind()).isEqualTo(SearchHit.Match.NAME);
    }

    @Test
    void tooLittleAsksForMoreAndTooMuchIsRefused() {
        for (String typed : new String[]{null, "", "  ", "Ай", "Ли Ан", "12345", "--"}) {
            assertThatThrownBy(() -> SearchText.of(typed)).isInstanceOf(InvalidInputException.class)
                    .extracting(e -> ((InvalidInputException) e).messageKeys()).asList().containsExactly("search.tooShort");
        }
        assertThatThrownBy(() -> SearchText.of("а".repeat(201))).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys()).asList().containsExactly("search.tooLong");
    }
}
