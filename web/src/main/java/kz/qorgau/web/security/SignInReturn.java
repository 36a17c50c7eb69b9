package kz.qorgau.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

/**
 * The page a user was on when she had to sign in (first visit, or a session that expired while the page was open),
 * so that after signing in she is back on it rather than on the start page. Only a page of this application is
 * remembered: its path, and the query of a GET (case numbers, never personal data); anything else returns home.
 */
final class SignInReturn {

    private static final String ATTRIBUTE = "qorgau.signIn.returnTo";

    private SignInReturn() {
    }

    /** Before the browser goes to the sign-in form; kept in the session that the sign-in then continues. */
    static void remember(HttpServletRequest request) {
        String servletPath = request.getServletPath();
        if (servletPath.isEmpty() || servletPath.equals("/") || servletPath.endsWith(".xhtml")) {
            request.getSession(true).setAttribute(ATTRIBUTE, page(request));
        }
    }

    /** This request's page, to be loaded again (a GET keeps its query; a form's POST goes to the page itself). */
    static String page(HttpServletRequest request) {
        String context = request.getContextPath();
        String path = request.getRequestURI();
        String servletPath = request.getServletPath();
        if (path == null || !path.startsWith(context + "/") || path.contains("//") || path.contains("\\")
                || !(servletPath.isEmpty() || servletPath.equals("/") || servletPath.endsWith(".xhtml"))) {
            return context + "/";
        }
        String query = "GET".equals(request.getMethod()) && request.getQueryString() != null ? "?" + request.getQueryString() : "";
        return path + query;
    }

    /** After sign-in: where to go, and forgotten. */
    static String take(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object page = session == null ? null : session.getAttribute(ATTRIBUTE);
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
        return page instanceof String p && p.startsWith(request.getContextPath() + "/") && !p.startsWith("//")
                ? p : request.getContextPath() + "/";
    }
}
