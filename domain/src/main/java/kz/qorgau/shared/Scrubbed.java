package kz.qorgau.shared;

import java.sql.SQLException;

/**
 * A failure and its causes as types and stacks alone, for the log: a message may repeat what was typed or stored (a
 * name in a refused row, a value in a database's complaint). A database error keeps its SQLState (such as 23505, a
 * duplicate key), which names the kind of refusal but no value.
 */
public final class Scrubbed extends Throwable {

    private static final long serialVersionUID = 1L;

    private final String type;

    private Scrubbed(Throwable original, int depth) {
        super(null, original.getCause() == null || original.getCause() == original || depth > 20 ? null
                : new Scrubbed(original.getCause(), depth + 1), false, true);
        this.type = original.getClass().getName()
                + (original instanceof SQLException sql && sql.getSQLState() != null ? " [SQLState " + sql.getSQLState() + "]" : "");
        setStackTrace(original.getStackTrace());
    }

    public static Throwable of(Throwable failure) {
        return failure == null ? null : new Scrubbed(failure, 0);
    }

    @Override
    public String toString() {
        return type;
    }
}
