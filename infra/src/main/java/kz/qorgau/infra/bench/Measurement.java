package kz.qorgau.infra.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Times of one operation: warm-up calls first (not counted), then the measured ones; percentiles by nearest rank. */
final class Measurement {

    interface Call {
        void run(int iteration) throws Exception;
    }

    /** An operation that cannot be measured in this run, with the reason shown in the table. */
    static final class NotAvailable extends Exception {
        NotAvailable(String reason) {
            super(reason);
        }
    }

    private final List<Long> nanos;

    private Measurement(List<Long> nanos) {
        this.nanos = nanos;
    }

    static Measurement of(Call call, int warmUp, int iterations) throws Exception {
        for (int i = 0; i < warmUp; i++) {
            call.run(i);
        }
        List<Long> times = new ArrayList<>(iterations);
        for (int i = 0; i < iterations; i++) {
            long started = System.nanoTime();
            call.run(warmUp + i);
            times.add(System.nanoTime() - started);
        }
        Collections.sort(times);
        return new Measurement(times);
    }

    double p50() {
        return percentile(50);
    }

    double p95() {
        return percentile(95);
    }

    double p99() {
        return percentile(99);
    }

    int count() {
        return nanos.size();
    }

    /** Times measured elsewhere (by concurrent clients), in nanoseconds. */
    static Measurement ofNanos(List<Long> nanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        return new Measurement(sorted);
    }

    /** Milliseconds. */
    private double percentile(int p) {
        if (nanos.isEmpty()) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * nanos.size());
        return nanos.get(Math.max(0, rank - 1)) / 1e6;
    }

    static String ms(double ms) {
        if (ms >= 100) {
            return String.format(Locale.ROOT, "%,.0f", ms);
        }
        if (ms >= 10) {
            return String.format(Locale.ROOT, "%.1f", ms);
        }
        return String.format(Locale.ROOT, "%.2f", ms);
    }
}
