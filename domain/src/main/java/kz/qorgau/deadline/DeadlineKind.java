package kz.qorgau.deadline;

public enum DeadlineKind {
    ORDER_EXPIRING,
    MANDATE_ENDING,
    SESSIONS_MISSED,
    REFERRAL_UNANSWERED,
    CASE_INACTIVE
}
