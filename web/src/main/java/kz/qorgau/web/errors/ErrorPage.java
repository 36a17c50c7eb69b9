package kz.qorgau.web.errors;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;

/**
 * The reference id an error page shows (not found, no access, unexpected error): the one the failure was logged
 * under, or, for a refusal the container answered itself, a new one written to the log with the status and path.
 */
@Named
@RequestScoped
public class ErrorPage {

    @Inject
    HttpServletRequest request;

    private String reference;

    public String getReference() {
        if (reference == null) {
            reference = find();
        }
        return reference;
    }

    private String find() {
        if (request.getAttribute(UnexpectedErrors.REFERENCE) instanceof String logged) {
            return logged;
        }
        String given = request.getParameter("ref"); // after an ajax failure, the page was reached by a redirect
        if (ErrorLog.isReference(given)) {
            return given;
        }
        String path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri ? uri : request.getRequestURI();
        if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure) {
            return ErrorLog.unexpected(path, failure);
        }
        return ErrorLog.refused(request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer status ? status : 200, path);
    }
}
