package kz.qorgau.web.api;

import jakarta.annotation.Priority;
import jakarta.transaction.TransactionalException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * A transaction that failed in its commit, told like every other failure. Without this mapper Jersey's own mapper for
 * {@link TransactionalException} takes it, fails itself, and a 500 HTML page reaches the client — for a write that may
 * well have been saved.
 */
@Provider
@Priority(Priorities.USER - 100)
public class CommitFailures implements ExceptionMapper<TransactionalException> {

    @Context
    HttpHeaders headers;

    @Context
    jakarta.ws.rs.core.UriInfo uri;

    @Override
    public Response toResponse(TransactionalException failure) {
        ApiErrors errors = new ApiErrors();
        errors.headers = headers;
        errors.uri = uri;
        return errors.toResponse(failure);
    }
}
