package kz.qorgau.reference;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReferenceCodeTest {

    @ParameterizedTest
    @ValueSource(strings = {"ALM-CC", "MIN-IT", "UK-108-1", "KOAP-73", "A1", "SHY-NGO-2", "ABCDEFGHIJ-123456789"})
    void acceptsCapitalLettersDigitsAndSingleDashes(String code) {
        assertThat(ReferenceCode.checked(code)).isEqualTo(code);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"alm-cc", "Alm-CC", "ALM CC", "ALM_CC", "ALM--CC", "-ALM", "ALM-", "АЛМ-КЦ", "A",
            "ABCDEFGHIJ-1234567890", "ALM.CC", "ALM/CC", "   "})
    void refusesAnythingElseWithTheRuleForCodes(String code) {
        assertThatThrownBy(() -> ReferenceCode.checked(code))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("reference.code.format");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ALM-CC", "ALM-CC  ", "\tALM-CC\n"})
    void surroundingBlanksAreNotPartOfTheCode(String code) {
        assertThat(ReferenceCode.checked(code)).isEqualTo("ALM-CC");
    }
}
