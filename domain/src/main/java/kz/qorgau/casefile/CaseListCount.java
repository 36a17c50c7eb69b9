package kz.qorgau.casefile;

import java.io.Serializable;

/**
 * How many cases a list holds: exact up to {@link CaseFileRepository#EXACT_COUNT_LIMIT}, beyond that the planner's
 * estimate, which the page shows as "about N" — counting 160,000 cases exactly on every page costs more than it tells.
 */
public record CaseListCount(long value, boolean exact) implements Serializable {

    public static final CaseListCount ZERO = new CaseListCount(0, true);

    public CaseListCount {
        if (value < 0) {
            throw new IllegalArgumentException("a count is not negative");
        }
    }
}
