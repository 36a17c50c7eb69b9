package kz.qorgau.statistics;

/**
 * One social worker's load, for her region's supervisor: open cases she owns or is assigned, how many of them have
 * been quiet longer than the law allows, how many wait for a closure decision, and their referrals left unanswered.
 */
public record Caseload(String username, long openCases, long inactiveCases, long closureRequested, long unansweredReferrals) {
}
