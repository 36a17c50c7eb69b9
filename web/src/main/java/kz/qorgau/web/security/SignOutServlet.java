package kz.qorgau.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Ends the session here and at Keycloak: {@code logout()} makes the mechanism redirect to Keycloak's end-session
 * endpoint, which returns to the start page (and so to the sign-in form). POST only, with the session's token, so no
 * link or other site can sign one out.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    static final String TOKEN = "qorgau.signOutToken";

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        var session = request.getSession(false);
        if (request.getUserPrincipal() == null || session == null) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        Object expected = session.getAttribute(TOKEN);
        if (expected == null || !java.security.MessageDigest.isEqual(expected.toString().getBytes(),
                String.valueOf(request.getParameter("token")).getBytes())) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN);
            return;
        }
        request.logout();
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }
}
