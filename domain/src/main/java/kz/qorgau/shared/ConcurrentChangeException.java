package kz.qorgau.shared;

import java.util.List;

/** Someone saved a change after the caller loaded the record; nothing of the caller's change was saved. */
public class ConcurrentChangeException extends QorgauException {

    public ConcurrentChangeException() {
        super(List.of("case.changedByOthers"));
    }

    /** The same refusal, said of a record that is not a case. */
    public ConcurrentChangeException(String messageKey) {
        super(List.of(messageKey));
    }
}
