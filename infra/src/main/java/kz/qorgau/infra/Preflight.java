package kz.qorgau.infra;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Before the Run starts anything: its ports must be free and its data folders not in use by another process. The
 * launcher never adopts a server it did not start; it names the one in the way and says how to get it out of the way.
 */
public final class Preflight {

    private Preflight() {
    }

    /** Refuses when something listens on {@code port}, naming it when this machine tells who. */
    public static void requireFreePort(String forWhat, int port, String wayOut) throws IOException {
        try (ServerSocket probe = new ServerSocket()) {
            probe.setReuseAddress(true);
            probe.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        } catch (IOException taken) {
            throw new IOException("Port " + port + " (" + forWhat + ") is already in use by " + listener(port)
                    + ". " + wayOut);
        }
    }

    /** Refuses when a PostgreSQL server still runs on this data folder (its postmaster.pid names a live process). */
    public static void requireUnusedPostgresData(Path dataDirectory) throws IOException {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        Optional<ProcessHandle> owner = pidIn(pidFile).flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (owner.isPresent()) {
            throw new IOException("The database folder " + dataDirectory + " is in use by " + describe(owner.get())
                    + ", perhaps left running by an earlier Run that was killed. Stop it (kill " + owner.get().pid()
                    + ") and start again.");
        }
    }

    /** Refuses when another process runs out of this folder (an earlier Keycloak, say), naming it. */
    public static void requireNoProcessUsing(Path folder, String what) throws IOException {
        String path = folder.toAbsolutePath().normalize().toString();
        Optional<ProcessHandle> user = ProcessHandle.allProcesses()
                .filter(p -> p.pid() != ProcessHandle.current().pid())
                .filter(p -> p.info().commandLine().map(c -> c.contains(path)).orElse(false))
                .findFirst();
        if (user.isPresent()) {
            throw new IOException(what + " in " + folder + " is in use by " + describe(user.get())
                    + ", perhaps left running by an earlier Run that was killed. Stop it (kill " + user.get().pid()
                    + ") and start again.");
        }
    }

    static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (IOException | NumberFormatException none) {
            return Optional.empty();
        }
    }

    /** Who listens on a TCP port, from Linux's /proc (socket inode to process); "another program" elsewhere. */
    static String listener(int port) {
        Set<String> inodes = new HashSet<>();
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            try (Stream<String> lines = Files.lines(Path.of(table))) {
                lines.skip(1).map(String::trim).map(l -> l.split("\\s+")).filter(f -> f.length > 9)
                        .filter(f -> f[3].equals("0A") && f[1].endsWith(":" + String.format("%04X", port)))
                        .forEach(f -> inodes.add(f[9]));
            } catch (IOException | RuntimeException unavailable) {
                // not Linux, or not readable: say less
            }
        }
        if (!inodes.isEmpty()) {
            try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
                    if (holdsSocket(process, inodes)) {
                        long pid = Long.parseLong(process.getFileName().toString());
                        return ProcessHandle.of(pid).map(Preflight::describe).orElse("process " + pid);
                    }
                }
            } catch (IOException unavailable) {
                // fall through
            }
        }
        return "another program";
    }

    private static boolean holdsSocket(Path process, Set<String> inodes) {
        try (Stream<Path> fds = Files.list(process.resolve("fd"))) {
            return fds.anyMatch(fd -> {
                try {
                    String target = Files.readSymbolicLink(fd).toString();
                    return target.startsWith("socket:[") && inodes.contains(target.substring(8, target.length() - 1));
                } catch (IOException | UnsupportedOperationException gone) {
                    return false;
                }
            });
        } catch (IOException | RuntimeException notOurs) {
            return false;
        }
    }

    static String describe(ProcessHandle process) {
        String command = process.info().command().map(c -> Path.of(c).getFileName().toString()).orElse("?");
        return "process " + process.pid() + " (" + command + ")";
    }
}
