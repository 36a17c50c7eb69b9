package kz.qorgau.web.lists;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import kz.qorgau.shared.Scrubbed;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;

/**
 * Runs the list pages' exports in the background ({@link ListExport}): the service streams the caller's rows from its
 * cursor and audits the export once, with format and row count; the rows go straight into a file readable by the
 * server's user only, in one folder of the temporary directory, swept of whatever is older than an hour.
 */
@ApplicationScoped
public class ListExports {

    private static final Logger LOG = Logger.getLogger(ListExports.class.getName());
    static final Duration KEPT = Duration.ofHours(1);

    /** The export a page asks for: hands every row of the caller's list to the sink, audits, and says how many. */
    @FunctionalInterface
    public interface Export<R> {
        long run(Consumer<R> sink);
    }

    @Resource
    ManagedExecutorService executor;

    /** Starts the export as {@code page}'s, in place of the one it had. */
    public <R> void start(PageExport page, ListFiles files, ListFiles.Format format, String fileName, String sheetKey,
                          List<ListFiles.Column<R>> columns, long expected, boolean exact, Export<R> export) {
        Path file = newFile(format);
        ListExport job = new ListExport(format, fileName, expected, exact, file);
        page.replace(job);
        executor.submit(() -> {
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 64 * 1024)) {
                files.write(format, out, sheetKey, columns, sink -> export.run(row -> {
                    sink.accept(row);
                    job.wrote();
                }));
            } catch (IOException | RuntimeException failure) {
                LOG.log(Level.WARNING, "A list export failed", Scrubbed.of(failure));
                job.failed();
                return;
            }
            job.done();
        });
    }

    private static Path newFile(ListFiles.Format format) {
        try {
            Path folder = Path.of(System.getProperty("java.io.tmpdir"), "qorgau-exports");
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            FileTime before = FileTime.from(Instant.now().minus(KEPT));
            try (Stream<Path> old = Files.list(folder)) {
                old.filter(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(before) < 0;
                    } catch (IOException gone) {
                        return false;
                    }
                }).forEach(f -> {
                    try {
                        Files.deleteIfExists(f);
                    } catch (IOException ignored) {
                        // the next sweep
                    }
                });
            }
            return Files.createTempFile(folder, "export-", format.extension,
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }
}
