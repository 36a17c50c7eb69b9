package kz.qorgau.importing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.function.Function;

/**
 * A file's rows read and checked on a thread of its own, a batch ahead: while the caller asks the database about one
 * batch (or writes it), the next is being read and checked, so the application server and the database work at once.
 * At most {@link #AHEAD} batches wait, so memory stays that of a few batches whatever the file's size. What stops the
 * reading (a file refused as a whole, a failure) is thrown by {@link #next} in the caller's thread.
 */
final class ReadAhead<T> implements AutoCloseable {

    /** Batches read and not yet taken: enough to keep the reader busy while the caller works on one. */
    static final int AHEAD = 2;

    private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(AHEAD + 1);
    private final Thread reader;
    private int rows = -1;

    /** The reading ended: how many rows it read, or what stopped it. */
    private record End(int rows, RuntimeException failure) {
    }

    /** The caller closed the reading before its end. */
    private static final class Stopped extends RuntimeException {
        Stopped() {
            super(null, null, false, false);
        }
    }

    private ReadAhead(ThreadFactory threads, Path file, ImportFormat format, int batchSize, Function<RawRow, T> each) {
        reader = threads.newThread(() -> {
            try {
                List<T> batch = new ArrayList<>(batchSize);
                int read = LegacyRows.read(file, format, raw -> {
                    batch.add(each.apply(raw));
                    if (batch.size() >= batchSize) {
                        put(List.copyOf(batch));
                        batch.clear();
                    }
                });
                if (!batch.isEmpty()) {
                    put(List.copyOf(batch));
                }
                put(new End(read, null));
            } catch (Stopped stopped) {
                // the caller has gone
            } catch (RuntimeException failure) {
                try {
                    put(new End(0, failure));
                } catch (Stopped stopped) {
                    // the caller has gone
                }
            }
        });
        reader.setDaemon(true);
    }

    /** Starts reading {@code file}, each row turned by {@code each} (on the reading thread), {@code batchSize} a batch. */
    static <T> ReadAhead<T> start(ThreadFactory threads, Path file, ImportFormat format, int batchSize,
                                  Function<RawRow, T> each) {
        ReadAhead<T> ahead = new ReadAhead<>(threads, file, format, batchSize, each);
        ahead.reader.start();
        return ahead;
    }

    /** The next batch, or null when every row has been handed out. */
    @SuppressWarnings("unchecked")
    List<T> next() {
        if (rows >= 0) {
            return null;
        }
        Object taken;
        try {
            taken = queue.take();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the file", interrupted);
        }
        if (taken instanceof End end) {
            if (end.failure != null) {
                throw end.failure;
            }
            rows = end.rows;
            return null;
        }
        return (List<T>) taken;
    }

    /** The rows read, once {@link #next} has answered null. */
    int rows() {
        if (rows < 0) {
            throw new IllegalStateException("the file is still being read");
        }
        return rows;
    }

    private void put(Object item) {
        try {
            queue.put(item);
        } catch (InterruptedException interrupted) {
            throw new Stopped();
        }
    }

    /** Stops the reading if it has not ended, and waits for its thread. */
    @Override
    public void close() {
        reader.interrupt();
        try {
            reader.join();
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
