package kz.qorgau.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The application server's garbage-collection pauses within a stretch of time, read from its unified GC log
 * ({@code -Xlog:gc:file=…:time}): how many, how long together, the longest. A request that meets a pause waits it out,
 * so the pauses are one candidate for the tail of a load's times.
 */
record GcPauses(int count, double totalMs, double longestMs, int over100Ms, List<String> longest) {

    /** The JVM option that writes the log this reads. */
    static String option(Path log) {
        return "-Xlog:gc:file=" + log + ":time";
    }

    // [2026-12-01T21:50:01.123+0000] GC(12) Pause Young (Normal) (G1 Evacuation Pause) 200M->50M(1024M) 12.345ms
    private static final Pattern PAUSE = Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) (Pause [^0-9]*?) .*? ([0-9.]+)ms$");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSZ");

    static GcPauses between(Path log, Instant from, Instant to) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        int count = 0;
        int over = 0;
        double total = 0;
        double longest = 0;
        List<String> slow = new ArrayList<>();
        for (String line : Files.readAllLines(log)) {
            Matcher m = PAUSE.matcher(line.strip());
            if (!m.find()) {
                continue;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(m.group(1), TIME).toInstant();
            } catch (DateTimeParseException e) {
                continue;
            }
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            double ms = Double.parseDouble(m.group(3));
            count++;
            total += ms;
            longest = Math.max(longest, ms);
            if (ms > 100) {
                over++;
                if (slow.size() < 5) {
                    slow.add(m.group(2).strip() + " " + Measurement.ms(ms) + " ms");
                }
            }
        }
        return new GcPauses(count, total, longest, over, slow);
    }

    /** The heap as the collections of a stretch left it: the most in use before one, the most still in use after one. */
    record HeapUse(int collections, long mostBeforeMb, long mostAfterMb, long committedMb) {
        String describe() {
            return "%d collections, the heap at most %,d MB before one and %,d MB after one (%,d MB committed)".formatted(collections,
                    mostBeforeMb, mostAfterMb, committedMb);
        }
    }

    private static final Pattern OCCUPANCY = Pattern.compile("^\\[([^\\]]+)\\].*GC\\(\\d+\\) Pause .*? (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    static HeapUse heapBetween(Path log, Instant from, Instant to) throws IOException {
        if (!Files.exists(log)) {
            return null;
        }
        int count = 0;
        long before = 0;
        long after = 0;
        long committed = 0;
        for (String line : Files.readAllLines(log)) {
            Matcher m = OCCUPANCY.matcher(line.strip());
            if (!m.find()) {
                continue;
            }
            Instant at;
            try {
                at = OffsetDateTime.parse(m.group(1), TIME).toInstant();
            } catch (DateTimeParseException e) {
                continue;
            }
            if (at.isBefore(from) || at.isAfter(to)) {
                continue;
            }
            count++;
            before = Math.max(before, Long.parseLong(m.group(2)));
            after = Math.max(after, Long.parseLong(m.group(3)));
            committed = Math.max(committed, Long.parseLong(m.group(4)));
        }
        return new HeapUse(count, before, after, committed);
    }

    String describe() {
        return "%d GC pauses, %s ms together, the longest %s ms, %d over 100 ms%s".formatted(count, Measurement.ms(totalMs),
                Measurement.ms(longestMs), over100Ms, longest.isEmpty() ? "" : " (" + String.join(", ", longest) + ")");
    }
}
