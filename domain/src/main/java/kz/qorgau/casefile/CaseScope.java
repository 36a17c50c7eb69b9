package kz.qorgau.casefile;

import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Permission;

import java.util.Optional;

/**
 * The part of all case files a caller may read, as a condition for queries. Derived in one place from permissions
 * and token claims, so that every list and look-up applies the same partition.
 */
public record CaseScope(Partition partition, String code) {

    public enum Partition {
        ORGANISATION, REGION, COURT
    }

    /** Empty when the caller may read no case at all. */
    public static Optional<CaseScope> of(Caller caller) {
        if (caller.may(Permission.CASE_READ_OWN_REGION) && caller.regionCode().isPresent()) {
            return Optional.of(new CaseScope(Partition.REGION, caller.regionCode().get()));
        }
        if (caller.may(Permission.CASE_READ_BROUGHT_BEFORE_COURT) && caller.organisationCode().isPresent()) {
            return Optional.of(new CaseScope(Partition.COURT, caller.organisationCode().get()));
        }
        if (caller.may(Permission.CASE_READ_OWN_ORGANISATION) && caller.organisationCode().isPresent()) {
            return Optional.of(new CaseScope(Partition.ORGANISATION, caller.organisationCode().get()));
        }
        return Optional.empty();
    }

    /** JPQL condition on a case file aliased {@code c}, with parameter {@code :scope}. */
    public String condition() {
        return switch (partition) {
            case ORGANISATION -> "c.organisationCode = :scope";
            case REGION -> "c.regionCode = :scope";
            case COURT -> "exists (select s from CourtSubmission s where s.caseFileId = c.id and s.courtCode = :scope)";
        };
    }
}
