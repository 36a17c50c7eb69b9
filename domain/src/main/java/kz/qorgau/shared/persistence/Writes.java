package kz.qorgau.shared.persistence;

import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.QorgauException;

import java.sql.SQLException;

/**
 * Writes a service's changes now, inside its transaction, so that a conflict becomes a refusal the user understands
 * instead of a failure at commit: a newer version saved by someone else, or a row created by someone else at the same
 * moment (unique violation, SQL state 23505).
 */
public final class Writes {

    private Writes() {
    }

    /** A unique violation here means two people created the same thing at once. */
    public static void flush(EntityManager em) {
        flush(em, null);
    }

    /** A unique violation here means the input repeats something that exists, told with {@code duplicateKey}. */
    public static void flush(EntityManager em, String duplicateKey) {
        try {
            em.flush();
        } catch (OptimisticLockException e) {
            throw new ConcurrentChangeException();
        } catch (PersistenceException e) {
            QorgauException.behind(e).ifPresent(refusal -> {
                throw refusal;
            });
            if (isUniqueViolation(e)) {
                throw duplicateKey == null ? new ConcurrentChangeException() : new InvalidInputException(duplicateKey);
            }
            throw e;
        }
    }

    static boolean isUniqueViolation(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
