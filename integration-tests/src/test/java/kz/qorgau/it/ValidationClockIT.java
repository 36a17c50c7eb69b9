package kz.qorgau.it;

import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import kz.qorgau.casefile.GbvType;
import kz.qorgau.casefile.NewCaseFile;
import kz.qorgau.casefile.Sex;
import kz.qorgau.shared.Clocks;
import kz.qorgau.shared.InputCheck;
import kz.qorgau.shared.InvalidInputException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Bean Validation tells the time by the domain's clock, in Kazakhstan: at 02:00 in Almaty (20:00 UTC the day before)
 * the Almaty date is today, not "in the future", for the injected validator (the services), for one built from
 * {@code validation.xml} as Faces builds its own (the pages), and for the services' check of an intake. The day is one ahead of the
 * real clock, so only the test's clock can make it today: validation sees the clock the tests set.
 */
@ExtendWith(ArquillianExtension.class)
class ValidationClockIT {

    @Deployment
    static WebArchive deployment() throws Exception {
        return CaseServicesIT.deployment().addClasses(ValidationClockIT.class, TestClock.class);
    }

    @Inject
    Validator validator;

    @Inject
    InputCheck inputCheck;

    @AfterEach
    void realTime() {
        TestClock.reset();
    }

    @Test
    void aDateTypedAtTwoInTheMorningInAlmatyIsToday() {
        LocalDate day = LocalDate.now(Clocks.KAZAKHSTAN).plusDays(1);
        TestClock.set(day.atTime(2, 0).atZone(Clocks.KAZAKHSTAN).toInstant());
        assertEquals(day.minusDays(1), day.atTime(2, 0).atZone(Clocks.KAZAKHSTAN).withZoneSameInstant(ZoneOffset.UTC).toLocalDate(),
                "on a UTC clock it is still yesterday");

        assertEquals(Set.of(), templates(validator, intake(day)));
        assertTrue(templates(validator, intake(day.plusDays(1))).contains("{case.incident.date.future}"));
        try (ValidatorFactory asFacesBuildsIt = Validation.buildDefaultValidatorFactory()) {
            assertEquals(Set.of(), templates(asFacesBuildsIt.getValidator(), intake(day)), "the validator Faces builds");
        }

        // the services' own check (nothing is opened: a case dated tomorrow would head other tests' lists)
        inputCheck.require(intake(day));
        assertThrows(InvalidInputException.class, () -> inputCheck.require(intake(day.plusDays(1))));
    }

    private static Set<String> templates(Validator validator, NewCaseFile form) {
        return validator.validate(form).stream().map(ConstraintViolation::getMessageTemplate).collect(Collectors.toSet());
    }

    private static NewCaseFile intake(LocalDate incident) {
        NewCaseFile form = new NewCaseFile();
        form.setFamilyName("Часова-" + UUID.randomUUID().toString().substring(0, 6));
        form.setGivenName("Айгуль");
        form.setSex(Sex.FEMALE);
        form.setBirthDate(LocalDate.of(1991, 5, 17));
        form.setRegionCode("ALM");
        form.setIncidentDate(incident);
        form.setIncidentType(GbvType.PSYCHOLOGICAL_ABUSE);
        return form;
    }
}
