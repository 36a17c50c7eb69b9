package kz.qorgau.timeline;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import kz.qorgau.shared.Caller;

import java.time.Instant;
import java.util.List;

/** The case timeline: services append, pages read. Callers of {@link #of} have already been checked for access. */
@ApplicationScoped
public class Timeline {

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    public void record(Long caseFileId, CaseEventKind kind, Caller actor, String detail, Instant at) {
        em.persist(new CaseEvent(caseFileId, at, kind, actor.username(), actor.organisationCode().orElse(null), detail));
    }

    public List<CaseEvent> of(Long caseFileId) {
        return em.createQuery("select e from CaseEvent e where e.caseFileId = :id order by e.occurredAt, e.id", CaseEvent.class)
                .setParameter("id", caseFileId)
                .getResultList();
    }
}
