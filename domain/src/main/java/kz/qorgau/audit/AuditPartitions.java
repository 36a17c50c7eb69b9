package kz.qorgau.audit;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import kz.qorgau.shared.persistence.JobTurns;
import kz.qorgau.shared.persistence.ScheduledJob;
import kz.qorgau.shared.persistence.SchemaReady;

import java.time.Duration;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Keeps the audit trail's monthly partitions (V22) made ahead of time: this month and the next twelve, at every
 * start and once a night, through the owner's own function, so the application's role never creates a table. Missing
 * them would cost nothing but speed: a row without its month goes to the default partition. With several nodes, one
 * does it for all ({@link JobTurns}): two at once would race to create the same month.
 */
@Singleton
public class AuditPartitions {

    private static final Logger LOG = Logger.getLogger(AuditPartitions.class.getName());

    /** Every node's 02:17 comes within seconds of the others': the first does the night's work, the rest skip. */
    static final Duration NIGHT_TURN = Duration.ofHours(1);

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    @Inject
    JobTurns turns;

    public void onSchemaReady(@Observes SchemaReady ready) {
        prepare(Duration.ZERO); // a start makes sure, unless another node is at it this moment
    }

    @Schedule(hour = "2", minute = "17", persistent = false)
    void nightly() {
        prepare(NIGHT_TURN);
    }

    void prepare(Duration every) {
        try {
            Optional<Number> created = turns.inTurn(ScheduledJob.PREPARE_AUDIT_PARTITIONS, every,
                    () -> (Number) em.createNativeQuery("select audit_event_prepare_partitions()").getSingleResult());
            created.filter(made -> made.intValue() > 0)
                    .ifPresent(made -> LOG.info(() -> "Audit trail: " + made + " monthly partition(s) made ahead"));
        } catch (RuntimeException e) {
            // the trail still takes every row (default partition); the next start or night tries again
            LOG.log(Level.WARNING, "Audit trail: could not make the coming months' partitions", e);
        }
    }
}
