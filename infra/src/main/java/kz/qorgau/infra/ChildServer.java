package kz.qorgau.infra;

import java.nio.file.Path;

/** A server that runs as one child process of ours: it lives, logs and stops as that process does. */
abstract class ChildServer implements Supervised {

    protected final ChildProcess process;

    protected ChildServer(ChildProcess process) {
        this.process = process;
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String exitStatus() {
        return process.exitStatus();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public Path log() {
        return process.log();
    }

    @Override
    public void close() {
        process.close();
    }
}
