package kz.qorgau.casefile;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Each step of the intake is told its own faults only, by the same rules that open the case. */
class IntakeStepsTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 12, 1);

    @Test
    void aCompleteIntakePassesEveryStep() {
        NewCaseFile form = NewCaseFileValidationTest.valid();
        form.setIncidentDate(TODAY.minusDays(1));
        form.setRiskLevel(RiskLevel.HIGH);
        form.setConsents(Set.of(ConsentScope.SERVICES));
        form.setSafetyPlan("Звонить сестре");
        for (IntakeStep step : IntakeStep.values()) {
            assertThat(form.refusals(step, TODAY)).as(step.name()).isEmpty();
        }
    }

    @Test
    void thePersonStepAsksThePersonOnly() {
        NewCaseFile form = new NewCaseFile();
        form.setFamilyName("Тестова");
        form.setGivenName("Айгуль");
        form.setSex(Sex.MALE);
        form.setIin("910517400007"); // a woman born on 17.05.1991
        assertThat(form.refusals(IntakeStep.PERSON, TODAY)).containsExactly("person.iin.sexMismatch");
        form.setSex(Sex.FEMALE);
        assertThat(form.refusals(IntakeStep.PERSON, TODAY)).as("the IIN gives her birth date").isEmpty();
        form.setIin(null);
        assertThat(form.refusals(IntakeStep.PERSON, TODAY)).containsExactly("case.victim.ageOrBirthDate.required");
        form.setEstimatedAge(30);
        form.setFamilyName("\u202EавотсеТ");
        assertThat(form.refusals(IntakeStep.PERSON, TODAY)).containsExactly("input.text.unstorable");
        form.setFamilyName(" ");
        assertThat(form.refusals(IntakeStep.PERSON, TODAY)).as("a blank name is Bean Validation's to tell").isEmpty();
        form.setBirthDate(LocalDate.of(1850, 1, 1));
        assertThat(form.refusals(IntakeStep.PERSON, TODAY)).contains("input.date.outOfRange");
    }

    @Test
    void theIncidentStepUsesTheRulesOfTheCaseFile() {
        NewCaseFile form = NewCaseFileValidationTest.valid();
        form.setIncidentDate(LocalDate.of(1980, 1, 1));
        assertThat(form.refusals(IntakeStep.INCIDENT, TODAY)).containsExactly("case.incident.date.beforeBirth");
        form.setIncidentDate(TODAY.plusDays(1));
        form.setIncidentType(null);
        assertThat(form.refusals(IntakeStep.INCIDENT, TODAY))
                .containsExactlyInAnyOrder("case.incident.date.future", "case.incident.type.required");
        form.setIncidentDate(TODAY.minusDays(3));
        form.setIncidentType(GbvType.PHYSICAL_ASSAULT);
        form.setReportedToPoliceOn(TODAY.minusDays(5));
        assertThat(form.refusals(IntakeStep.INCIDENT, TODAY)).containsExactly("case.incident.reported.outOfRange");
        assertThat(form.refusals(IntakeStep.PERSON, TODAY)).as("not the person's fault").isEmpty();
    }

    @Test
    void consentsAreDatedTodayOrEarlierAndThePlanIsStorableText() {
        NewCaseFile form = NewCaseFileValidationTest.valid();
        form.setConsentGivenOn(TODAY.plusDays(1));
        assertThat(form.refusals(IntakeStep.CONSENT, TODAY)).as("no consent chosen, no date asked").isEmpty();
        form.setConsents(Set.of(ConsentScope.DISCLOSURE));
        assertThat(form.refusals(IntakeStep.CONSENT, TODAY)).containsExactly("case.consent.dateOutOfRange");
        form.setConsentGivenOn(null);
        assertThat(form.consentGivenOn(TODAY)).isEqualTo(TODAY);
        form.setSafetyPlan("ключи у соседки\u0000");
        assertThat(form.refusals(IntakeStep.SAFETY_PLAN, TODAY)).containsExactly("input.text.unstorable");
        form.setSafetyPlan("  ");
        assertThat(form.hasSafetyPlan()).isFalse();
    }
}
