package kz.qorgau.infra;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Real child processes that die: the Run names them with their last words, restarts what it may, leaves nothing. */
class SupervisorTest {

    @TempDir
    Path dir;

    private final List<String> said = new CopyOnWriteArrayList<>();

    private ChildProcess dying(String name, String lastWords, int exit) throws IOException {
        return ChildProcess.start(name, List.of("sh", "-c", "echo starting; echo '" + lastWords + "'; sleep 0.3; exit " + exit),
                dir, Map.of(), dir.resolve("logs/" + name + ".log"));
    }

    private ChildProcess sleeping(String name) throws IOException {
        return ChildProcess.start(name, List.of("sleep", "60"), dir, Map.of(), dir.resolve("logs/" + name + ".log"));
    }

    @Test
    void aChildThatMayNotRestartEndsTheRunWithItsLastLogLinesAndTheOthersAreStopped() throws Exception {
        Supervisor supervisor = new Supervisor(said::add);
        ChildProcess other = supervisor.add("Keycloak", sleeping("keycloak"), 3, () -> sleeping("keycloak"));
        supervisor.add("PostgreSQL", dying("postgres", "PANIC: could not write to file", 3), 0, null);

        assertThatThrownBy(() -> supervisor.watch(Duration.ofMillis(100)))
                .isInstanceOf(Supervisor.ChildStopped.class)
                .hasMessageContaining("PostgreSQL stopped unexpectedly (exit 3)")
                .hasMessageContaining("PANIC: could not write to file")
                .hasMessageContaining("Everything else is stopped");
        supervisor.closeAll();
        assertThat(other.isAlive()).isFalse();
    }

    @Test
    void aChildIsRestartedABoundedNumberOfTimesThenTheRunEnds() throws Exception {
        Supervisor supervisor = new Supervisor(said::add);
        List<ChildProcess> started = new ArrayList<>();
        supervisor.add("Payara Micro", dying("payara", "OutOfMemoryError", 137), 2, () -> {
            ChildProcess again = dying("payara", "OutOfMemoryError", 137);
            started.add(again);
            return again;
        });

        assertThatThrownBy(() -> supervisor.watch(Duration.ofMillis(100)))
                .isInstanceOf(Supervisor.ChildStopped.class)
                .hasMessageContaining("Payara Micro stopped unexpectedly (exit 137)")
                .hasMessageContaining("restarted 2 times");
        assertThat(started).hasSize(2);
        assertThat(said).anyMatch(line -> line.contains("Starting Payara Micro again (1 of 2)"))
                .anyMatch(line -> line.contains("Starting Payara Micro again (2 of 2)"));
        supervisor.closeAll();
        assertThat(started).noneMatch(ChildProcess::isAlive);
    }

    /** A child started again whose readiness takes a while, like Payara Micro deploying: it serves when told so. */
    private static class SlowToStart extends ChildServer {
        final java.util.concurrent.CountDownLatch starting = new java.util.concurrent.CountDownLatch(1);

        SlowToStart(ChildProcess process) {
            super(process);
        }

        @Override
        public void awaitReady() throws IOException, InterruptedException {
            starting.countDown();
            while (process.isAlive()) {
                Thread.sleep(50);
            }
            throw new IOException("stopped during start");
        }
    }

    /** Watches as the Run does, in a thread of its own; what ended the watching, if anything, lands in {@code ended}. */
    private static Thread watching(Supervisor supervisor, java.util.concurrent.atomic.AtomicReference<Exception> ended) {
        Thread watcher = new Thread(() -> {
            try {
                supervisor.watch(Duration.ofMillis(100));
            } catch (Exception e) {
                ended.set(e);
            }
        });
        watcher.start();
        return watcher;
    }

    @Test
    void aStopWhileAChildIsBeingStartedAgainStopsTheChildBeingStarted() throws Exception {
        Supervisor supervisor = new Supervisor(said::add);
        List<SlowToStart> started = new CopyOnWriteArrayList<>();
        supervisor.add("Payara Micro", dying("payara", "killed", 137), 3, () -> {
            SlowToStart again = new SlowToStart(sleeping("payara"));
            started.add(again);
            return again;
        });
        java.util.concurrent.atomic.AtomicReference<Exception> watching = new java.util.concurrent.atomic.AtomicReference<>();
        Thread watcher = watching(supervisor, watching);
        for (int i = 0; i < 100 && started.isEmpty(); i++) {
            Thread.sleep(50);
        }
        assertThat(started).hasSize(1);
        assertThat(started.get(0).starting.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

        supervisor.closeAll(); // Ctrl-C while it is still starting

        watcher.join(5000);
        assertThat(watcher.isAlive()).isFalse();
        assertThat(watching.get()).isNull();
        assertThat(started.get(0).isAlive()).isFalse();
        assertThat(said).noneMatch(line -> line.contains("is running again"));
    }

    @Test
    void aChildTooSlowToBecomeReadyAfterARestartStaysWatchedAndTheOthersKeepRunning() throws Exception {
        Supervisor supervisor = new Supervisor(said::add);
        ChildProcess other = supervisor.add("node-1", sleeping("node-1"), 3, () -> sleeping("node-1"));
        List<Supervised> started = new CopyOnWriteArrayList<>();
        supervisor.add("node-2", dying("node-2", "killed", 137), 3, () -> {
            ChildProcess process = sleeping("node-2");
            Supervised slow = new SlowToStart(process) {
                @Override
                public void awaitReady() throws IOException {
                    throw new IOException("node-2 not ready after 180 s");
                }
            };
            started.add(slow);
            return slow;
        });
        java.util.concurrent.atomic.AtomicReference<Exception> watching = new java.util.concurrent.atomic.AtomicReference<>();
        Thread watcher = watching(supervisor, watching);
        for (int i = 0; i < 100 && said.stream().noneMatch(l -> l.contains("is not ready yet")); i++) {
            Thread.sleep(50);
        }
        Thread.sleep(300); // a few more rounds of watching

        assertThat(said).anyMatch(l -> l.contains("node-2 is not ready yet") && l.contains("still starting"));
        assertThat(watching.get()).isNull();
        assertThat(started).hasSize(1);
        assertThat(started.get(0).isAlive()).isTrue();
        assertThat(other.isAlive()).isTrue();
        supervisor.closeAll();
        watcher.join(5000);
        assertThat(started.get(0).isAlive()).isFalse();
        assertThat(other.isAlive()).isFalse();
    }

    @Test
    void eachStartKeepsTheLogOfTheStartBefore() throws Exception {
        ChildProcess first = dying("payara", "first start", 1);
        first.waitFor();
        Files.setLastModifiedTime(first.log(), java.nio.file.attribute.FileTime.fromMillis(0));
        ChildProcess second = dying("payara", "second start", 1);
        second.waitFor();

        try (var logs = Files.list(dir.resolve("logs"))) {
            List<Path> all = logs.sorted().toList();
            assertThat(all).hasSize(2);
            assertThat(Files.readString(dir.resolve("logs/payara.log"))).contains("second start");
            assertThat(all).anyMatch(p -> p.getFileName().toString().matches("payara-\\d{8}-\\d{6}\\.log"));
        }
    }

    @Test
    void olderLogsBeyondTheLastFewAreRemoved() throws Exception {
        Path log = dir.resolve("logs/keycloak.log");
        for (int i = 0; i < Logs.KEPT + 5; i++) {
            Files.createDirectories(log.getParent());
            Files.writeString(log, "start " + i);
            Files.setLastModifiedTime(log, java.nio.file.attribute.FileTime.fromMillis(i * 1000L));
            Logs.rotate(log);
        }
        try (var logs = Files.list(log.getParent())) {
            assertThat(logs.count()).isEqualTo(Logs.KEPT);
        }
    }
}
