package kz.qorgau.casefile;

import java.time.LocalDate;

/** What is entered about a person; {@link Person} checks it. */
public record PersonDetails(String familyName, String givenName, String patronymic,
                            String familyNameLatin, String givenNameLatin,
                            Sex sex, LocalDate birthDate, Integer estimatedAge,
                            String citizenship, String iin,
                            IdentityDocumentType documentType, String documentNumber) {
}
