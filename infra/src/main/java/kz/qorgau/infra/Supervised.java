package kz.qorgau.infra;

import java.nio.file.Path;

/** A server the launcher started itself and watches while the Run lasts. */
public interface Supervised extends AutoCloseable {

    boolean isAlive();

    /** How it ended, for the message that says so ("exit 137"). */
    String exitStatus();

    Path log();

    /** Returns once it serves; a child with nothing to wait for is ready when started. */
    default void awaitReady() throws java.io.IOException, InterruptedException {
    }

    @Override
    void close();
}
