package kz.qorgau.web.faces;

import kz.qorgau.importing.RowProblem;

import java.text.MessageFormat;
import java.util.Locale;

/** An import's problems told in the reader's language, for the import page, the API and the file of refused rows. */
public final class ImportProblems {

    private ImportProblems() {
    }

    /** What is wrong. */
    public static String message(RowProblem problem, Locale locale) {
        String text = Messages.refusal(problem.key(), locale);
        return problem.arguments().isEmpty() ? text : new MessageFormat(text, locale).format(problem.arguments().toArray());
    }

    /** What the column expects; null for a problem of the whole row or file. */
    public static String expected(RowProblem problem, Locale locale) {
        return problem.expectedKey() == null ? null : Messages.refusal(problem.expectedKey(), locale);
    }

    /** Both in one line, for the error column of the refused rows. */
    public static String text(RowProblem problem, Locale locale) {
        String column = problem.column() == null ? "" : problem.column().header() + ": ";
        String expected = problem.expectedKey() == null ? "" : " (" + expected(problem, locale) + ")";
        return column + message(problem, locale) + expected;
    }
}
