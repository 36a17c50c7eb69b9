package kz.qorgau.protection;

/** What followed a violation of a protective order. */
public enum ViolationConsequence {
    WARNING,
    ADMINISTRATIVE_ARREST,
    CRIMINAL_PROCEEDINGS
}
