package kz.qorgau.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Role;

import java.sql.Timestamp;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The audit trail of case data: append-only in PostgreSQL (a trigger refuses changes; the application's role may
 * only insert and read). Each record is written in a transaction of its own, so that a refused or failed action
 * leaves its trace even when the action itself rolls back; reads and changes are written with the action, so that a
 * change rolled back leaves no record of a change. Records carry user names, roles, codes and ids — never a victim's
 * name, address or notes.
 */
@ApplicationScoped
public class AuditTrail {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    /** A read or change, in the transaction of the action it records. */
    @Transactional(Transactional.TxType.REQUIRED)
    public void record(Caller caller, AuditAction action, String recordType, Long recordId, Long caseFileId, String detail) {
        insert(caller, action, recordType, recordId, caseFileId, detail);
    }

    /** One row per case, in one statement: the same action on many cases at once (a bulk import's new cases). */
    public void recordEach(Caller caller, AuditAction action, String recordType, java.util.List<Long> caseFileIds, String detail) {
        if (caseFileIds.isEmpty()) {
            return;
        }
        em.createNativeQuery("""
                        insert into audit_event (username, roles, organisation_code, action, record_type, record_id,
                                                 case_file_id, detail, client_address)
                        select ?2, ?3, ?4, ?5, ?6, null, id::bigint, ?7, ?8 from jsonb_array_elements_text(cast(?1 as jsonb)) id""")
                .setParameter(1, caseFileIds.stream().map(String::valueOf).collect(Collectors.joining(",", "[", "]")))
                .setParameter(2, caller.username())
                .setParameter(3, roles(caller))
                .setParameter(4, caller.organisationCode().orElse(null))
                .setParameter(5, action.name())
                .setParameter(6, recordType)
                .setParameter(7, shortened(detail))
                .setParameter(8, caller.origin().isEmpty() ? null : caller.origin())
                .executeUpdate();
    }

    /** A refusal: written on its own, because the refused action rolls back. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void recordRefusal(Caller caller, String recordType, String detail) {
        insert(caller, AuditAction.FAILED_ACCESS, recordType, null, null, detail);
    }

    private void insert(Caller caller, AuditAction action, String recordType, Long recordId, Long caseFileId, String detail) {
        em.createNativeQuery("""
                        insert into audit_event (username, roles, organisation_code, action, record_type, record_id,
                                                 case_file_id, detail, client_address)
                        values (?1, ?2, ?3, ?4, ?5, cast(?6 as bigint), cast(?7 as bigint), ?8, ?9)""")
                .setParameter(1, caller.username())
                .setParameter(2, roles(caller))
                .setParameter(3, caller.organisationCode().orElse(null))
                .setParameter(4, action.name())
                .setParameter(5, recordType)
                .setParameter(6, recordId)
                .setParameter(7, caseFileId)
                .setParameter(8, shortened(detail))
                .setParameter(9, caller.origin().isEmpty() ? null : caller.origin())
                .executeUpdate();
    }

    private static String roles(Caller caller) {
        return caller.roles().stream().map(Role::realmName).sorted().collect(Collectors.joining(","));
    }

    /** The detail column holds 60 characters. */
    private static String shortened(String detail) {
        return detail == null || detail.length() <= 60 ? detail : detail.substring(0, 60);
    }

    /** The trail of one case, newest first; callers check that the reader may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> ofCase(Long caseFileId, int limit) {
        return ofCase(caseFileId, 0, limit);
    }

    /** A page of the trail of one case, newest first; callers check that the reader may see it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AuditEntry> ofCase(Long caseFileId, int first, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                        select occurred_at, username, roles, organisation_code, action, record_type, detail, client_address
                        from audit_event where case_file_id = ?1 order by occurred_at desc, id desc""")
                .setParameter(1, caseFileId)
                .setFirstResult(first)
                .setMaxResults(limit)
                .getResultList();
        return rows.stream().map(r -> new AuditEntry(instant(r[0]), (String) r[1], (String) r[2], (String) r[3],
                AuditAction.valueOf((String) r[4]), (String) r[5], (String) r[6], (String) r[7])).toList();
    }

    /** How many entries the trail of one case has. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long countOfCase(Long caseFileId) {
        return ((Number) em.createNativeQuery("select count(*) from audit_event where case_file_id = ?1")
                .setParameter(1, caseFileId).getSingleResult()).longValue();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof Timestamp t) {
            return t.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return java.time.Instant.parse(value.toString());
    }
}
