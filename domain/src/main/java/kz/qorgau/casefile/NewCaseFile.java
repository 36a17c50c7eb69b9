package kz.qorgau.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import kz.qorgau.shared.Text;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.persistence.InputGuard;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * What a social worker enters at intake: the victim, the incident that brought her, and what was agreed at the first
 * meeting — the risk as judged, her consents and a safety plan — all opened as one case in one transaction. A form
 * object: mutable so that a page can fill it step by step ({@link IntakeStep}), checked by Bean Validation and the
 * model's own rules at each step and again, whole, by the service. Messages are keys of the {@code ValidationMessages}
 * bundle.
 */
public class NewCaseFile implements java.io.Serializable {

    @NotBlank(message = "{case.victim.familyName.required}")
    @Size(max = 100, message = "{case.victim.name.tooLong}")
    private String familyName;

    @NotBlank(message = "{case.victim.givenName.required}")
    @Size(max = 100, message = "{case.victim.name.tooLong}")
    private String givenName;

    @Size(max = 100, message = "{case.victim.name.tooLong}")
    private String patronymic;

    @NotNull(message = "{case.victim.sex.required}")
    private Sex sex;

    @PastOrPresent(message = "{case.victim.birthDate.future}")
    private LocalDate birthDate;

    private Integer estimatedAge;

    @Size(max = 100, message = "{case.victim.name.tooLong}")
    private String familyNameLatin;

    @Size(max = 100, message = "{case.victim.name.tooLong}")
    private String givenNameLatin;

    private String citizenship = "KZ";

    private String iin;

    private IdentityDocumentType documentType;

    @Size(max = 40, message = "{person.document.numberTooLong}")
    private String documentNumber;

    @NotBlank(message = "{case.region.required}")
    private String regionCode;

    @NotNull(message = "{case.kind.required}")
    private CaseKind kind = CaseKind.DOMESTIC_VIOLENCE;

    @NotNull(message = "{case.incident.date.required}")
    @PastOrPresent(message = "{case.incident.date.future}")
    private LocalDate incidentDate;

    @NotNull(message = "{case.incident.type.required}")
    private GbvType incidentType;

    private IncidentContext incidentContext;

    private String legalArticleCode;

    @Size(max = 200, message = "{input.text.tooLong}")
    private String settlement;

    private Relationship relationship;

    private LocalDate reportedToPoliceOn;

    /** The risk as judged at intake, on the day the case opens; none when she could not judge it yet. */
    private RiskLevel riskLevel;

    private Set<ConsentScope> consents = EnumSet.noneOf(ConsentScope.class);

    /** The day the consents were given, perhaps on paper before the case was opened; today when not said. */
    private LocalDate consentGivenOn;

    @Size(max = SafetyPlan.MAX_LENGTH, message = "{case.safetyPlan.tooLong}")
    private String safetyPlan;

    /**
     * The model's rules for one step, beyond Bean Validation (which the service asks as well): what the person, the
     * incident, the consents and the plan must be for the case to open. Pure, so that a step is told at once.
     */
    public List<String> refusals(IntakeStep step, LocalDate today) {
        List<String> refusals = new ArrayList<>();
        switch (step) {
            case PERSON -> {
                texts(refusals, familyName, givenName, patronymic, familyNameLatin, givenNameLatin, documentNumber);
                dates(refusals, birthDate);
                try {
                    new Person(victim(), today);
                } catch (InvalidInputException refused) {
                    // a blank name is already told by the form's own constraints, naming which part is missing
                    refused.messageKeys().stream().filter(k -> !k.equals("person.name.required")).forEach(refusals::add);
                }
                if (birthDate == null && estimatedAge == null && !iinGivesBirthDate()) {
                    refusals.add("case.victim.ageOrBirthDate.required");
                }
            }
            case INCIDENT -> {
                texts(refusals, settlement);
                dates(refusals, incidentDate, reportedToPoliceOn);
                refusals.addAll(CaseFile.incidentRefusals(victimOrNull(today), incident(regionCode), today));
            }
            case RISK -> {
                // a level or none: at intake the assessment is dated the day the case opens
            }
            case CONSENT -> {
                if (!consents.isEmpty() && consentGivenOn != null
                        && (consentGivenOn.isAfter(today) || !InputGuard.plausible(consentGivenOn))) {
                    refusals.add("case.consent.dateOutOfRange");
                }
            }
            case SAFETY_PLAN -> texts(refusals, safetyPlan);
        }
        return refusals.stream().distinct().toList();
    }

    private static void texts(List<String> refusals, String... values) {
        for (String value : values) {
            // blank is "not entered": a required one is told by Bean Validation, and blanks are never stored
            if (value != null && !value.isBlank()) {
                Text.problem(value, null).ifPresent(refusals::add);
            }
        }
    }

    private static void dates(List<String> refusals, LocalDate... values) {
        for (LocalDate value : values) {
            if (!InputGuard.plausible(value)) {
                refusals.add(InputGuard.DATE_OUT_OF_RANGE);
            }
        }
    }

    private boolean iinGivesBirthDate() {
        try {
            return Iin.ofNullable(iin).flatMap(Iin::birthDate).isPresent();
        } catch (InvalidInputException wrong) {
            return false;
        }
    }

    private Person victimOrNull(LocalDate today) {
        try {
            return new Person(victim(), today);
        } catch (InvalidInputException notYetValid) {
            return null;
        }
    }

    /** The incident that brought her, in the region of the case; the perpetrator is named later, on the case. */
    public IncidentDetails incident(String caseRegion) {
        return new IncidentDetails(incidentDate, incidentType, incidentContext, caseRegion, blankToNull(settlement),
                blankToNull(legalArticleCode), null, relationship, reportedToPoliceOn);
    }

    /** The day the consents were given: as entered, or the given day when she did not say. */
    public LocalDate consentGivenOn(LocalDate today) {
        return consentGivenOn == null ? today : consentGivenOn;
    }

    public boolean hasSafetyPlan() {
        return safetyPlan != null && !safetyPlan.isBlank();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public IncidentContext getIncidentContext() { return incidentContext; }
    public void setIncidentContext(IncidentContext incidentContext) { this.incidentContext = incidentContext; }
    public String getLegalArticleCode() { return legalArticleCode; }
    public void setLegalArticleCode(String legalArticleCode) { this.legalArticleCode = legalArticleCode; }
    public String getSettlement() { return settlement; }
    public void setSettlement(String settlement) { this.settlement = settlement; }
    public Relationship getRelationship() { return relationship; }
    public void setRelationship(Relationship relationship) { this.relationship = relationship; }
    public LocalDate getReportedToPoliceOn() { return reportedToPoliceOn; }
    public void setReportedToPoliceOn(LocalDate reportedToPoliceOn) { this.reportedToPoliceOn = reportedToPoliceOn; }
    public RiskLevel getRiskLevel() { return riskLevel; }
    public void setRiskLevel(RiskLevel riskLevel) { this.riskLevel = riskLevel; }
    public LocalDate getConsentGivenOn() { return consentGivenOn; }
    public void setConsentGivenOn(LocalDate consentGivenOn) { this.consentGivenOn = consentGivenOn; }
    public String getSafetyPlan() { return safetyPlan; }
    public void setSafetyPlan(String safetyPlan) { this.safetyPlan = safetyPlan; }

    public Set<ConsentScope> getConsents() {
        return consents;
    }

    public void setConsents(Set<ConsentScope> consents) {
        this.consents = consents == null || consents.isEmpty() ? EnumSet.noneOf(ConsentScope.class) : EnumSet.copyOf(consents);
    }

    public String getFamilyName() {
        return familyName;
    }

    public void setFamilyName(String familyName) {
        this.familyName = familyName;
    }

    public String getGivenName() {
        return givenName;
    }

    public void setGivenName(String givenName) {
        this.givenName = givenName;
    }

    public String getPatronymic() {
        return patronymic;
    }

    public void setPatronymic(String patronymic) {
        this.patronymic = patronymic;
    }

    public Sex getSex() {
        return sex;
    }

    public void setSex(Sex sex) {
        this.sex = sex;
    }

    public LocalDate getBirthDate() {
        return birthDate;
    }

    public void setBirthDate(LocalDate birthDate) {
        this.birthDate = birthDate;
    }

    /** The person as the model checks it. */
    public PersonDetails victim() {
        return new PersonDetails(familyName, givenName, patronymic, familyNameLatin, givenNameLatin, sex, birthDate,
                estimatedAge, citizenship, iin, documentType, documentNumber);
    }

    public Integer getEstimatedAge() { return estimatedAge; }
    public void setEstimatedAge(Integer estimatedAge) { this.estimatedAge = estimatedAge; }
    public String getFamilyNameLatin() { return familyNameLatin; }
    public void setFamilyNameLatin(String familyNameLatin) { this.familyNameLatin = familyNameLatin; }
    public String getGivenNameLatin() { return givenNameLatin; }
    public void setGivenNameLatin(String givenNameLatin) { this.givenNameLatin = givenNameLatin; }
    public String getCitizenship() { return citizenship; }
    public void setCitizenship(String citizenship) { this.citizenship = citizenship; }
    public String getIin() { return iin; }
    public void setIin(String iin) { this.iin = iin; }
    public IdentityDocumentType getDocumentType() { return documentType; }
    public void setDocumentType(IdentityDocumentType documentType) { this.documentType = documentType; }
    public String getDocumentNumber() { return documentNumber; }
    public void setDocumentNumber(String documentNumber) { this.documentNumber = documentNumber; }

    public String getRegionCode() {
        return regionCode;
    }

    public void setRegionCode(String regionCode) {
        this.regionCode = regionCode;
    }

    public CaseKind getKind() {
        return kind;
    }

    public void setKind(CaseKind kind) {
        this.kind = kind;
    }

    public LocalDate getIncidentDate() {
        return incidentDate;
    }

    public void setIncidentDate(LocalDate incidentDate) {
        this.incidentDate = incidentDate;
    }

    public GbvType getIncidentType() {
        return incidentType;
    }

    public void setIncidentType(GbvType incidentType) {
        this.incidentType = incidentType;
    }
}
