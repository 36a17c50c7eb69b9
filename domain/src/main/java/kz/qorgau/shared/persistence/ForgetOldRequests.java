package kz.qorgau.shared.persistence;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;

/** Keeps the table of repeatable requests small: once an hour, keys past their retention are forgotten. */
@ApplicationScoped
public class ForgetOldRequests {

    private static final Logger LOG = Logger.getLogger(ForgetOldRequests.class.getName());

    @Resource
    ManagedScheduledExecutorService scheduler;

    @Inject
    RepeatableRequests requests;

    void atStart(@Observes @Initialized(ApplicationScoped.class) Object started) {
        scheduler.scheduleWithFixedDelay(this::forget, 10, 60, TimeUnit.MINUTES);
    }

    void forget() {
        try {
            int forgotten = requests.forgetOld();
            if (forgotten > 0) {
                LOG.info("Forgot " + forgotten + " idempotency keys past their retention");
            }
        } catch (RuntimeException e) {
            // the database may be away for a moment; the next round catches up
            LOG.warning("Could not forget old idempotency keys: " + e.getClass().getName());
        }
    }
}
