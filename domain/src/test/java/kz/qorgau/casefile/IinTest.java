package kz.qorgau.casefile;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IinTest {

    /** A valid, made-up IIN: birth date digits, century/sex digit, then the first serial that has a check digit. */
    static String validIin(String yymmdd, int centuryAndSex) {
        for (int serial = 0; serial < 10_000; serial++) {
            String eleven = yymmdd + centuryAndSex + String.format("%04d", serial);
            int check = Iin.checkDigit(eleven + "0");
            if (check >= 0) {
                return eleven + check;
            }
        }
        throw new AssertionError("no serial with a check digit");
    }

    @Test
    void acceptsANumberWithItsCheckDigitAndReadsBirthDateAndSex() {
        Iin iin = new Iin(validIin("910517", 4));
        assertThat(iin.birthDate()).contains(LocalDate.of(1991, 5, 17));
        assertThat(iin.sex()).contains(Sex.FEMALE);

        Iin man = new Iin(validIin("050303", 5));
        assertThat(man.birthDate()).contains(LocalDate.of(2005, 3, 3));
        assertThat(man.sex()).contains(Sex.MALE);
    }

    @Test
    void refusesAMistypedDigit() {
        String valid = validIin("910517", 4);
        String mistyped = valid.substring(0, 11) + ((valid.charAt(11) - '0' + 1) % 10);
        assertThatThrownBy(() -> new Iin(mistyped))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("person.iin.checkDigit");
    }

    @Test
    void refusesWrongLengthAndLetters() {
        assertThatThrownBy(() -> new Iin("91051740000")).hasMessage("person.iin.format");
        assertThatThrownBy(() -> new Iin("9105174000AB")).hasMessage("person.iin.format");
    }

    @Test
    void usesTheSecondWeightsWhenTheFirstGiveTen() {
        // find an eleven-digit prefix whose first weighted sum is 10 mod 11, then check the second rule applies
        for (int serial = 0; serial < 10_000; serial++) {
            String prefix = "880101" + "4" + String.format("%04d", serial);
            int firstSum = 0;
            for (int i = 0; i < 11; i++) {
                firstSum += (prefix.charAt(i) - '0') * (i + 1);
            }
            if (firstSum % 11 == 10) {
                int check = Iin.checkDigit(prefix + "0");
                int[] second = {3, 4, 5, 6, 7, 8, 9, 10, 11, 1, 2};
                int secondSum = 0;
                for (int i = 0; i < 11; i++) {
                    secondSum += (prefix.charAt(i) - '0') * second[i];
                }
                assertThat(check).isEqualTo(secondSum % 11 == 10 ? -1 : secondSum % 11);
                return;
            }
        }
        throw new AssertionError("no prefix with a first sum of 10 found");
    }

    @Test
    void blankMeansNoIin() {
        assertThat(Iin.ofNullable("  ")).isEmpty();
        assertThat(Iin.ofNullable(null)).isEmpty();
    }
}
