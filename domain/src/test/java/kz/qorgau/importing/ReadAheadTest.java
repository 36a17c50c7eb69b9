package kz.qorgau.importing;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A file's rows read on a thread of their own, a batch at a time, never more than a few batches ahead. */
class ReadAheadTest {

    @TempDir
    Path dir;

    private final AtomicReference<Thread> reader = new AtomicReference<>();
    private final ThreadFactory threads = task -> {
        Thread thread = new Thread(task);
        reader.set(thread);
        return thread;
    };

    private Path csv(int rows) throws IOException {
        List<List<String>> lines = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            lines.add(ImportRowsTest.row("OLD-" + i));
        }
        Path file = dir.resolve("rows.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            ImportTemplate.writeCsv(out, lines);
        }
        return file;
    }

    @Test
    void everyRowComesInFileOrderInBatchesOfTheSizeAskedTheLastOneShorter() throws IOException {
        List<List<String>> batches = new ArrayList<>();
        try (ReadAhead<String> ahead = ReadAhead.start(threads, csv(25), ImportFormat.CSV, 10,
                raw -> raw.get(ImportColumn.LEGACY_ID))) {
            for (List<String> batch; (batch = ahead.next()) != null; ) {
                batches.add(batch);
            }
            assertThat(ahead.rows()).isEqualTo(25);
            assertThat(ahead.next()).isNull();
        }
        assertThat(batches).extracting(List::size).containsExactly(10, 10, 5);
        assertThat(batches.get(0).get(0)).isEqualTo("OLD-0");
        assertThat(batches.get(2).get(4)).isEqualTo("OLD-24");
        assertThat(reader.get().getName()).isNotEqualTo(Thread.currentThread().getName());
    }

    @Test
    void theReaderWaitsWhenAFewBatchesAreReadyAndStopsWhenClosedEarly() throws Exception {
        AtomicInteger turned = new AtomicInteger();
        ReadAhead<Integer> ahead = ReadAhead.start(threads, csv(100), ImportFormat.CSV, 5, raw -> turned.incrementAndGet());
        assertThat(ahead.next()).hasSize(5);
        Thread.sleep(300);
        // the batch taken, those waiting, and the one being filled: never the whole file
        assertThat(turned.get()).isLessThanOrEqualTo(5 * (ReadAhead.AHEAD + 3));
        ahead.close();
        assertThat(reader.get().isAlive()).isFalse();
        assertThatThrownBy(ahead::rows).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFileRefusedAsAWholeIsThrownInTheCallersThread() throws IOException {
        Path file = dir.resolve("no-header.csv");
        Files.writeString(file, "");
        try (ReadAhead<RawRow> ahead = ReadAhead.start(threads, file, ImportFormat.CSV, 10, raw -> raw)) {
            assertThatThrownBy(ahead::next).isInstanceOf(ImportFileRefused.class);
        }
    }

    @Test
    void aFailureCheckingARowIsThrownInTheCallersThread() throws IOException {
        try (ReadAhead<RawRow> ahead = ReadAhead.start(threads, csv(30), ImportFormat.CSV, 10, raw -> {
            if (raw.get(ImportColumn.LEGACY_ID).equals("OLD-15")) {
                throw new IllegalStateException("broken check");
            }
            return raw;
        })) {
            assertThat(ahead.next()).hasSize(10);
            assertThatThrownBy(ahead::next).hasMessage("broken check");
        }
    }
}
