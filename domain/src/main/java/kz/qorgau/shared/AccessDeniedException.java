package kz.qorgau.shared;

import java.util.List;

/** The caller lacks a permission for an action (for a record one may not even read, the answer is not found instead). */
public class AccessDeniedException extends QorgauException {

    public AccessDeniedException() {
        super(List.of("access.denied"));
    }

    public AccessDeniedException(Permission missing) {
        this();
    }
}
