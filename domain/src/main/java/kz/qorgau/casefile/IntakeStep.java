package kz.qorgau.casefile;

import java.util.List;

/**
 * The parts of an intake a social worker fills one after another, each checked on its own before she moves on, so
 * that a wrong date in the incident is told there and then, not after the safety plan. Each names the properties of
 * {@link NewCaseFile} it covers; nothing is saved until the whole intake is opened.
 */
public enum IntakeStep {
    PERSON("familyName", "givenName", "patronymic", "familyNameLatin", "givenNameLatin", "sex", "birthDate", "estimatedAge",
            "citizenship", "iin", "documentType", "documentNumber"),
    INCIDENT("kind", "incidentDate", "incidentType", "incidentContext", "legalArticleCode", "settlement", "relationship",
            "reportedToPoliceOn"),
    RISK("riskLevel"),
    CONSENT("consents", "consentGivenOn"),
    SAFETY_PLAN("safetyPlan");

    private final List<String> properties;

    IntakeStep(String... properties) {
        this.properties = List.of(properties);
    }

    /** The form's properties this step fills, for Bean Validation of the step alone. */
    public List<String> properties() {
        return properties;
    }
}
