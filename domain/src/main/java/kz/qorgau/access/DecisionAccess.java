package kz.qorgau.access;

import java.util.Set;

/** The policy's answer for one court decision: what the caller may do with it now. */
public record DecisionAccess(Set<DecisionAction> actions) implements java.io.Serializable {

    public DecisionAccess {
        actions = Set.copyOf(actions);
    }

    public boolean may(DecisionAction action) {
        return actions.contains(action);
    }
}
