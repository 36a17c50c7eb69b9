package kz.qorgau.shared.persistence;

import org.eclipse.persistence.config.SessionCustomizer;
import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;

/**
 * EclipseLink by default retries a failed read three times, five seconds apart, so a request waits 15 s while the
 * database is down. The pool already validates and replaces connections; the request should fail at once and be
 * answered "temporarily unavailable".
 */
public class FailFastOnOutage implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
