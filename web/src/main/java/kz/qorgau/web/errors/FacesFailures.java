package kz.qorgau.web.errors;

import jakarta.faces.FacesException;
import jakarta.faces.application.ViewExpiredException;
import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import kz.qorgau.web.health.DatabaseOutage;

import java.io.IOException;
import java.util.Iterator;

/**
 * What a page does when something fails that no page expected. Faces' own handler would log the failure with its
 * message (which may hold what was typed) and, on an ajax request, send the message to the browser; instead:
 * <ul>
 * <li>an expired view (the page was open too long, or the server restarted) is opened afresh, as a GET;</li>
 * <li>anything else is logged under a reference id without its message, and the user goes to the error page with
 * that id: at once on an ajax request, through {@link UnexpectedErrors} (status 500) otherwise.</li>
 * </ul>
 * A database outage is left to {@code DatabaseUnavailablePage}, which answers 503.
 */
public class FacesFailures extends ExceptionHandlerWrapper {

    public FacesFailures(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() throws FacesException {
        FacesContext faces = FacesContext.getCurrentInstance();
        for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
            Throwable failure = events.next().getContext().getException();
            if (DatabaseOutage.causedBy(failure)) {
                continue;
            }
            events.remove();
            ViewExpiredException expired = expired(failure);
            if (expired != null) {
                reopen(faces, expired.getViewId());
                continue;
            }
            String reference = ErrorLog.unexpected(faces.getViewRoot() == null ? "a page" : faces.getViewRoot().getViewId(), failure);
            if (!faces.getPartialViewContext().isAjaxRequest()) {
                // the servlet filter sends the error page with status 500; the failure is logged already
                throw new FacesException(new UnexpectedErrors.Logged(reference));
            }
            redirect(faces, faces.getExternalContext().getRequestContextPath() + "/error.xhtml?ref=" + reference);
        }
        getWrapped().handle();
    }

    private static ViewExpiredException expired(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ViewExpiredException expired) {
                return expired;
            }
        }
        return null;
    }

    /** The same page, fresh; the context path and the view's own path only, never what the request carried. */
    private static void reopen(FacesContext faces, String viewId) {
        String path = viewId == null || !viewId.startsWith("/") || viewId.startsWith("//") ? "/" : viewId;
        redirect(faces, faces.getExternalContext().getRequestContextPath() + path);
    }

    /**
     * A redirect that works at any point before the response is committed: whatever a failed rendering had begun to
     * write is dropped, and an ajax request gets a partial response of its own that Faces' script follows.
     */
    private static void redirect(FacesContext faces, String url) {
        ExternalContext external = faces.getExternalContext();
        try {
            if (external.isResponseCommitted()) {
                return; // the user has seen part of a page; nothing better can be sent now
            }
            external.responseReset();
            if (faces.getPartialViewContext().isAjaxRequest()) {
                external.setResponseContentType("text/xml");
                external.setResponseCharacterEncoding("UTF-8");
                external.getResponseOutputWriter().write("<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                        + url.replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
            } else {
                external.redirect(url);
            }
        } catch (IOException clientGone) {
            // nothing more to tell a browser that has gone
        }
        faces.responseComplete();
    }

    /** Registered in {@code faces-config.xml}. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new FacesFailures(getWrapped().getExceptionHandler());
        }
    }
}
