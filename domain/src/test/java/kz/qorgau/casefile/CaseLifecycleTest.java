package kz.qorgau.casefile;

import kz.qorgau.shared.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CaseLifecycleTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final Instant NOW = Instant.parse("2026-11-22T06:00:00Z");

    static CaseFile newCase() {
        return CaseFile.open(new CaseNumber("ALM", 2026, 1), CaseKind.DOMESTIC_VIOLENCE,
                new Person("Тестова", "Айгуль", null, Sex.FEMALE, LocalDate.of(1990, 1, 1)),
                "ALM-CC", "aigerim", TODAY.minusDays(1), GbvType.PHYSICAL_ASSAULT, TODAY, NOW);
    }

    @Test
    void runsFromOpenThroughClosureToReopening() {
        CaseFile file = newCase();
        file.activate(NOW);
        assertThat(file.status()).isEqualTo(CaseStatus.ACTIVE);
        file.requestClosure(NOW);
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSURE_REQUESTED);
        file.approveClosure("nurlan", "Услуги оказаны, риск низкий", NOW);
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSED);
        assertThat(file.closureComment()).contains("Услуги оказаны, риск низкий");
        file.reopen(NOW);
        assertThat(file.status()).isEqualTo(CaseStatus.REOPENED);
        file.activate(NOW);
        assertThat(file.status()).isEqualTo(CaseStatus.ACTIVE);
    }

    @Test
    void aClosureNeedsACommentAndCanBeSentBack() {
        CaseFile file = newCase();
        file.requestClosure(NOW);
        assertThatThrownBy(() -> file.approveClosure("nurlan", " ", NOW)).hasMessage("case.closure.commentRequired");
        assertThat(file.status()).isEqualTo(CaseStatus.CLOSURE_REQUESTED);
        file.rejectClosure("Нет оценки риска", NOW);
        assertThat(file.status()).isEqualTo(CaseStatus.ACTIVE);
    }

    @Test
    void refusesStepsTheStatusDoesNotAllow() {
        CaseFile file = newCase();
        assertThatThrownBy(() -> file.approveClosure("nurlan", "ok", NOW)).hasMessage("case.status.transitionNotAllowed");
        assertThatThrownBy(() -> file.reopen(NOW)).hasMessage("case.status.transitionNotAllowed");
        file.activate(NOW);
        assertThatThrownBy(() -> file.activate(NOW)).hasMessage("case.status.transitionNotAllowed");
    }

    @Test
    void aClosedCaseIsReadOnly() {
        CaseFile file = newCase();
        file.requestClosure(NOW);
        file.approveClosure("nurlan", "ok", NOW);
        assertThatThrownBy(() -> file.assessRisk(RiskLevel.HIGH, TODAY, "aigerim", TODAY, NOW)).hasMessage("case.closed.readOnly");
        assertThatThrownBy(() -> file.giveConsent(ConsentScope.SERVICES, TODAY, "aigerim", TODAY, NOW)).hasMessage("case.closed.readOnly");
        assertThatThrownBy(() -> file.recordIncident(IncidentDetails.of(TODAY, GbvType.RAPE), "aigerim", TODAY, NOW))
                .hasMessage("case.closed.readOnly");
        assertThatThrownBy(() -> file.requestClosure(NOW)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void theLatestAssessmentIsTheCasesRiskAndEveryOneIsKept() {
        CaseFile file = newCase();
        file.assessRisk(RiskLevel.HIGH, TODAY, "aigerim", TODAY, NOW);
        file.assessRisk(RiskLevel.MEDIUM, TODAY, "aigerim", TODAY, NOW.plusSeconds(60));
        assertThat(file.riskLevel()).contains(RiskLevel.MEDIUM);
        assertThat(file.riskAssessments()).extracting(RiskAssessment::level).containsExactly(RiskLevel.HIGH, RiskLevel.MEDIUM);
        assertThat(file.riskAssessments()).allSatisfy(r -> assertThat(r.assessedBy()).isEqualTo("aigerim"));
    }

    @Test
    void anAssessmentIsDatedBetweenOpeningAndToday() {
        CaseFile file = newCase();
        assertThatThrownBy(() -> file.assessRisk(RiskLevel.LOW, TODAY.plusDays(1), "aigerim", TODAY, NOW)).hasMessage("case.risk.dateOutOfRange");
        assertThatThrownBy(() -> file.assessRisk(RiskLevel.LOW, TODAY.minusDays(1), "aigerim", TODAY, NOW)).hasMessage("case.risk.dateOutOfRange");
        assertThatThrownBy(() -> file.assessRisk(null, TODAY, "aigerim", TODAY, NOW)).hasMessage("case.risk.levelRequired");
    }

    @ParameterizedTest
    @EnumSource(ConsentScope.class)
    void consentIsDatedWithdrawableAndEnforcedByDate(ConsentScope scope) {
        CaseFile file = newCase();
        assertThat(file.hasConsent(scope, TODAY)).isFalse();
        file.giveConsent(scope, TODAY.minusDays(5), "aigerim", TODAY, NOW);
        assertThat(file.hasConsent(scope, TODAY.minusDays(6))).isFalse();
        assertThat(file.hasConsent(scope, TODAY)).isTrue();
        assertThatThrownBy(() -> file.giveConsent(scope, TODAY, "aigerim", TODAY, NOW)).hasMessage("case.consent.alreadyGiven");
        file.withdrawConsent(scope, TODAY, TODAY, NOW);
        assertThat(file.hasConsent(scope, TODAY)).isFalse();
        assertThat(file.hasConsent(scope, TODAY.minusDays(1))).as("it was in force before").isTrue();
        assertThatThrownBy(() -> file.withdrawConsent(scope, TODAY, TODAY, NOW)).hasMessage("case.consent.notGiven");
        file.giveConsent(scope, TODAY, "aigerim", TODAY, NOW);
        assertThat(file.consents()).hasSize(2);
    }

    @Test
    void aSecondConsentOfAKindIsRefusedWhileOneIsInForceWhateverItsDate() {
        CaseFile file = newCase();
        file.giveConsent(ConsentScope.STATISTICS, TODAY.minusDays(2), "aigerim", TODAY, NOW);
        assertThatThrownBy(() -> file.giveConsent(ConsentScope.STATISTICS, TODAY.minusDays(10), "aigerim", TODAY, NOW))
                .as("dated before the one in force, it would be a second consent in force").hasMessage("case.consent.alreadyGiven");
        file.giveConsent(ConsentScope.SERVICES, TODAY.minusDays(10), "aigerim", TODAY, NOW);
        file.withdrawConsent(ConsentScope.STATISTICS, TODAY.minusDays(1), TODAY, NOW);
        assertThatThrownBy(() -> file.giveConsent(ConsentScope.STATISTICS, TODAY.minusDays(3), "aigerim", TODAY, NOW))
                .as("overlapping the withdrawn one's period").hasMessage("case.consent.alreadyGiven");
        file.giveConsent(ConsentScope.STATISTICS, TODAY.minusDays(1), "aigerim", TODAY, NOW);
        assertThat(file.consents().stream().filter(c -> c.withdrawnOn().isEmpty())).hasSize(2);
    }

    @Test
    void consentCannotBeDatedInTheFutureNorWithdrawnBeforeItWasGiven() {
        CaseFile file = newCase();
        assertThatThrownBy(() -> file.giveConsent(ConsentScope.DISCLOSURE, TODAY.plusDays(1), "aigerim", TODAY, NOW))
                .hasMessage("case.consent.dateOutOfRange");
        file.giveConsent(ConsentScope.DISCLOSURE, TODAY, "aigerim", TODAY, NOW);
        assertThatThrownBy(() -> file.withdrawConsent(ConsentScope.DISCLOSURE, TODAY.minusDays(1), TODAY, NOW))
                .hasMessage("case.consent.dateOutOfRange");
    }

    @Test
    void aFurtherIncidentFollowsTheSameRulesAndNamesThePerpetratorsRelationship() {
        CaseFile file = newCase();
        PersonDetails aggressor = new PersonDetails("Примеров", "Ерлан", null, null, null, Sex.MALE, null, 35, "KZ",
                null, null, null);
        assertThatThrownBy(() -> file.recordIncident(new IncidentDetails(TODAY, GbvType.PHYSICAL_ASSAULT, IncidentContext.FAMILY,
                "ALM", "Алматы", "UK-109-1", aggressor, null, TODAY), "aigerim", TODAY, NOW))
                .hasMessage("case.incident.relationship.required");
        assertThatThrownBy(() -> file.recordIncident(new IncidentDetails(TODAY.minusDays(3), GbvType.PHYSICAL_ASSAULT, null,
                null, null, null, null, null, TODAY.minusDays(4)), "aigerim", TODAY, NOW))
                .hasMessage("case.incident.reported.outOfRange");
        Incident recorded = file.recordIncident(new IncidentDetails(TODAY, GbvType.PHYSICAL_ASSAULT, IncidentContext.INTIMATE_PARTNER,
                "ALM", "Алматы", "UK-109-1", aggressor, Relationship.SPOUSE, TODAY), "aigerim", TODAY, NOW);
        assertThat(recorded.perpetrator()).hasValueSatisfying(p -> assertThat(p.ageOn(TODAY)).contains(35));
        assertThat(file.incidents()).hasSize(2);
    }

    @Test
    void childrenAndFamilyAreRecordedWithTheirRelationUnderThePersonRules() {
        CaseFile file = newCase();
        PersonDetails son = new PersonDetails("Тестов", "Айдос", null, null, null, Sex.MALE, LocalDate.of(2019, 4, 1),
                null, "KZ", null, null, null);
        RelatedPerson child = file.addRelatedPerson(son, PartyRelation.CHILD, true, "aigerim", TODAY, NOW);
        assertThat(child.dependent()).isTrue();
        assertThat(child.person().ageOn(TODAY)).contains(7);
        assertThatThrownBy(() -> file.addRelatedPerson(son, null, false, "aigerim", TODAY, NOW)).hasMessage("case.party.relationRequired");
        PersonDetails unborn = new PersonDetails("Тестов", "Ерлан", null, null, null, Sex.MALE, TODAY.plusDays(1),
                null, "KZ", null, null, null);
        assertThatThrownBy(() -> file.addRelatedPerson(unborn, PartyRelation.CHILD, true, "aigerim", TODAY, NOW))
                .hasMessage("case.victim.birthDate.future");
        assertThat(file.relatedPersons()).hasSize(1);
    }
}
