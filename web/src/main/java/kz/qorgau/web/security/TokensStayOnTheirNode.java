package kz.qorgau.web.security;

import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import java.io.IOException;
import java.util.Collections;

/**
 * Keeps Soteria's OpenID Connect context out of the copy of a session that the Data Grid sends to other nodes while it
 * holds no tokens. Holding tokens it does not serialise anyway (its token classes are not Serializable), so a node
 * that receives the session goes on with {@link SignedInCaller}. Empty, it serialises, with a reference to one of
 * Soteria's beans under a name that each JVM makes up differently, and the node that receives it cannot read the
 * session at all (WELD-001500). An empty context carries nothing: the next request that needs one gets a new one.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class TokensStayOnTheirNode extends HttpFilter {

    private static final String SOTERIA_CONTEXT = "OpenIdContextImpl";

    @Inject
    OpenIdContext openIdContext;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        try {
            chain.doFilter(request, response);
        } finally {
            HttpSession session = request.getSession(false);
            if (session != null && !request.isAsyncStarted()) {
                try {
                    String attribute = Collections.list(session.getAttributeNames()).stream()
                            .filter(name -> name.startsWith("WELD_S#") && name.contains(SOTERIA_CONTEXT))
                            .findFirst().orElse(null);
                    if (attribute != null && openIdContext.getIdentityToken() == null) {
                        session.removeAttribute(attribute);
                    }
                } catch (IllegalStateException invalidated) {
                    // signed out in this request: nothing left to keep
                }
            }
        }
    }
}
