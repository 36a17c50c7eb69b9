package kz.qorgau.casefile;

/** open → active → closure requested → closed; a closed case can be reopened. */
public enum CaseStatus {
    OPEN,
    ACTIVE,
    CLOSURE_REQUESTED,
    CLOSED,
    REOPENED
}
