package kz.qorgau.mandate;

/** What the court was told at the end of a psychocorrection course. */
public enum CourseReportKind {
    COMPLETION,
    NON_COMPLIANCE
}
