package kz.qorgau.access;

/** What a court may do with its own decision once recorded: follow the psychocorrection course it ordered. */
public enum DecisionAction {
    RECORD_SESSION,
    /** Report completion or non-compliance back to the court: once, and the course is closed. */
    REPORT_COURSE
}
