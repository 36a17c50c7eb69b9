package kz.qorgau.web.lists;

import org.primefaces.model.DefaultStreamedContent;
import org.primefaces.model.StreamedContent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One export a list page started: written in the background into a file only the server's user may read, with how
 * many rows are in it so far against the list's size, so that the page shows its progress and stays usable; then
 * downloaded from the page (never by an address), and deleted when the page is left or another export starts.
 */
public final class ListExport {

    private final ListFiles.Format format;
    private final String fileName;
    private final long expected;
    private final boolean exact;
    private final Path file;
    private final AtomicLong written = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean failed;

    ListExport(ListFiles.Format format, String fileName, long expected, boolean exact, Path file) {
        this.format = format;
        this.fileName = fileName;
        this.expected = expected;
        this.exact = exact;
        this.file = file;
    }

    void wrote() {
        written.incrementAndGet();
    }

    void done() {
        running = false;
    }

    void failed() {
        failed = true;
        running = false;
        discard();
    }

    public String getFormat() {
        return format.name();
    }

    public long getWritten() {
        return written.get();
    }

    /** The list's size when the export started (never fewer than the rows written so far). */
    public long getExpected() {
        return Math.max(expected, written.get());
    }

    /** Whether that size was counted exactly (a case list beyond ten thousand is estimated). */
    public boolean isExact() {
        return exact;
    }

    public boolean isRunning() {
        return running;
    }

    public boolean isReady() {
        return !running && !failed;
    }

    public boolean isFailed() {
        return failed;
    }

    /** How far it is; 100 only once the file is complete. */
    public int getPercent() {
        if (!running) {
            return 100;
        }
        long size = getExpected();
        return size == 0 ? 0 : (int) Math.min(99, written.get() * 100 / size);
    }

    /** The finished file; it may be downloaded again from the same page (the export was audited once). */
    public StreamedContent download() {
        if (!isReady()) {
            throw new IllegalStateException("the export is not finished");
        }
        return DefaultStreamedContent.builder().name(fileName).contentType(format.contentType)
                .stream(() -> {
                    try {
                        return Files.newInputStream(file);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).build();
    }

    /** Deletes the file; a running export's file is deleted when it fails to write on. */
    public void discard() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException ignored) {
            // the hourly sweep takes it
        }
    }
}
