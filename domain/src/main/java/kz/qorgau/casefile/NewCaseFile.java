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

    @NotNull(message = "{case.victim.birthDate.required}")
    @PastOrPresent(message = "{case.victim.birthDate.future}")
    private LocalDate birthDate;

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
