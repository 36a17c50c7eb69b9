package kz.qorgau.shared;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class KazakhstanClockTest {

    @Test
    void validationTellsTimeInKazakhstan() {
        try (ValidatorFactory factory = Validation.buildDefaultValidatorFactory()) {
            assertThat(factory.getClockProvider()).as("META-INF/validation.xml is read").isInstanceOf(KazakhstanClock.class);
            assertThat(factory.getClockProvider().getClock().getZone()).isEqualTo(Clocks.KAZAKHSTAN);
        }
    }
}
