package kz.qorgau.shared.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.descriptors.ClassDescriptor;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * How EclipseLink talks to PostgreSQL here. It fails fast when the database is down: by default it retries a failed
 * read three times, five seconds apart, so a request would wait 15 s; the pool already validates and replaces
 * connections, and the request is better answered "temporarily unavailable" at once. And every entity it writes
 * passes {@link InputGuard} first.
 */
public class SessionSettings implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
        session.getEventManager().addListener(StatementCount.listener());
        InputGuard guard = new InputGuard();
        for (ClassDescriptor descriptor : session.getDescriptors().values()) {
            if (!descriptor.isAggregateDescriptor()) {
                descriptor.getEventManager().addListener(guard);
            }
        }
    }
}
