package kz.qorgau.web.api;

import jakarta.ws.rs.BadRequestException;

/** Request bodies: a call that needs one and sent none is a bad request, answered like unreadable JSON. */
final class Bodies {

    private Bodies() {
    }

    static <T> T required(T body) {
        if (body == null) {
            throw new BadRequestException();
        }
        return body;
    }
}
