package kz.qorgau.access;

import java.util.Set;

/** The policy's answer for one referral: what the caller may do with it now. */
public record ReferralAccess(Set<ReferralAction> actions) implements java.io.Serializable {

    public ReferralAccess {
        actions = Set.copyOf(actions);
    }

    public boolean may(ReferralAction action) {
        return actions.contains(action);
    }
}
