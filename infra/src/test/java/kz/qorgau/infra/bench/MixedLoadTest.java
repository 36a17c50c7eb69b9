package kz.qorgau.infra.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MixedLoadTest {

    @Test
    void timesWhatSucceededAndCountsFailuresApartByReason() {
        MixedLoad.Tally tally = new MixedLoad.Tally();
        for (int ms = 1; ms <= 100; ms++) {
            tally.succeeded(MixedLoad.Operation.LIST, ms * 1_000_000L);
        }
        tally.failed(MixedLoad.Operation.NOTE, "HTTP 500");
        tally.failed(MixedLoad.Operation.NOTE, "HTTP 500");
        MixedLoad.Step<String> refused = () -> {
            throw new MixedLoad.Refused("HTTP 409");
        };
        MixedLoad.Step<String> broken = () -> {
            throw new IOException("reset");
        };
        assertThat(tally.time(MixedLoad.Operation.NOTE, refused)).isNull();
        assertThat(tally.time(MixedLoad.Operation.NOTE, broken)).isNull();
        assertThat(tally.time(MixedLoad.Operation.OPEN, () -> "body")).isEqualTo("body");

        Measurement list = tally.times(MixedLoad.Operation.LIST);
        assertThat(list.count()).isEqualTo(100);
        assertThat(list.p50()).isEqualTo(50.0);
        assertThat(list.p95()).isEqualTo(95.0);
        assertThat(list.p99()).isEqualTo(99.0);
        assertThat(tally.times(MixedLoad.Operation.NOTE).count()).as("a failure's time is not a measurement").isZero();
        assertThat(tally.failures(MixedLoad.Operation.NOTE)).isEqualTo(4);
        assertThat(tally.failures()).isEqualTo(4);
        assertThat(tally.failuresByReason(MixedLoad.Operation.NOTE)).isEqualTo("4 (HTTP 409 ×1, HTTP 500 ×2, IOException ×1)");
        assertThat(tally.failuresByReason(MixedLoad.Operation.LIST)).isEqualTo("0");
        assertThat(tally.all().count()).isEqualTo(101);
        assertThat(tally.perSecond(MixedLoad.Operation.LIST, 20.0)).isEqualTo(5.0);
    }

    @Test
    void percentilesOfFewTimesAreTheNearestRank() {
        Measurement three = Measurement.ofNanos(List.of(3_000_000L, 1_000_000L, 2_000_000L));
        assertThat(three.p50()).isEqualTo(2.0);
        assertThat(three.p95()).isEqualTo(3.0);
        assertThat(Measurement.ofNanos(List.of()).p50()).isNaN();
    }

    @Test
    void readsTheListPageAndRefusesAnEmptyOne() throws Exception {
        List<MixedLoad.Listed> page = MixedLoad.listed("""
                {"items":[{"id":1,"number":"ALM-2025-000001","status":"CLOSED"},{"id":2,"number":"ALM-2025-000002","status":"ACTIVE"}],"total":2,"totalExact":true,"first":0,"size":25}""");
        assertThat(page).containsExactly(new MixedLoad.Listed("ALM-2025-000001", "CLOSED"),
                new MixedLoad.Listed("ALM-2025-000002", "ACTIVE"));
        assertThatThrownBy(() -> MixedLoad.listed("{\"items\":[],\"total\":0}")).isInstanceOf(MixedLoad.Refused.class).hasMessage("empty list");
    }

    @Test
    void aNoteGoesToTheOpenedCaseUnlessItIsClosed() {
        CaseListLoad.User worker = new CaseListLoad.User("bench.sw01", "social-worker", "ALM-CC", "ALM");
        MixedLoad.Person person = new MixedLoad.Person(worker, List.of("x"), List.of("ALM-2024-000009"));
        MixedLoad.Listed open = new MixedLoad.Listed("ALM-2025-000002", "ACTIVE");
        MixedLoad.Listed closed = new MixedLoad.Listed("ALM-2025-000001", "CLOSED");
        Random random = new Random(1);
        assertThat(MixedLoad.noteTarget(person, open, List.of(closed, open), random)).isEqualTo("ALM-2025-000002");
        assertThat(MixedLoad.noteTarget(person, closed, List.of(closed, open), random)).isEqualTo("ALM-2025-000002");
        assertThat(MixedLoad.noteTarget(person, closed, List.of(closed), random)).as("one of hers read beforehand")
                .isEqualTo("ALM-2024-000009");
    }

    @Test
    void theHeapDuringAStretchIsReadFromTheCollectionsInIt(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("gc.log"), """
                [2026-12-02T03:00:00.000+0000] GC(7) Pause Young (Normal) (G1 Evacuation Pause) 900M->100M(1024M) 8.0ms
                [2026-12-02T03:01:00.000+0000] GC(8) Pause Young (Normal) (G1 Evacuation Pause) 400M->150M(700M) 9.0ms
                [2026-12-02T03:01:30.000+0000] GC(9) Pause Young (Concurrent Start) (G1 Humongous Allocation) 520M->210M(700M) 12.0ms
                [2026-12-02T03:01:31.000+0000] GC(9) Concurrent Mark Cycle 35.000ms
                [2026-12-02T03:05:00.000+0000] GC(10) Pause Full (System.gc()) 300M->90M(600M) 210.0ms
                """);
        GcPauses.HeapUse use = GcPauses.heapBetween(log, Instant.parse("2026-12-02T03:00:30Z"), Instant.parse("2026-12-02T03:02:00Z"));
        assertThat(use).isEqualTo(new GcPauses.HeapUse(2, 520, 210, 700));
        assertThat(GcPauses.heapBetween(dir.resolve("none.log"), Instant.EPOCH, Instant.now())).isNull();
    }
}
