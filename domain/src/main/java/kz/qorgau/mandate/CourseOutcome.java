package kz.qorgau.mandate;

/**
 * Derived, never stored: completed once every required session is attended; non-compliant once non-compliance is
 * reported to the court; in progress until then.
 */
public enum CourseOutcome {
    IN_PROGRESS,
    COMPLETED,
    NON_COMPLIANT
}
