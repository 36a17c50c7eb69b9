package kz.qorgau.casefile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * What a social worker enters at intake. A form object: mutable so that a page can fill it, checked by Bean
 * Validation on the page and again by the service. Messages are keys of the {@code ValidationMessages} bundle.
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
