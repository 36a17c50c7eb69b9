package kz.qorgau.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * The files of imports on the server's disk: uploads waiting for their job (the refused rows are kept in the database,
 * {@link RefusedRowsStore}). Readable by the server's user only, in one folder of the temporary directory; whatever
 * is older than a day is deleted when the next file is made.
 */
public final class ImportFiles {

    static final Duration KEPT = Duration.ofDays(1);

    private ImportFiles() {
    }

    /** A new, empty file for an upload, readable by the server's user only. */
    public static Path upload(ImportFormat format) {
        try {
            return Files.createTempFile(folder(), "upload-", format == ImportFormat.CSV ? ".csv" : ".xlsx",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
    }

    public static void delete(Path file) {
        if (file == null) {
            return;
        }
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the day's sweep takes it
        }
    }

    private static Path folder() {
        Path folder = Path.of(System.getProperty("java.io.tmpdir"), "qorgau-imports");
        try {
            if (!Files.isDirectory(folder)) {
                Files.createDirectories(folder, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            }
            FileTime before = FileTime.from(Instant.now().minus(KEPT));
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> {
                    try {
                        return Files.getLastModifiedTime(f).compareTo(before) < 0;
                    } catch (IOException gone) {
                        return false;
                    }
                }).forEach(ImportFiles::delete);
            }
        } catch (IOException failed) {
            throw new UncheckedIOException(failed);
        }
        return folder;
    }
}
