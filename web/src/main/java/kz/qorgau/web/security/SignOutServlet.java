package kz.qorgau.web.security;

import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;

/**
 * Ends the session here and at Keycloak: {@code logout()} makes the mechanism redirect to Keycloak's end-session
 * endpoint, which returns to the start page (and so to the sign-in form). POST only, so no link can sign one out.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
        if (request.getUserPrincipal() == null || request.getSession(false) == null) {
            response.sendRedirect(request.getContextPath() + "/");
            return;
        }
        request.logout();
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }
}
