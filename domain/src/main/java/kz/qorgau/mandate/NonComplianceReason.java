package kz.qorgau.mandate;

/**
 * Why a course was reported as not complied with. A code, not a note: the report lands in a file that several agencies
 * read, and free text invites details about the victim.
 */
public enum NonComplianceReason {
    DID_NOT_START,
    MISSED_SESSIONS,
    REFUSED_TO_CONTINUE,
    OTHER
}
