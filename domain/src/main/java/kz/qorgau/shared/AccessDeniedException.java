package kz.qorgau.shared;

import java.util.List;

/** The caller lacks a permission for an action (not for a record: records outside one's partition are simply not found). */
public class AccessDeniedException extends QorgauException {

    public AccessDeniedException(Permission missing) {
        super(List.of("access.denied"));
    }
}
