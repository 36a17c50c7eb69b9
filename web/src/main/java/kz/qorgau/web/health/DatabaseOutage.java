package kz.qorgau.web.health;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.sql.SQLNonTransientConnectionException;

/**
 * Tells a failure that means "the database cannot be reached right now" from a fault of the application, so that a
 * user is told to wait a moment (503) instead of being shown an error. The pool validates and replaces connections,
 * so the next request after PostgreSQL comes back succeeds without a restart.
 */
public final class DatabaseOutage {

    /** What a 503 asks the caller to wait, in seconds: the pool finds a restarted database within this time. */
    public static final int RETRY_AFTER_SECONDS = 5;

    private DatabaseOutage() {
    }

    public static boolean causedBy(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ConnectException || t instanceof SQLTransientConnectionException
                    || t instanceof SQLNonTransientConnectionException || t instanceof SQLRecoverableException
                    || t instanceof jakarta.resource.ResourceException) {
                return true;
            }
            if (t instanceof SQLException sql && unreachable(sql)) {
                return true;
            }
        }
        return false;
    }

    /**
     * The commit itself broke off: the transaction manager answers a system or heuristic failure and keeps no cause
     * (the connection was cut under COMMIT, the server shutting down). What was written may be saved or not; the
     * database is going away either way.
     */
    public static boolean commitBrokenOff(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.transaction.TransactionalException) {
                Throwable commit = t.getCause();
                return commit instanceof jakarta.transaction.SystemException
                        || commit instanceof jakarta.transaction.HeuristicMixedException
                        || commit instanceof jakarta.transaction.HeuristicRollbackException;
            }
        }
        return false;
    }

    /** Connection failures (class 08), a server shutting down or starting (57P01-57P03), or the pool refusing one. */
    private static boolean unreachable(SQLException sql) {
        String state = sql.getSQLState();
        if (state != null) {
            return state.startsWith("08") || state.equals("57P01") || state.equals("57P02") || state.equals("57P03");
        }
        String message = sql.getMessage();
        return message != null && message.contains("allocating a connection");
    }
}
