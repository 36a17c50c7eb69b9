package kz.qorgau.casefile;

/** The perpetrator's relationship to the victim. */
public enum Relationship {
    SPOUSE,
    FORMER_SPOUSE,
    PARTNER,
    FORMER_PARTNER,
    PARENT,
    STEP_PARENT,
    CHILD,
    SIBLING,
    OTHER_RELATIVE,
    IN_LAW,
    EMPLOYER,
    RECRUITER,
    ACQUAINTANCE,
    STRANGER,
    OTHER
}
