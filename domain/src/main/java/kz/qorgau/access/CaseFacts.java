package kz.qorgau.access;

import kz.qorgau.casefile.CaseFile;
import kz.qorgau.casefile.CaseStatus;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What the access policy needs to know of a case: whose it is, where, who works on it, its status, the courts it was
 * brought before and whether the caller holds an emergency access to it right now.
 */
public record CaseFacts(String organisationCode, String regionCode, Optional<String> assignedTo, CaseStatus status,
                        Set<String> courts, boolean emergencyAccess) {

    public CaseFacts {
        Objects.requireNonNull(organisationCode, "organisationCode");
        Objects.requireNonNull(regionCode, "regionCode");
        Objects.requireNonNull(assignedTo, "assignedTo");
        Objects.requireNonNull(status, "status");
        courts = Set.copyOf(courts);
    }

    public static CaseFacts of(CaseFile file, Set<String> courts, boolean emergencyAccess) {
        return new CaseFacts(file.organisationCode(), file.regionCode(), file.assignedTo(), file.status(), courts,
                emergencyAccess);
    }
}
