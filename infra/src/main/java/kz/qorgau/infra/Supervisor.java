package kz.qorgau.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Watches the children of a Run. One that dies is named with the last lines of its log; it is started again if it
 * may be (a bounded number of times), otherwise watching ends with {@link ChildStopped} and the launcher stops the
 * others, so that nothing is left running without a Run that owns it.
 */
public final class Supervisor {

    static final int LOG_LINES = 15;

    /**
     * Starts a child again and answers it at once; the supervisor then waits until it is ready, so that a stop meanwhile
     * (Ctrl-C) finds and stops it too.
     */
    public interface Restart {
        Supervised start() throws Exception;
    }

    /** A child stopped and may not be started again: the Run ends, and says why. */
    public static final class ChildStopped extends Exception {
        ChildStopped(String message) {
            super(message);
        }
    }

    private static final class Watched {
        final String name;
        final int maxRestarts;
        final Restart restart;
        Supervised current;
        int restarts;
        // a drill stops and starts it on purpose: watching leaves it alone meanwhile
        volatile boolean held;

        Watched(String name, int maxRestarts, Supervised current, Restart restart) {
            this.name = name;
            this.maxRestarts = maxRestarts;
            this.current = current;
            this.restart = restart;
        }
    }

    private final List<Watched> children = new ArrayList<>();
    private final Consumer<String> say;
    private volatile boolean stopping;
    private boolean closed;

    public Supervisor(Consumer<String> say) {
        this.say = say;
    }

    /** Watches a child that was just started; {@code restart} null or {@code maxRestarts} 0: its end ends the Run. */
    public synchronized <T extends Supervised> T add(String name, T child, int maxRestarts, Restart restart) {
        children.add(new Watched(name, restart == null ? 0 : maxRestarts, child, restart));
        return child;
    }

    /** Returns when {@link #stop()} is called; throws when a child stopped for good. */
    public void watch(Duration poll) throws Exception {
        while (!stopping) {
            for (Watched child : List.copyOf(children)) {
                if (!stopping && !child.held && !child.current.isAlive()) {
                    recover(child);
                }
            }
            Thread.sleep(poll.toMillis());
        }
    }

    private void recover(Watched child) throws Exception {
        String why = child.name + " stopped unexpectedly (" + child.current.exitStatus() + "). Last lines of "
                + child.current.log() + ":\n    " + String.join("\n    ", Logs.tail(child.current.log(), LOG_LINES));
        if (child.restarts >= child.maxRestarts) {
            throw new ChildStopped(why + (child.maxRestarts == 0 ? "" : "\nIt was restarted " + child.restarts
                    + " times already.") + "\nEverything else is stopped now; start the Run again once the cause is fixed.");
        }
        child.restarts++;
        say.accept(why);
        say.accept("Starting " + child.name + " again (" + child.restarts + " of " + child.maxRestarts + ") ...");
        child.current.close();
        Supervised fresh = child.restart.start();
        synchronized (this) {
            if (closed) {
                fresh.close(); // stopped while it was being started
                return;
            }
            child.current = fresh; // from now on closeAll stops it, also while it is still starting
        }
        try {
            fresh.awaitReady();
        } catch (java.io.IOException notReady) {
            if (!stopping) {
                // slow (a busy machine) or dead: one slow node does not stop the others; watching goes on, and a
                // child that died is started again while restarts are left
                say.accept(child.name + " is not ready yet: " + notReady.getMessage()
                        + (fresh.isAlive() ? " It is still starting and stays watched." : ""));
            }
            return;
        }
        say.accept(child.name + " is running again.");
    }

    /** The child as it is now: a restart replaces it. */
    public synchronized Supervised current(String name) {
        return find(name).current;
    }

    /**
     * For a fault drill: {@code outage} stops the child and starts it again, and watching does not count that as its
     * death meanwhile. Answers the child started again, which is watched from then on.
     */
    public Supervised replace(String name, Restart outage) throws Exception {
        Watched child;
        synchronized (this) {
            child = find(name);
            child.held = true;
        }
        try {
            Supervised fresh = outage.start();
            synchronized (this) {
                child.current = fresh;
            }
            return fresh;
        } finally {
            child.held = false;
        }
    }

    private Watched find(String name) {
        return children.stream().filter(c -> c.name.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no child " + name));
    }

    public void stop() {
        stopping = true;
    }

    /** Stops every child, the last started first; once only, whoever asks (Ctrl-C, the end of the Run). */
    public synchronized void closeAll() {
        stopping = true;
        if (closed || children.isEmpty()) {
            return;
        }
        closed = true;
        say.accept("Stopping ...");
        for (int i = children.size() - 1; i >= 0; i--) {
            try {
                children.get(i).current.close();
            } catch (RuntimeException e) {
                say.accept("while stopping " + children.get(i).name + ": " + e.getMessage());
            }
        }
        say.accept("Stopped.");
    }
}
