package kz.qorgau.audit;

public enum AuditAction {
    READ,
    CREATE,
    CHANGE,
    EXPORT,
    FAILED_ACCESS,
    BREAK_GLASS
}
