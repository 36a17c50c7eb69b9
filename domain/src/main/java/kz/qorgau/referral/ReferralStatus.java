package kz.qorgau.referral;

/**
 * proposed → sent → accepted | declined; accepted → in progress → completed; anything not yet declined or completed
 * can be cancelled. Declined, completed and cancelled are final: a new need is a new referral.
 */
public enum ReferralStatus {
    PROPOSED,
    SENT,
    ACCEPTED,
    DECLINED,
    IN_PROGRESS,
    COMPLETED,
    CANCELLED;

    /** The one table of allowed transitions; {@link ServiceReferral} refuses every other. */
    public boolean mayBecome(ReferralStatus next) {
        return switch (this) {
            case PROPOSED -> next == SENT || next == CANCELLED;
            case SENT -> next == ACCEPTED || next == DECLINED || next == CANCELLED;
            case ACCEPTED -> next == IN_PROGRESS || next == CANCELLED;
            case IN_PROGRESS -> next == COMPLETED || next == CANCELLED;
            case DECLINED, COMPLETED, CANCELLED -> false;
        };
    }

    /** Services are delivered under an accepted referral; the first delivery puts it in progress. */
    public boolean allowsDelivery() {
        return this == ACCEPTED || this == IN_PROGRESS;
    }
}
