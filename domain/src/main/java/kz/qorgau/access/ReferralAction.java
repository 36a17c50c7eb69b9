package kz.qorgau.access;

import kz.qorgau.referral.ReferralStatus;

import java.util.function.Predicate;

/**
 * What one may do with a referral: the case's worker sends and cancels it, the provider it is addressed to answers
 * it and records what it delivered. Which status allows which step is the status's ({@link ReferralStatus}).
 */
public enum ReferralAction {
    SEND(false, s -> s.mayBecome(ReferralStatus.SENT)),
    CANCEL(false, s -> s.mayBecome(ReferralStatus.CANCELLED)),
    ACCEPT(true, s -> s.mayBecome(ReferralStatus.ACCEPTED)),
    DECLINE(true, s -> s.mayBecome(ReferralStatus.DECLINED)),
    DELIVER(true, ReferralStatus::allowsDelivery),
    COMPLETE(true, s -> s.mayBecome(ReferralStatus.COMPLETED));

    private final boolean providers;
    private final Predicate<ReferralStatus> possibleIn;

    ReferralAction(boolean providers, Predicate<ReferralStatus> possibleIn) {
        this.providers = providers;
        this.possibleIn = possibleIn;
    }

    /** The provider's answer, as opposed to the referring worker's step. */
    boolean providers() {
        return providers;
    }

    boolean possibleIn(ReferralStatus status) {
        return possibleIn.test(status);
    }
}
