package kz.qorgau.web.health;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.logging.Logger;

/**
 * While the database cannot be reached, a page request answers 503 with the "temporarily unavailable" page, which
 * touches no database, instead of the general error page. The API answers the same in JSON ({@code ApiErrors}).
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class DatabaseUnavailablePage extends HttpFilter {

    private static final Logger LOG = Logger.getLogger(DatabaseUnavailablePage.class.getName());
    static final String PAGE = "/unavailable.xhtml";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } catch (IOException | ServletException | RuntimeException failure) {
            // a page whose commit broke off (its audit row, a form's write) is as unavailable as one that got no connection
            boolean outage = DatabaseOutage.causedBy(failure) || DatabaseOutage.commitBrokenOff(failure);
            if (!outage || response.isCommitted() || PAGE.equals(request.getServletPath())) {
                throw failure;
            }
            LOG.warning("Database unavailable; answered 503 to a page request");
            response.resetBuffer();
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", Integer.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            request.getRequestDispatcher(PAGE).forward(request, response);
        }
    }
}
