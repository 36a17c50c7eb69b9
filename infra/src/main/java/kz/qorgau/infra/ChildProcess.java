package kz.qorgau.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A server started as a child process, its output in a log file of its own per start, stopped with its descendants. */
public final class ChildProcess implements Supervised {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Process process;
    private final Path log;
    private final Path workingDirectory;

    private ChildProcess(String name, Process process, Path log, Path workingDirectory) {
        this.name = name;
        this.process = process;
        this.log = log;
        this.workingDirectory = workingDirectory;
    }

    public static ChildProcess start(String name, List<String> command, Path workingDirectory,
                                     Map<String, String> environment, Path log) throws IOException {
        Logs.rotate(log);
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(workingDirectory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        return new ChildProcess(name, builder.start(), log, workingDirectory);
    }

    /** Waits until {@code url} answers 200, failing early if the process dies. */
    public void awaitReady(String url, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException(name + " stopped during start (exit " + process.exitValue() + "). Last lines of "
                        + log + ":\n    " + String.join("\n    ", Logs.tail(log, Supervisor.LOG_LINES)));
            }
            try {
                if (HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYetListening) {
                // keep polling until the deadline
            }
            Thread.sleep(500);
        }
        throw new IOException(name + " not ready after " + timeout.toSeconds() + " s; see " + log);
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public String exitStatus() {
        return process.isAlive() ? "still running" : "exit " + process.exitValue();
    }

    public int waitFor() throws InterruptedException {
        return process.waitFor();
    }

    /** For a fault drill that kills it the way the operating system would. */
    public long pid() {
        return process.pid();
    }

    public Path workingDirectory() {
        return workingDirectory;
    }

    @Override
    public Path log() {
        return log;
    }

    @Override
    public void close() {
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroy();
        descendants.forEach(ProcessHandle::destroy);
        try {
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            for (ProcessHandle d : descendants) {
                d.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            }
        } catch (Exception slow) {
            descendants.forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
