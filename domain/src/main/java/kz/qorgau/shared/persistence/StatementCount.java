package kz.qorgau.shared.persistence;

import org.eclipse.persistence.sessions.SessionEvent;
import org.eclipse.persistence.sessions.SessionEventAdapter;

import java.util.function.Supplier;

/**
 * Counts the SQL statements EclipseLink sends on this thread while {@link #during} runs: what a page's read really
 * costs, asked by a test (one case view, whatever it holds, stays within a fixed number of statements). Outside
 * {@code during} nothing is counted.
 */
public final class StatementCount {

    private static final ThreadLocal<int[]> COUNTING = new ThreadLocal<>();

    /** The result of the work and the statements it sent. */
    public record Counted<T>(T result, int statements) {
    }

    public static <T> Counted<T> during(Supplier<T> work) {
        int[] count = new int[1];
        COUNTING.set(count);
        try {
            T result = work.get();
            return new Counted<>(result, count[0]);
        } finally {
            COUNTING.remove();
        }
    }

    private StatementCount() {
    }

    /** The listener EclipseLink's session gets at start ({@link SessionSettings}). */
    static SessionEventAdapter listener() {
        return new Counter();
    }

    private static final class Counter extends SessionEventAdapter {
        @Override
        public void preExecuteCall(SessionEvent event) {
            int[] count = COUNTING.get();
            if (count != null) {
                count[0]++;
            }
        }
    }
}
