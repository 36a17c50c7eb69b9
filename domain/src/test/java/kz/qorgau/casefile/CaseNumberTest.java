package kz.qorgau.casefile;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseNumberTest {

    @Test
    void isRegionYearAndSixDigitSequence() {
        assertThat(new CaseNumber("ALM", 2026, 1)).hasToString("ALM-2026-000001");
        assertThat(new CaseNumber("AST", 2026, 123)).hasToString("AST-2026-000123");
    }

    @Test
    void keepsGrowingPastAMillion() {
        assertThat(new CaseNumber("ALM", 2026, 1_234_567)).hasToString("ALM-2026-1234567");
    }

    @Test
    void parsesWhatItPrints() {
        CaseNumber number = new CaseNumber("SHY", 2027, 42);
        assertThat(CaseNumber.parse(number.toString())).isEqualTo(number);
    }

    @Test
    void refusesMalformedNumbers() {
        assertThatThrownBy(() -> CaseNumber.parse("ALM-26-1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> CaseNumber.parse(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseNumber("alm", 2026, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new CaseNumber("ALM", 2026, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
