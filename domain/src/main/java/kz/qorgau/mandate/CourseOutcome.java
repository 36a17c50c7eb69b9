package kz.qorgau.mandate;

/**
 * Derived, never stored: completed once every required session is attended; non-compliant once non-compliance is
 * reported to the court; in progress until then.
 */
public enum CourseOutcome {
    IN_PROGRESS,
    COMPLETED,
    NON_COMPLIANT;

    /** The outcome of a course from what was reported and how many sessions were attended of those required. */
    public static CourseOutcome of(CourseReportKind report, long attended, int required) {
        if (report == CourseReportKind.NON_COMPLIANCE) {
            return NON_COMPLIANT;
        }
        return attended >= required ? COMPLETED : IN_PROGRESS;
    }
}
