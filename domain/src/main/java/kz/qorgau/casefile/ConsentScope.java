package kz.qorgau.casefile;

/** What a victim may consent to, each separately: receiving services, disclosure to other organisations, statistics. */
public enum ConsentScope {
    SERVICES,
    DISCLOSURE,
    STATISTICS
}
