package kz.qorgau.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import kz.qorgau.shared.persistence.SchemaReady;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the audit trail's monthly partitions (V22) made ahead of time: this month and the next twelve, at every
 * start and once a night, through the owner's own function, so the application's role never creates a table. Missing
 * them would cost nothing but speed: a row without its month goes to the default partition.
 */
@Singleton
public class AuditPartitions {

    private static final Logger LOG = Logger.getLogger(AuditPartitions.class.getName());

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    public void onSchemaReady(@Observes SchemaReady ready) {
        prepare();
    }

    @Schedule(hour = "2", minute = "17", persistent = false)
    void nightly() {
        prepare();
    }

    void prepare() {
        try {
            Number created = (Number) em.createNativeQuery("select audit_event_prepare_partitions()").getSingleResult();
            if (created.intValue() > 0) {
                LOG.info(() -> "Audit trail: " + created + " monthly partition(s) made ahead");
            }
        } catch (RuntimeException e) {
            // the trail still takes every row (default partition); the next start or night tries again
            LOG.log(Level.WARNING, "Audit trail: could not make the coming months' partitions", e);
        }
    }
}
