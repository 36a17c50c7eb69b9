package kz.qorgau.importing;

/**
 * What the worker chose: to link a row to a person already known in her partition by the same IIN (otherwise a new
 * person is recorded, as at intake), and to import the valid rows of a file that has invalid ones.
 */
public record ImportOptions(boolean linkKnownPersons, boolean validRowsOnly) {

    public static final ImportOptions ALL_OR_NOTHING = new ImportOptions(false, false);
}
