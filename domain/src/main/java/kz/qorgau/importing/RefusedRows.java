package kz.qorgau.importing;

import java.util.List;

/** Where an import of the valid rows only hands the rows it refused, each with its problems, in file order. */
@FunctionalInterface
public interface RefusedRows {

    void refused(RawRow row, List<RowProblem> problems);

    RefusedRows NONE = (row, problems) -> { };
}
