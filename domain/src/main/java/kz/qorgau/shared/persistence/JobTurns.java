package kz.qorgau.shared.persistence;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Whose turn it is to do a scheduled job, when several nodes schedule it. The database decides, since every shape of
 * deployment has one (the Run, the cluster run, Kubernetes) and the grid may be split: the node that locks the job's
 * row and finds it due does the work in that same transaction, any other node skips at once ({@code skip locked})
 * or, after the commit, finds it no longer due. A node that dies mid-run loses its transaction with its connection,
 * so the row goes back and the next tick anywhere does the job; so does a run that failed. A lock alone (an advisory
 * one, say) would keep two nodes from running at once, not from running one after the other: each node's ticks keep
 * their own times, so the row also says when the job last ran.
 */
@ApplicationScoped
public class JobTurns {

    /** Takes the turn: moves last_run_at when the row is free and the job due; answers 1 if it did, else 0. */
    static final String TAKE_TURN = """
            with due as (
                select name from scheduled_job
                where name = ?1 and last_run_at <= now() - cast(?2 as interval)
                for update skip locked)
            update scheduled_job j set last_run_at = now() from due where j.name = due.name""";

    @PersistenceContext(unitName = "qorgau")
    EntityManager em;

    /**
     * Does the work if it is this node's turn: no other node is doing it now, and none did it within {@code every}
     * ({@link Duration#ZERO}: only not at once). The work runs in a transaction of its own, with the turn: the job's
     * own statements there commit or roll back with it.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> Optional<T> inTurn(ScheduledJob job, Duration every, Supplier<T> work) {
        int taken = em.createNativeQuery(TAKE_TURN)
                .setParameter(1, job.rowName())
                .setParameter(2, every.toSeconds() + " seconds")
                .executeUpdate();
        return taken == 1 ? Optional.of(work.get()) : Optional.empty();
    }
}
