package kz.qorgau.shared;

import java.util.List;

/**
 * A part of a list and how long the whole list is, counted by the database within the caller's partition (not the
 * part's length). {@code totalExact} is false only where counting exactly would cost more than it tells (a case list
 * beyond ten thousand: the planner's estimate, see {@code CaseListCount}).
 */
public record Page<T>(List<T> items, long total, boolean totalExact, int first, int size) {

    public static <T> Page<T> of(List<T> items, long total, PageRequest request) {
        return new Page<>(items, total, true, request.first(), request.size());
    }

    public <U> Page<U> map(java.util.function.Function<T, U> each) {
        return new Page<>(items.stream().map(each).toList(), total, totalExact, first, size);
    }
}
