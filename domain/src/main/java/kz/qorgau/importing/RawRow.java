package kz.qorgau.importing;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** One data row as read, by column: the cells' text (blank cells absent) and the cells that held a formula. */
public record RawRow(int number, Map<ImportColumn, String> values, Set<ImportColumn> formulas) {

    public RawRow {
        values = values.isEmpty() ? Map.of() : new EnumMap<>(values);
        formulas = formulas.isEmpty() ? Set.of() : EnumSet.copyOf(formulas);
    }

    public String get(ImportColumn column) {
        return values.get(column);
    }
}
