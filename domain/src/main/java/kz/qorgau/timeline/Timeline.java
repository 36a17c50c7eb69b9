package kz.qorgau.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import kz.qorgau.audit.AuditAction;
import kz.qorgau.audit.AuditTrail;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.persistence.Writes;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/** The case timeline: services append (and so audit the change), pages read. Callers of {@link #of} were checked,
 * and pass the kinds the reader may see. */
@ApplicationScoped
public class Timeline {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    AuditTrail audit;

    /** Every event of a case is a change of case data, so it is audited with it. */
    public void record(Long caseFileId, CaseEventKind kind, Caller actor, String detail, Instant at) {
        // write the change itself first, so that a conflict is told as one before anything else touches the database
        Writes.flush(em);
        em.persist(new CaseEvent(caseFileId, at, kind, actor.username(), actor.organisationCode().orElse(null), detail));
        audit.record(actor, kind == CaseEventKind.CASE_OPENED ? AuditAction.CREATE : AuditAction.CHANGE, "Case", null,
                caseFileId, kind.name());
    }

    /**
     * The same event of many new cases at once (a bulk import): one statement for the entries and one for their
     * audit rows, instead of two per case.
     */
    public void recordEach(List<Long> caseFileIds, CaseEventKind kind, Caller actor, String detail, Instant at) {
        if (caseFileIds.isEmpty()) {
            return;
        }
        String ids = caseFileIds.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(",", "[", "]"));
        em.createNativeQuery("""
                        insert into case_event (case_file_id, occurred_at, kind, actor_username, actor_organisation_code, detail)
                        select id::bigint, ?2, ?3, ?4, ?5, ?6 from jsonb_array_elements_text(cast(?1 as jsonb)) id""")
                .setParameter(1, ids)
                .setParameter(2, java.sql.Timestamp.from(at))
                .setParameter(3, kind.name())
                .setParameter(4, actor.username())
                .setParameter(5, actor.organisationCode().orElse(null))
                .setParameter(6, detail)
                .executeUpdate();
        audit.recordEach(actor, kind == CaseEventKind.CASE_OPENED ? AuditAction.CREATE : AuditAction.CHANGE, "Case",
                caseFileIds, kind.name());
    }

    /** The entries of a case of these kinds, as the access policy lets the reader see them; filtered by the database. */
    public List<CaseEvent> of(Long caseFileId, Set<CaseEventKind> kinds) {
        if (kinds.isEmpty()) {
            return List.of();
        }
        return em.createQuery("select e from CaseEvent e where e.caseFileId = :id and e.kind in :kinds"
                        + " order by e.occurredAt, e.id", CaseEvent.class)
                .setParameter("id", caseFileId)
                .setParameter("kinds", List.copyOf(kinds))
                .getResultList();
    }
}
