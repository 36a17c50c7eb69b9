package kz.qorgau.web.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * Ends the session here and at Keycloak: {@code logout()} makes the mechanism redirect to Keycloak's end-session
 * endpoint, which returns to the start page (and so to the sign-in form). POST only, with the session's token, so no
 * link or other site can sign one out.
 */
@WebServlet("/logout")
public class SignOutServlet extends HttpServlet {

    static final String TOKEN = "qorgau.signOutToken";

    @Inject
    OidcSettings settings;

    @Inject
    OpenIdContext openIdContext;

    private boolean hasTokens() {
        try {
            return openIdContext.getIdentityToken() != null;
        } catch (RuntimeException noContext) {
            return false;
        }
    }

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
        // what the sign-in established goes first: the container could otherwise let the caller go on with it
        session.removeAttribute(SignedInCaller.ATTRIBUTE);
        if (!hasTokens()) {
            // a session that moved here from a node that died: no ID token to end the Keycloak session with, so
            // Keycloak asks the user herself to confirm signing out there
            session.invalidate();
            String home = request.getRequestURL().toString().replaceFirst("/logout$", "/");
            response.sendRedirect(settings.getIssuer() + "/protocol/openid-connect/logout?client_id="
                    + URLEncoder.encode(settings.getClientId(), StandardCharsets.UTF_8)
                    + "&post_logout_redirect_uri=" + URLEncoder.encode(home, StandardCharsets.UTF_8));
            return;
        }
        request.logout();
        if (!response.isCommitted()) {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }
}
