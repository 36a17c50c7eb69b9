package kz.qorgau.casefile;

/** How a related person stands to the victim. */
public enum PartyRelation {
    CHILD,
    PARENT,
    SIBLING,
    SPOUSE,
    OTHER_RELATIVE,
    OTHER
}
