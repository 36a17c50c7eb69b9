package kz.qorgau.web.faces;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

class NumbersTest {

    private static final Locale RU = Locale.forLanguageTag("ru");
    private static final Locale KK = Locale.forLanguageTag("kk");
    private static final Locale EN = Locale.forLanguageTag("en");

    @Test
    void kazakhAndRussianGroupThousandsWithANarrowNoBreakSpaceAndWriteADecimalComma() {
        assertThat(Numbers.format(new BigDecimal("1234.5"), RU, 1)).isEqualTo("1\u202F234,5");
        assertThat(Numbers.format(new BigDecimal("1234.5"), KK, 1)).isEqualTo("1\u202F234,5");
        assertThat(Numbers.format(1_234_567L, KK, 0)).isEqualTo("1\u202F234\u202F567");
        assertThat(Numbers.format(new BigDecimal("-12.5"), RU, 1)).isEqualTo("-12,5");
    }

    @Test
    void englishGroupsWithACommaAndWritesADecimalPoint() {
        assertThat(Numbers.format(new BigDecimal("1234.5"), EN, 1)).isEqualTo("1,234.5");
        assertThat(Numbers.format(39_000L, EN, 0)).isEqualTo("39,000");
    }

    @Test
    void smallNumbersAndFractionsAreWrittenAsShortAsTheyAre() {
        assertThat(Numbers.format(7, RU, 0)).isEqualTo("7");
        assertThat(Numbers.format(new BigDecimal("3.00"), RU, 2)).as("no trailing zeros").isEqualTo("3");
        assertThat(Numbers.format(new BigDecimal("1.50"), EN, 2)).isEqualTo("1.5");
        assertThat(Numbers.format(new BigDecimal("2.25"), RU, 1)).as("rounded half up").isEqualTo("2,3");
        assertThat(Numbers.format(null, RU, 0)).isEmpty();
    }
}
