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
}
