package kz.qorgau.importing;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One import as its organisation's staff find it again: who started it, on which file, how far it went and what it
 * found. Its problems name a row, a column and a message key, never a cell's value.
 */
public record ImportJob(Long id, String fileName, ImportFormat format, boolean validRowsOnly, boolean linkKnownPersons,
                        Status status, String importedBy, Instant startedAt, Instant updatedAt, Instant finishedAt,
                        int rowsRead, int rowsChecked, int rowsToImport, int rowsImported, int rowsRefused,
                        int alreadyImported, int personsLinked, int problemCount, List<RowProblem> problems)
        implements java.io.Serializable {

    /** A job that has not moved for this long is taken as interrupted (its server stopped): it can be started again. */
    public static final Duration SILENT = Duration.ofMinutes(2);

    public enum Status {
        /** reading and checking every row; nothing written yet */
        CHECKING,
        /** writing the valid rows, a batch per transaction */
        WRITING,
        DONE,
        /** rows had problems and the worker wanted all or nothing: nothing written */
        REFUSED,
        /** stopped by a failure; the batches written before it stay, and the same file again adds only the rest */
        FAILED
    }

    public ImportJob {
        problems = List.copyOf(problems);
    }

    public boolean running(Instant now) {
        return (status == Status.CHECKING || status == Status.WRITING) && updatedAt.plus(SILENT).isAfter(now);
    }

    public boolean interrupted(Instant now) {
        return (status == Status.CHECKING || status == Status.WRITING) && !running(now);
    }

    /** Of the rows to write, the share written, 0 to 100 (while checking the number of rows is not known yet). */
    public int percent() {
        return switch (status) {
            case DONE, REFUSED -> 100;
            case CHECKING -> 0;
            case WRITING, FAILED -> rowsToImport == 0 ? 0 : (int) (100L * rowsImported / rowsToImport);
        };
    }
}
