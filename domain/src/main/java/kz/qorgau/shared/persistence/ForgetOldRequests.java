package kz.qorgau.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Keeps the table of repeatable requests small: once an hour, keys past their retention are forgotten, by one node for
 * all. Every node asks every ten minutes whose turn it is, so the hour slips by at most that when a node goes away.
 */
@ApplicationScoped
public class ForgetOldRequests {

    private static final Logger LOG = Logger.getLogger(ForgetOldRequests.class.getName());

    static final Duration EVERY = Duration.ofHours(1);

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RepeatableRequests requests;

    @Inject
    JobTurns turns;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduler.scheduleWithFixedDelay(this::forget, 10, 10, TimeUnit.MINUTES);
    }

    void forget() {
        try {
            int forgotten = turns.inTurn(ScheduledJob.FORGET_OLD_REQUESTS, EVERY, requests::forgetOld).orElse(0);
            if (forgotten > 0) {
                LOG.info("Forgot " + forgotten + " idempotency keys past their retention");
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next round catches up
            LOG.warning("Could not forget old idempotency keys: " + e.getClass().getName());
        }
    }
}
