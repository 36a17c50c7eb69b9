package kz.qorgau.web.api;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.util.List;

/**
 * The API lives under {@code /api/v1/}; anything else under {@code /api/} (the unversioned paths of before, a version
 * that does not exist) is a 404 problem, never a page or the container's HTML. There were no outside clients of the
 * unversioned paths, so none is redirected. Behind the security constraint: without a token the answer is 401.
 */
public class UnversionedApi extends HttpFilter {

    public static final String VERSIONED = "/api/v1";

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        if (path.equals(VERSIONED) || path.startsWith(VERSIONED + "/")) {
            chain.doFilter(request, response);
            return;
        }
        ProblemWriter.write(request, response, 404, List.of("api.noSuchResource"), null);
    }
}
