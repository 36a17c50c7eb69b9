package kz.qorgau.casefile;

/**
 * open → active → closure requested → closed; a closed case can be reopened. The one table of which step each status
 * allows: {@link CaseFile} refuses every other, and the access policy offers only these.
 */
public enum CaseStatus {
    OPEN,
    ACTIVE,
    CLOSURE_REQUESTED,
    CLOSED,
    REOPENED;

    /** Work begins: the first contact after intake, or after reopening. */
    public boolean allowsActivation() {
        return this == OPEN || this == REOPENED;
    }

    public boolean allowsClosureRequest() {
        return this == OPEN || this == ACTIVE || this == REOPENED;
    }

    /** A supervisor approves the closure or sends the case back to work. */
    public boolean awaitsClosureDecision() {
        return this == CLOSURE_REQUESTED;
    }

    public boolean allowsReopening() {
        return this == CLOSED;
    }

    /** A closed case is read-only until reopened. */
    public boolean allowsChanges() {
        return this != CLOSED;
    }
}
