package kz.qorgau.casefile;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class NewCaseFileValidationTest {

    private static ValidatorFactory factory;
    private static Validator validator;

    @BeforeAll
    static void validator() {
        factory = Validation.buildDefaultValidatorFactory();
        validator = factory.getValidator();
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    static NewCaseFile valid() {
        NewCaseFile form = new NewCaseFile();
        form.setFamilyName("Тестова");
        form.setGivenName("Айгуль");
        form.setSex(Sex.FEMALE);
        form.setBirthDate(LocalDate.of(1991, 5, 17));
        form.setRegionCode("ALM");
        form.setIncidentDate(LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).minusDays(1));
        form.setIncidentType(GbvType.PSYCHOLOGICAL_ABUSE);
        return form;
    }

    private static Set<String> templates(NewCaseFile form) {
        return validator.validate(form).stream().map(ConstraintViolation::getMessageTemplate)
                .collect(java.util.stream.Collectors.toSet());
    }

    @Test
    void aCompleteFormIsValid() {
        assertThat(validator.validate(valid())).isEmpty();
    }

    @Test
    void anEmptyNameIsRefused() {
        NewCaseFile form = valid();
        form.setFamilyName("   ");
        form.setGivenName("");
        assertThat(templates(form)).containsExactlyInAnyOrder(
                "{case.victim.familyName.required}", "{case.victim.givenName.required}");
    }

    @Test
    void aBirthDateInTheFutureIsRefused() {
        NewCaseFile form = valid();
        form.setBirthDate(LocalDate.now(kz.qorgau.shared.Clocks.KAZAKHSTAN).plusDays(1));
        assertThat(templates(form)).containsExactly("{case.victim.birthDate.future}");
    }

    @Test
    void everyRequiredFieldIsNamed() {
        assertThat(templates(new NewCaseFile())).contains("{case.victim.sex.required}",
                "{case.region.required}", "{case.incident.date.required}", "{case.incident.type.required}");
    }

    @Test
    void everyMessageHasARussianKazakhAndEnglishText() {
        for (String language : new String[]{"ru", "kk", "en"}) {
            var bundle = java.util.ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag(language));
            for (String template : templates(new NewCaseFile())) {
                String key = template.substring(1, template.length() - 1);
                assertThat(bundle.getString(key)).as(language + " " + key).isNotBlank().doesNotContain("{");
            }
        }
        var russian = java.util.ResourceBundle.getBundle("ValidationMessages", Locale.forLanguageTag("ru"));
        assertThat(russian.getString("case.victim.birthDate.future")).isEqualTo("Дата рождения не может быть в будущем.");
    }
}
