package kz.qorgau.casefile;

import java.io.Serializable;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * What a case list is narrowed to, on top of the caller's partition: statuses, kinds and risk levels (each empty for
 * "any"), who the case is assigned to, and whether something is due on it. The partition is never part of a filter:
 * a filter can only narrow what the caller may read.
 */
public record CaseListFilter(Set<CaseStatus> statuses, Set<CaseKind> kinds, Set<RiskLevel> risks,
                             Assignment assignment, String assignee, boolean withDeadline) implements Serializable {

    /** Who a listed case is assigned to. */
    public enum Assignment {
        /** Assigned or not. */
        ANY,
        /** Not assigned to anybody. */
        NOBODY,
        /** Assigned to the social worker named by {@link #assignee()}. */
        WORKER
    }

    public static final CaseListFilter NONE = new CaseListFilter(Set.of(), Set.of(), Set.of(), Assignment.ANY, null, false);

    public CaseListFilter {
        statuses = copy(statuses, CaseStatus.class);
        kinds = copy(kinds, CaseKind.class);
        risks = copy(risks, RiskLevel.class);
        Objects.requireNonNull(assignment, "assignment");
        assignee = assignee == null || assignee.isBlank() ? null : assignee.strip();
        if ((assignment == Assignment.WORKER) != (assignee != null)) {
            throw new IllegalArgumentException("an assignee is named exactly when the assignment is WORKER");
        }
    }

    /** Cases assigned to this user. */
    public static CaseListFilter assignedTo(String username) {
        return NONE.withAssignee(Assignment.WORKER, username);
    }

    public CaseListFilter withStatuses(Set<CaseStatus> statuses) {
        return new CaseListFilter(statuses, kinds, risks, assignment, assignee, withDeadline);
    }

    public CaseListFilter withKinds(Set<CaseKind> kinds) {
        return new CaseListFilter(statuses, kinds, risks, assignment, assignee, withDeadline);
    }

    public CaseListFilter withRisks(Set<RiskLevel> risks) {
        return new CaseListFilter(statuses, kinds, risks, assignment, assignee, withDeadline);
    }

    public CaseListFilter withAssignee(Assignment assignment, String assignee) {
        return new CaseListFilter(statuses, kinds, risks, assignment, assignee, withDeadline);
    }

    public CaseListFilter withDeadline(boolean withDeadline) {
        return new CaseListFilter(statuses, kinds, risks, assignment, assignee, withDeadline);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    // every value of an enum is the same as none of them: the condition would only cost time
    private static <E extends Enum<E>> Set<E> copy(Set<E> values, Class<E> type) {
        if (values == null || values.isEmpty() || values.size() == type.getEnumConstants().length) {
            return Set.of();
        }
        return Set.copyOf(EnumSet.copyOf(values));
    }
}
