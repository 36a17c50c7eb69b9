package kz.qorgau.importing;

import java.util.List;

/**
 * What a check or an import found: how many rows were read, valid, refused (with the first {@link #MAX_PROBLEMS}
 * problems, in file order), already imported before (skipped), naming a person already known by IIN; and, when it
 * wrote, how many cases it created and the import's id.
 */
public record ImportReport(ImportFormat format, int rows, int valid, int refused, int alreadyImported,
                           int knownPersons, List<RowProblem> problems, int problemCount, boolean written,
                           int imported, Long importId) implements java.io.Serializable {

    public static final int MAX_PROBLEMS = 1000;

    public ImportReport {
        problems = List.copyOf(problems);
    }

    /** The file as a whole could not be read: one problem, nothing else. */
    static ImportReport unreadable(ImportFormat format, RowProblem problem) {
        return new ImportReport(format, 0, 0, 0, 0, 0, List.of(problem), 1, false, 0, null);
    }

    public boolean fileRefused() {
        return rows == 0 && problemCount > 0;
    }

    /** Every row can be imported (or was before): "import all" may go ahead. */
    public boolean allValid() {
        return problemCount == 0 && rows > 0;
    }
}
