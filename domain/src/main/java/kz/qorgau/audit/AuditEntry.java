package kz.qorgau.audit;

import java.time.Instant;

/** One line of "who saw this": who, in which role and organisation, did what, when, from where. */
public record AuditEntry(Instant occurredAt, String username, String roles, String organisationCode, AuditAction action,
                         String recordType, String detail, String clientAddress)
        implements java.io.Serializable {
}
