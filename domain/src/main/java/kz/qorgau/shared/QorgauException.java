package kz.qorgau.shared;

import java.util.List;

/**
 * A refusal the user can understand. It carries message keys, not text: the web layer says them in the user's language
 * (bundle {@code ValidationMessages}), and no personal data ever goes into one.
 */
public abstract class QorgauException extends RuntimeException {

    private final List<String> messageKeys;

    protected QorgauException(List<String> messageKeys) {
        super(String.join(", ", messageKeys));
        this.messageKeys = List.copyOf(messageKeys);
    }

    public List<String> messageKeys() {
        return messageKeys;
    }

    /**
     * The refusal behind a failure, if any: a check that runs while changes are written (the input guard) may reach
     * the caller wrapped by the persistence provider or the transaction's commit. Should a value slip past the checks
     * and PostgreSQL refuse it as data (SQL state class 22: a NUL, a text too long, a date out of range), that is the
     * input's fault too, and nothing was saved.
     */
    public static java.util.Optional<QorgauException> behind(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof QorgauException refusal) {
                return java.util.Optional.of(refusal);
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("22")) {
                return java.util.Optional.of(switch (sql.getSQLState()) {
                    case "22001" -> new InvalidInputException("input.text.tooLong");
                    case "22007", "22008" -> new InvalidInputException("input.date.outOfRange");
                    default -> new InvalidInputException("input.text.unstorable");
                });
            }
        }
        return java.util.Optional.empty();
    }
}
