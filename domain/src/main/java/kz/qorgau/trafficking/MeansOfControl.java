package kz.qorgau.trafficking;

/** How victims are held, after the HTCDS "means of control" list. */
public enum MeansOfControl {
    PHYSICAL_ABUSE,
    SEXUAL_ABUSE,
    PSYCHOLOGICAL_ABUSE,
    THREATS_TO_VICTIM_OR_FAMILY,
    DEBT_BONDAGE,
    WITHHOLDING_OF_EARNINGS,
    CONFISCATION_OF_DOCUMENTS,
    RESTRICTED_MOVEMENT,
    ISOLATION,
    SUBSTANCE_DEPENDENCE,
    FALSE_PROMISES,
    OTHER
}
