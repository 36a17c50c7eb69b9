package kz.qorgau.infra;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;

/** Each start writes a fresh log; the previous ones are kept beside it under their time, the newest few only. */
public final class Logs {

    static final int KEPT = 10;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneId.systemDefault());

    private Logs() {
    }

    /** Moves {@code name.log} aside as {@code name-<its last change>.log} and returns the path for the new start. */
    public static Path rotate(Path log) throws IOException {
        Files.createDirectories(log.getParent());
        if (Files.exists(log) && Files.size(log) > 0) {
            String base = log.getFileName().toString().replaceFirst("\\.log$", "");
            String stamp = STAMP.format(Files.getLastModifiedTime(log).toInstant());
            Path aside = log.resolveSibling(base + "-" + stamp + ".log");
            for (int n = 2; Files.exists(aside); n++) {
                aside = log.resolveSibling(base + "-" + stamp + "-" + n + ".log");
            }
            Files.move(log, aside, StandardCopyOption.ATOMIC_MOVE);
            try (Stream<Path> old = Files.list(log.getParent())) {
                List<Path> previous = old.filter(p -> p.getFileName().toString().matches(java.util.regex.Pattern.quote(base) + "-\\d{8}-\\d{6}(-\\d+)?\\.log"))
                        .sorted(Comparator.comparing(Path::getFileName).reversed()).toList();
                for (Path p : previous.subList(Math.min(KEPT, previous.size()), previous.size())) {
                    Files.deleteIfExists(p);
                }
            }
        }
        return log;
    }

    /** The last lines of a log, to say why a child stopped. */
    public static List<String> tail(Path log, int lines) {
        Deque<String> last = new ArrayDeque<>();
        try (Stream<String> all = Files.lines(log, StandardCharsets.UTF_8)) {
            all.forEach(line -> {
                last.addLast(line);
                if (last.size() > lines) {
                    last.removeFirst();
                }
            });
        } catch (IOException | java.io.UncheckedIOException unreadable) {
            return List.of("(" + log + " cannot be read)");
        }
        return List.copyOf(last);
    }
}
