package kz.qorgau.casefile;

import jakarta.persistence.Query;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Permission;

import java.util.Optional;

/**
 * The part of all case files a caller may read, as a condition for queries. Derived in one place from permissions
 * and token claims, so that every list and look-up applies the same partition. A social worker's partition is her
 * organisation's cases and those assigned to her by name, so it carries her user name as well.
 */
public record CaseScope(Partition partition, String code, String username) {

    public enum Partition {
        ORGANISATION, REGION, COURT
    }

    /** A partition that does not depend on who asks: a region's or a court's. */
    public CaseScope(Partition partition, String code) {
        this(partition, code, null);
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
            return Optional.of(new CaseScope(Partition.ORGANISATION, caller.organisationCode().get(), caller.username()));
        }
        return Optional.empty();
    }

    /**
     * JPQL condition on a case file aliased {@code c}, with parameters {@code :scope} and, for an organisation,
     * {@code :scopeUser}; set both with {@link #bind}. Parenthesised, so that it can follow an {@code and}.
     */
    public String condition() {
        return switch (partition) {
            case ORGANISATION -> "(c.organisationCode = :scope or c.assignedTo = :scopeUser)";
            case REGION -> "c.regionCode = :scope";
            case COURT -> "exists (select s from CourtSubmission s where s.caseFileId = c.id and s.courtCode = :scope)";
        };
    }

    /**
     * The same partition for a native query on {@code case_file} aliased {@code c}, its parameters numbered from
     * {@code first} ({@code ?first}, …); set them from {@link #sqlParameters()} in order.
     */
    public String sqlCondition(int first) {
        return sqlCondition("c", "id", null, first);
    }

    /**
     * The partition on any table that carries a case's partition columns ({@code organisation_code},
     * {@code assigned_to}, {@code region_code}) under {@code alias}, its case id in {@code caseId}; {@code with}, when
     * given, joins each branch, so that an index on a partition column and that condition together serves it.
     */
    public String sqlCondition(String alias, String caseId, String with, int first) {
        String and = with == null ? "" : " and " + with;
        return switch (partition) {
            case ORGANISATION -> "((" + alias + ".organisation_code = ?" + first + and + ") or (" + alias
                    + ".assigned_to = ?" + (first + 1) + and + "))";
            case REGION -> "(" + alias + ".region_code = ?" + first + and + ")";
            case COURT -> "(" + alias + "." + caseId + " in (select b.case_file_id from court_submission b where b.court_code = ?"
                    + first + ")" + and + ")";
        };
    }

    /** The values of the native conditions' parameters, in order. */
    public java.util.List<Object> sqlParameters() {
        return partition == Partition.ORGANISATION ? java.util.List.of(code, username) : java.util.List.of(code);
    }

    /** Sets the parameters of {@link #condition()} on a query. */
    public <Q extends Query> Q bind(Q query) {
        query.setParameter("scope", code);
        if (partition == Partition.ORGANISATION) {
            query.setParameter("scopeUser", username);
        }
        return query;
    }
}
