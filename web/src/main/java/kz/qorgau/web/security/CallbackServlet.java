package kz.qorgau.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import kz.qorgau.staff.StaffDirectory;

import java.io.IOException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Where Keycloak returns after sign-in; the mechanism has already taken the code. Notes who signed in (so that a
 * supervisor can assign cases to her), then goes back to the page she was on when she had to sign in (home on a
 * first visit).
 */
@WebServlet("/Callback")
public class CallbackServlet extends HttpServlet {

    private static final Logger LOG = Logger.getLogger(CallbackServlet.class.getName());

    @Inject
    CurrentUser user;

    @Inject
    StaffDirectory staff;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (user.isSignedIn()) {
            SignedInCaller.remember(request, user);
            try {
                staff.signedIn(user.caller(), user.displayName());
            } catch (RuntimeException e) {
                // the directory only helps to pick an assignee: never refuse a sign-in for it (no names in the log)
                LOG.log(Level.WARNING, "Could not update the staff directory at sign-in: " + e.getClass().getName());
            }
        }
        response.sendRedirect(SignInReturn.take(request));
    }
}
