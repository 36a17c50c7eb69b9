package kz.qorgau.importing;

import java.util.List;

/**
 * What is wrong with one row, or with the file as a whole: the row as the spreadsheet numbers it (the header is row 1;
 * 0 for the whole file), the column (none for the whole row or file), and a key of the {@code ValidationMessages}
 * bundle with its arguments — never the cell's value, which may be a name or an IIN. What would be right is the
 * column's own hint, {@code import.expected.<header>}.
 */
public record RowProblem(int row, ImportColumn column, String key, List<String> arguments) implements java.io.Serializable {

    public RowProblem {
        arguments = List.copyOf(arguments);
    }

    public RowProblem(int row, ImportColumn column, String key) {
        this(row, column, key, List.of());
    }

    /** The hint's key: what the column expects. */
    public String expectedKey() {
        return column == null ? null : "import.expected." + column.header();
    }
}
