package kz.qorgau.shared;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.Locale;
import java.util.ResourceBundle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What may reach PostgreSQL as text, and what is refused with which reason. */
class TextTest {

    @ParameterizedTest
    @ValueSource(strings = {"Нурланова", "Сәрсенбайқызы", "O'Brien-Smith", "Жанар\u200Dа", "строка 1\nстрока 2\tтаб", "😀 ok",
            "ул. Абая, 10 — кв. 5"})
    void ordinaryTextsOfEveryScriptAreStored(String text) {
        assertThat(Text.problem(text, 100)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"a\u0000b", "\u0007bell", "esc\u001B[31m", "del\u007F", "c1\u0085", "\u202Eвоноп", "x\u202Dy",
            "\u2067isolate", "lone \uD800 high", "lone \uDC00 low", "end\uD83D", "\uFFFE", "\uFDD0"})
    void controlCharactersOverridesAndBrokenCharactersAreRefused(String text) {
        assertThat(Text.problem(text, 100)).contains(Text.UNSTORABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u200B", "\u200B\u200C\u200D", " \u00A0\u2060 ", "\uFEFF", "\u00AD", "\u200F\u200E", "\u3164"})
    void aTextOfInvisibleCharactersOnlyIsRefused(String text) {
        assertThat(Text.problem(text, 100)).contains(Text.INVISIBLE_ONLY);
        assertThat(Text.isBlankOnceInvisibleRemoved(text)).isTrue();
    }

    @Test
    void lengthIsCountedInCharactersAsPostgresqlCountsThem() {
        assertThat(Text.problem("😀".repeat(10), 10)).isEmpty(); // 20 UTF-16 units, 10 characters
        assertThat(Text.problem("а".repeat(11), 10)).contains(Text.TOO_LONG);
        assertThat(Text.problem("а".repeat(100_000), null)).isEmpty();
    }

    @Test
    void requireRefusesWithTheReasonsKey() {
        assertThatThrownBy(() -> Text.require("a\u0000", 10)).isInstanceOf(InvalidInputException.class)
                .extracting(e -> ((InvalidInputException) e).messageKeys()).asList().containsExactly(Text.UNSTORABLE);
        assertThat(Text.require(null, 10)).isNull();
        assertThat(Text.require("", 10)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"ru", "kk", "en"})
    void everyReasonIsToldInEachLanguage(String language) {
        ResourceBundle bundle = ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(language));
        for (String key : new String[]{Text.UNSTORABLE, Text.INVISIBLE_ONLY, Text.TOO_LONG}) {
            assertThat(bundle.getString(key)).isNotBlank();
        }
    }

    /** Whatever the input, the answer is a verdict, never an exception, and a stored text is one PostgreSQL accepts. */
    @Property(tries = 2000)
    void anyStringGetsAVerdictAndNoAcceptedOneHoldsWhatPostgresqlRefuses(@ForAll("hostile") String text) {
        var verdict = Text.problem(text, 50);
        if (verdict.isEmpty()) {
            assertThat(text).doesNotContain("\u0000").doesNotContain("\u202E");
            assertThat(text.codePointCount(0, text.length())).isLessThanOrEqualTo(50);
            assertThat(text.codePoints().allMatch(Character::isValidCodePoint)).isTrue();
            assertThat(Text.isBlankOnceInvisibleRemoved(text) && !text.isEmpty()).isFalse();
        }
    }

    @Provide
    Arbitrary<String> hostile() {
        String nasty = "\u0000\u0001\u001F\u007F\u0085\u200B\u200D\u202E\u2066\uD800\uDC00\uFEFF\uFFFF \n";
        return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(80),
                Arbitraries.strings().withChars(nasty).withCharRange('\u0400', '\u04FF').ofMaxLength(80));
    }
}
