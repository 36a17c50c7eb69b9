package kz.qorgau.importing;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ImportJobTest {

    private static final Instant NOW = Instant.parse("2026-12-02T05:00:00Z");

    private static ImportJob job(ImportJob.Status status, Instant updated, int toImport, int imported) {
        return new ImportJob(1L, "old.csv", ImportFormat.CSV, false, false, status, "aigerim", NOW.minusSeconds(600),
                updated, null, 100, 100, toImport, imported, 0, 0, 0, 0, List.of());
    }

    @Test
    void aJobThatMovedLatelyRunsAndOneSilentForTwoMinutesWasInterrupted() {
        assertThat(job(ImportJob.Status.WRITING, NOW.minusSeconds(5), 10, 3).running(NOW)).isTrue();
        ImportJob silent = job(ImportJob.Status.WRITING, NOW.minus(ImportJob.SILENT).minusSeconds(1), 10, 3);
        assertThat(silent.running(NOW)).isFalse();
        assertThat(silent.interrupted(NOW)).isTrue();
        assertThat(job(ImportJob.Status.DONE, NOW.minusSeconds(3600), 10, 10).interrupted(NOW)).isFalse();
    }

    @Test
    void itsShareIsOfTheRowsToWrite() {
        assertThat(job(ImportJob.Status.CHECKING, NOW, 0, 0).percent()).isZero();
        assertThat(job(ImportJob.Status.WRITING, NOW, 4000, 1000).percent()).isEqualTo(25);
        assertThat(job(ImportJob.Status.FAILED, NOW, 4000, 3000).percent()).isEqualTo(75);
        assertThat(job(ImportJob.Status.DONE, NOW, 0, 0).percent()).isEqualTo(100);
    }
}
