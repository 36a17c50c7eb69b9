package kz.qorgau.access;

/** What one may do with a protective order once it is issued. */
public enum OrderAction {
    RECORD_VIOLATION,
    REVOKE
}
