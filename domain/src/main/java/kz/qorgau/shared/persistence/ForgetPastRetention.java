package kz.qorgau.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/**
 * Forgets what is kept only for a while ({@link Retention}: idempotency keys, import's refused rows), each kind by one
 * node for all in its turn. Every node asks every ten minutes whose turn it is, so a kind's hour slips by at most that
 * when a node goes away.
 */
@ApplicationScoped
public class ForgetPastRetention {

    private static final Logger LOG = Logger.getLogger(ForgetPastRetention.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    @Any
    Instance<Retention> kinds;

    @Inject
    JobTurns turns;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduler.scheduleWithFixedDelay(this::forget, 10, 10, TimeUnit.MINUTES);
    }

    void forget() {
        for (Retention kind : kinds) {
            try {
                int forgotten = turns.inTurn(kind.job(), kind.every(), kind::forgetOld).orElse(0);
                if (forgotten > 0) {
                    LOG.info(kind.job().rowName() + ": forgot " + forgotten + " rows past their retention");
                }
            } catch (RuntimeException e) {
                // the database may be away for a moment; the next round catches up
                LOG.warning(kind.job().rowName() + " did not run: " + e.getClass().getName());
            }
        }
    }
}
