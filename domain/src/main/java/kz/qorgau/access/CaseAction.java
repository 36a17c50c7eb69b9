package kz.qorgau.access;

import kz.qorgau.casefile.CaseStatus;

import java.util.function.Predicate;

/**
 * What one may do with a case. Whether a caller may is the {@link AccessPolicy}'s answer; whether the case's status
 * allows it now is the status's ({@link CaseStatus}), asked here so that a page offers only what would succeed.
 */
public enum CaseAction {
    /** The case's parties, incidents, protective measures and its timeline, as far as the timeline is shown. */
    READ(s -> true),
    /** Risk assessments, consents, the closure comment, who works on the case. */
    READ_SOCIAL_WORK(s -> true),
    /** Risk, consents, incidents, related persons: the social work itself. */
    WORK(CaseStatus::allowsChanges),
    ACTIVATE(CaseStatus::allowsActivation),
    REQUEST_CLOSURE(CaseStatus::allowsClosureRequest),
    /** Approve the closure, or send the case back to work. */
    DECIDE_CLOSURE(CaseStatus::awaitsClosureDecision),
    REOPEN(CaseStatus::allowsReopening),
    ASSIGN(CaseStatus::allowsChanges),
    WHO_SAW(s -> true),
    READ_SAFETY_PLAN(s -> true),
    WRITE_SAFETY_PLAN(CaseStatus::allowsChanges),
    /** Where the victim lives and shelters: outside its partition it does not exist, it is not merely forbidden. */
    READ_ADDRESS(s -> true, true),
    RECORD_ADDRESS(CaseStatus::allowsChanges, true),
    READ_NOTES(s -> true),
    WRITE_NOTE(CaseStatus::allowsChanges),
    BRING_BEFORE_COURT(CaseStatus::allowsChanges),
    ISSUE_ORDER(s -> true),
    RECORD_DECISION(s -> true),
    IDENTIFY_TRAFFICKING(CaseStatus::allowsChanges),
    MAKE_REFERRAL(CaseStatus::allowsChanges),
    READ_REFERRALS(s -> true);

    private final Predicate<CaseStatus> possibleIn;
    private final boolean hiddenOutsidePartition;

    CaseAction(Predicate<CaseStatus> possibleIn) {
        this(possibleIn, false);
    }

    CaseAction(Predicate<CaseStatus> possibleIn, boolean hiddenOutsidePartition) {
        this.possibleIn = possibleIn;
        this.hiddenOutsidePartition = hiddenOutsidePartition;
    }

    boolean possibleIn(CaseStatus status) {
        return possibleIn.test(status);
    }

    /** Refused as "not found" rather than "forbidden" to one who reads the case but not this part of it. */
    boolean hiddenOutsidePartition() {
        return hiddenOutsidePartition;
    }
}
