package kz.qorgau.mandate;

/**
 * Every kind of measure a court decision can impose, as lists filter and show them: the prohibitions of
 * {@link Requirement}, and the three measures a decision carries with details of their own.
 */
public enum MandateMeasure {
    NO_CONTACT,
    NO_WEAPONS,
    NO_ALCOHOL_OR_DRUGS,
    POLICE_REPORTS,
    EVICTION,
    PSYCHOCORRECTION
}
