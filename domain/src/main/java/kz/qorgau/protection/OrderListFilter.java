package kz.qorgau.protection;

import kz.qorgau.shared.DateRange;

import java.util.EnumSet;
import java.util.Set;

/** What the list of protective orders is narrowed to: statuses on the day it is read (any when empty), issue days. */
public record OrderListFilter(Set<OrderStatus> statuses, DateRange issued) implements java.io.Serializable {

    public static final OrderListFilter NONE = new OrderListFilter(Set.of(), DateRange.ANY);

    public OrderListFilter {
        statuses = statuses == null || statuses.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(statuses));
        issued = issued == null ? DateRange.ANY : issued;
    }
}
