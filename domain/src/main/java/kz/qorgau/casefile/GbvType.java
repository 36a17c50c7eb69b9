package kz.qorgau.casefile;

/** The six core incident types of the GBV Information Management System (GBVIMS) classification. */
public enum GbvType {
    RAPE,
    SEXUAL_ASSAULT,
    PHYSICAL_ASSAULT,
    FORCED_MARRIAGE,
    DENIAL_OF_RESOURCES,
    PSYCHOLOGICAL_ABUSE
}
