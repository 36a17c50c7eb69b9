package kz.qorgau.infra.bench;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class GcPausesTest {

    @Test
    void countsOnlyThePausesWithinTheStretchAndNamesTheLongOnes(@TempDir Path dir) throws Exception {
        Path log = Files.writeString(dir.resolve("gc.log"), """
                [2026-12-01T22:14:58.757+0000] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 20M->7M(380M) 8.651ms
                [2026-12-01T22:15:10.000+0000] GC(1) Pause Young (Normal) (G1 Evacuation Pause) 22M->11M(380M) 12.901ms
                [2026-12-01T22:15:20.000+0000] GC(2) Pause Full (G1 Compaction Pause) 900M->300M(1024M) 412.500ms
                [2026-12-01T22:15:21.000+0000] GC(3) Concurrent Mark Cycle 35.000ms
                [2026-12-01T22:16:00.000+0000] GC(4) Pause Young (Normal) (G1 Evacuation Pause) 22M->11M(380M) 3.000ms
                """);
        GcPauses pauses = GcPauses.between(log, Instant.parse("2026-12-01T22:15:00Z"), Instant.parse("2026-12-01T22:15:30Z"));
        assertThat(pauses.count()).as("two pauses inside; a concurrent phase is no pause").isEqualTo(2);
        assertThat(pauses.longestMs()).isEqualTo(412.5);
        assertThat(pauses.over100Ms()).isEqualTo(1);
        assertThat(pauses.longest()).containsExactly("Pause Full 413 ms");
        assertThat(GcPauses.between(dir.resolve("none.log"), Instant.EPOCH, Instant.now())).isNull();
    }
}
