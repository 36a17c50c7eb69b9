package kz.qorgau.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Who used the machine's cores during a stretch: the CPU time of each process from {@code /proc} (user and system,
 * all its threads), grouped into the stack's parts — the application server, PostgreSQL's processes, Keycloak, the
 * benchmark's own JVM — and everything else; beside the machine's idle time. Linux only; elsewhere it says nothing.
 */
final class CpuTime {

    /** Clock ticks per second of {@code /proc}'s times ({@code getconf CLK_TCK}), 100 on Linux. */
    private static final double TICKS_PER_SECOND = 100.0;
    static final String OTHER = "other processes";
    static final String POSTGRES = "PostgreSQL";

    private final Map<String, Long> ticks;
    private final long idle;

    private CpuTime(Map<String, Long> ticks, long idle) {
        this.ticks = ticks;
        this.idle = idle;
    }

    /** User plus system time of a {@code /proc/<pid>/stat} line; its name, in parentheses, may hold spaces. */
    static long ticks(String statLine) {
        String[] after = statLine.substring(statLine.lastIndexOf(')') + 2).split(" ");
        // fields 14 and 15 of the line, counted from the state (field 3)
        return Long.parseLong(after[11]) + Long.parseLong(after[12]);
    }

    static String command(String statLine) {
        return statLine.substring(statLine.indexOf('(') + 1, statLine.lastIndexOf(')'));
    }

    /** Idle and I/O wait of the whole machine, from the first line of {@code /proc/stat}. */
    static long idleTicks(String procStatFirstLine) {
        String[] f = procStatFirstLine.trim().split("\\s+");
        return Long.parseLong(f[4]) + Long.parseLong(f[5]);
    }

    /**
     * These servers' processes by name, each with its descendants (a start script's JVM), and this JVM as
     * {@code self} (without its descendants: the servers are its children).
     */
    static Map<Long, String> processes(Map<String, Long> servers, String self) {
        Map<Long, String> named = new LinkedHashMap<>();
        named.put(ProcessHandle.current().pid(), self);
        servers.forEach((name, pid) -> {
            named.put(pid, name);
            ProcessHandle.of(pid).ifPresent(h -> h.descendants().forEach(d -> named.put(d.pid(), name)));
        });
        return named;
    }

    /** Now, with these processes named; PostgreSQL's by their command name. Null when there is no {@code /proc}. */
    static CpuTime now(Map<Long, String> named) {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc)) {
            return null;
        }
        Map<String, Long> ticks = new LinkedHashMap<>();
        named.values().forEach(name -> ticks.putIfAbsent(name, 0L));
        ticks.put(POSTGRES, 0L);
        ticks.put(OTHER, 0L);
        try (Stream<Path> entries = Files.list(proc)) {
            for (Path p : entries.filter(e -> e.getFileName().toString().matches("\\d+")).toList()) {
                String line;
                try {
                    line = Files.readString(p.resolve("stat"));
                } catch (IOException gone) {
                    continue;
                }
                long pid = Long.parseLong(p.getFileName().toString());
                String group = named.containsKey(pid) ? named.get(pid) : command(line).equals("postgres") ? POSTGRES : OTHER;
                ticks.merge(group, ticks(line), Long::sum);
            }
            return new CpuTime(ticks, idleTicks(Files.readAllLines(proc.resolve("stat")).get(0)));
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** CPU seconds of each part from {@code earlier} to this, and the machine's idle seconds (all cores) last. */
    Map<String, Double> since(CpuTime earlier) {
        Map<String, Double> seconds = new LinkedHashMap<>();
        ticks.forEach((group, t) -> seconds.put(group, Math.max(0, t - earlier.ticks.getOrDefault(group, 0L)) / TICKS_PER_SECOND));
        seconds.put("idle", (idle - earlier.idle) / TICKS_PER_SECOND);
        return seconds;
    }

    /** "application server 120 s (50 %), PostgreSQL 60 s (25 %), …" of the cores' time over the stretch. */
    static String describe(Map<String, Double> seconds, double wallSeconds, int cores) {
        double all = wallSeconds * cores;
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, Double> e : seconds.entrySet()) {
            out.append(out.length() == 0 ? "" : ", ").append(e.getKey()).append(' ')
                    .append(String.format(java.util.Locale.ROOT, "%.0f s (%.0f %%)", e.getValue(), 100 * e.getValue() / all));
        }
        return out.toString();
    }
}
