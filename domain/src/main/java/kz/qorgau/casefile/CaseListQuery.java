package kz.qorgau.casefile;

import java.util.Objects;

/** A page of a case list: offset, size and one sort column, all checked so that a page cannot ask for anything else. */
public record CaseListQuery(int first, int pageSize, SortBy sortBy, boolean ascending) {

    public static final int MAX_PAGE_SIZE = 100;

    public enum SortBy {
        NUMBER, VICTIM, REGION, STATUS, OPENED_AT, LAST_ACTIVITY
    }

    public CaseListQuery {
        if (first < 0) {
            throw new IllegalArgumentException("first must not be negative");
        }
        if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be 1.." + MAX_PAGE_SIZE);
        }
        Objects.requireNonNull(sortBy, "sortBy");
    }

    public static CaseListQuery firstPage(int pageSize) {
        return new CaseListQuery(0, pageSize, SortBy.LAST_ACTIVITY, false);
    }
}
