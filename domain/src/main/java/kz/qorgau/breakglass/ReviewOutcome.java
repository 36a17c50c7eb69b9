package kz.qorgau.breakglass;

/** What the reviewing supervisor concluded about an emergency access. */
public enum ReviewOutcome {
    JUSTIFIED,
    NOT_JUSTIFIED
}
