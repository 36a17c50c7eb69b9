package kz.qorgau.shared;

import java.util.List;

/** Input broke a rule of the model; nothing was saved. */
public class InvalidInputException extends QorgauException {

    public InvalidInputException(List<String> messageKeys) {
        super(messageKeys);
    }

    public InvalidInputException(String messageKey) {
        this(List.of(messageKey));
    }
}
