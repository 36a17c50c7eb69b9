package kz.qorgau.shared;

/** What a user may do; roles are bundles of these, so that access rules ask for a permission, not a role. */
public enum Permission {
    /** Open a new case file in one's own organisation. */
    CASE_OPEN,
    /** Read case files owned by one's own organisation. */
    CASE_READ_OWN_ORGANISATION,
    /** Read every case file of one's own region. */
    CASE_READ_OWN_REGION
}
