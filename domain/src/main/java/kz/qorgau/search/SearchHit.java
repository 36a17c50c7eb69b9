package kz.qorgau.search;

import kz.qorgau.casefile.CaseStatus;

import java.time.LocalDate;

/** A case found: enough to tell one person from another and open her case, nothing more (no address, no IIN). */
public record SearchHit(String caseNumber, String familyName, String givenName, String patronymic, LocalDate birthDate,
                        CaseStatus status, String regionCode, Match match) {

    /** What the search matched: the case number or the IIN exactly, or the victim's name. */
    public enum Match {
        NUMBER, IIN, NAME
    }
}
