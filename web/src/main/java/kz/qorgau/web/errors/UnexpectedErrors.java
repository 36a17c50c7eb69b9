package kz.qorgau.web.errors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.qorgau.web.api.ProblemWriter;

import java.io.IOException;
import java.util.List;

/**
 * The last word on a request that failed: the container would log the failure with its message and show its own
 * page. Here it is logged under a reference id without its message (unless a page logged it already), and the user
 * gets Qorgau's error page with that id and status 500; an API caller gets the API's JSON with the same id. The
 * first filter of every request ({@code web.xml}), so that it sees what the others let through.
 */
public class UnexpectedErrors extends HttpFilter {

    /** The request attribute under which the error page finds the reference id. */
    public static final String REFERENCE = "qorgau.error.reference";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            String reference = logged(failure);
            if (reference == null) {
                reference = ErrorLog.unexpected(request.getServletPath(), failure);
            }
            if (response.isCommitted()) {
                return; // part of the answer is on its way; the log has the rest
            }
            request.setAttribute(REFERENCE, reference);
            response.reset();
            if (isApi(request)) {
                api(request, response, reference);
            } else {
                response.sendError(HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
            }
        }
    }

    private static String logged(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof Logged logged) {
                return logged.reference;
            }
        }
        return null;
    }

    private static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/api") || path.startsWith("/api/"); // /api/v1/ and what UnversionedApi refuses
    }

    private static void api(HttpServletRequest request, HttpServletResponse response, String reference) throws IOException {
        ProblemWriter.write(request, response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, List.of("api.error"), reference);
    }

    /** A failure that a page has logged already, under this reference id. */
    public static final class Logged extends RuntimeException {

        private final String reference;

        public Logged(String reference) {
            super(reference, null, false, false);
            this.reference = reference;
        }
    }
}
