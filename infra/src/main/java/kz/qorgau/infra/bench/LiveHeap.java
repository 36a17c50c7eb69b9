package kz.qorgau.infra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application server's heap as its JVM reports it through {@code jcmd}: what stays in use after a full collection
 * is what the application keeps (caches, sessions, pools), the figure a heap limit has to hold with room to spare.
 */
record LiveHeap(long usedKb, long committedKb) {

    // " garbage-first heap   total 1048576K, used 123456K [0x..." (G1); Parallel and Serial print one line per generation
    private static final Pattern SPACE = Pattern.compile("^\\s*(\\S.*?)\\s+total (\\d+)K, used (\\d+)K", Pattern.MULTILINE);

    /** The Java heap in {@code GC.heap_info}'s answer: its spaces summed, Metaspace and class space left out. */
    static LiveHeap parse(String heapInfo) {
        Matcher m = SPACE.matcher(heapInfo);
        long used = 0;
        long committed = 0;
        boolean found = false;
        while (m.find()) {
            String space = m.group(1);
            if (space.contains("Metaspace") || space.contains("class space")) {
                continue;
            }
            found = true;
            committed += Long.parseLong(m.group(2));
            used += Long.parseLong(m.group(3));
        }
        if (!found) {
            throw new IllegalArgumentException("no heap in jcmd's answer: " + heapInfo.lines().limit(3).toList());
        }
        return new LiveHeap(used, committed);
    }

    /** Asks the JVM for a full collection ({@code System.gc()}, a full GC under G1 unless told otherwise), then its heap. */
    static LiveHeap afterFullGc(long pid) throws IOException, InterruptedException {
        jcmd(pid, "GC.run");
        return parse(jcmd(pid, "GC.heap_info"));
    }

    private static final Pattern MAX_HEAP = Pattern.compile("-XX:MaxHeapSize=(\\d+)");

    /** The heap's limit, from the flags the JVM runs with. */
    static long maxHeapMb(long pid) throws IOException, InterruptedException {
        return maxHeapMb(jcmd(pid, "VM.flags"));
    }

    static long maxHeapMb(String flags) {
        Matcher m = MAX_HEAP.matcher(flags);
        return m.find() ? Long.parseLong(m.group(1)) / (1024 * 1024) : 0;
    }

    double usedMb() {
        return usedKb / 1024.0;
    }

    double committedMb() {
        return committedKb / 1024.0;
    }

    /** A diagnostic command to a JVM of ours ({@code jcmd <pid> <command> [arguments]}); its answer. */
    static String jcmd(long pid, String command, String... arguments) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        List<String> line = new java.util.ArrayList<>(List.of(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd", Long.toString(pid), command));
        line.addAll(List.of(arguments));
        Process process = new ProcessBuilder(line)
                .redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(2, TimeUnit.MINUTES) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IOException("jcmd " + pid + " " + command + " failed: " + out.lines().limit(3).toList());
        }
        return out;
    }
}
