package kz.qorgau.web.health;

import jakarta.faces.context.ExceptionHandler;
import jakarta.faces.context.ExceptionHandlerFactory;
import jakarta.faces.context.ExceptionHandlerWrapper;
import jakarta.faces.context.FacesContext;
import jakarta.faces.event.ExceptionQueuedEvent;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Iterator;
import java.util.logging.Logger;

/**
 * While the database cannot be reached, an AJAX action (a button, a paginator, a tab) does not end in the general error
 * dialog: the page stays as it is, with everything the user typed, and a notice in her language says to try again in
 * a few seconds. Full page requests get the "temporarily unavailable" page ({@link DatabaseUnavailablePage}).
 */
public class DatabaseUnavailableAjax extends ExceptionHandlerWrapper {

    /** The element of the layout that the notice replaces. */
    static final String NOTICE = "database-unavailable";
    private static final Logger LOG = Logger.getLogger(DatabaseUnavailableAjax.class.getName());

    public DatabaseUnavailableAjax(ExceptionHandler wrapped) {
        super(wrapped);
    }

    @Override
    public void handle() {
        FacesContext faces = FacesContext.getCurrentInstance();
        if (faces != null && faces.getPartialViewContext().isAjaxRequest() && !faces.getExternalContext().isResponseCommitted()) {
            for (Iterator<ExceptionQueuedEvent> events = getUnhandledExceptionQueuedEvents().iterator(); events.hasNext(); ) {
                Throwable failure = events.next().getContext().getException();
                // a commit that broke off may have saved what was sent: she is told to look before sending it again
                String key = DatabaseOutage.commitBrokenOff(failure) ? "unavailable.ajax.outcomeUnknown"
                        : DatabaseOutage.causedBy(failure) ? "unavailable.ajax" : null;
                if (key != null) {
                    events.remove();
                    notice(faces, key);
                    break;
                }
            }
        }
        getWrapped().handle();
    }

    private static void notice(FacesContext faces, String key) {
        LOG.warning("Database unavailable; told an AJAX request to try again (" + key + ")");
        try {
            String text = faces.getApplication().getResourceBundle(faces, "msg").getString(key);
            // written past Faces' own partial writer, which may have begun its answer when rendering failed
            HttpServletResponse response = (HttpServletResponse) faces.getExternalContext().getResponse();
            response.reset();
            response.setStatus(HttpServletResponse.SC_OK); // Faces reads only 200 partial responses
            response.setContentType("text/xml");
            response.setCharacterEncoding("UTF-8");
            response.setHeader("Cache-Control", "no-store");
            PrintWriter out = response.getWriter();
            out.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><changes><update id=\"" + NOTICE
                    + "\"><![CDATA[<div id=\"" + NOTICE + "\" role=\"alert\" class=\"q-unavailable-notice\">"
                    + escape(text) + "</div>]]></update></changes></partial-response>");
            out.flush();
            faces.responseComplete();
        } catch (IOException | RuntimeException e) {
            LOG.log(java.util.logging.Level.WARNING, "Could not tell an AJAX request that the database is unavailable", e);
        }
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("]]>", "]]&gt;");
    }

    /** Registered in {@code faces-config.xml}; wraps whatever handler Faces and PrimeFaces provide. */
    public static class Factory extends ExceptionHandlerFactory {

        public Factory(ExceptionHandlerFactory wrapped) {
            super(wrapped);
        }

        @Override
        public ExceptionHandler getExceptionHandler() {
            return new DatabaseUnavailableAjax(getWrapped().getExceptionHandler());
        }
    }
}
