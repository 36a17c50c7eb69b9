package kz.qorgau.access;

import java.util.Set;

/** The policy's answer for one protective order: what the caller may do with it now. */
public record OrderAccess(Set<OrderAction> actions) implements java.io.Serializable {

    public OrderAccess {
        actions = Set.copyOf(actions);
    }

    public boolean may(OrderAction action) {
        return actions.contains(action);
    }
}
