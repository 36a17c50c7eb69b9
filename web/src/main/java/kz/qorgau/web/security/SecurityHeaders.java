package kz.qorgau.web.security;

import jakarta.inject.Inject;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Headers that keep pages about victims out of frames, caches and other sites' referrers. The content security policy
 * runs no script but this application's files and the inline scripts PrimeFaces marks with its per-view nonce
 * ({@code primefaces.CSP}); nothing from elsewhere, no {@code eval}. Forms may post only here and to the identity
 * provider, where signing out leads. Inline styles stay allowed: PrimeFaces components position themselves with them.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true,
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.FORWARD, DispatcherType.ERROR})
public class SecurityHeaders extends HttpFilter {

    @Inject
    OidcSettings oidc;

    private static final String POLICY = "Content-Security-Policy";
    private static final Pattern NONCE = Pattern.compile("'nonce-[A-Za-z0-9+/=_-]+'");

    private String rest;

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader(POLICY, policy(""));
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Permissions-Policy", "camera=(), microphone=(), geolocation=()");
        if (!request.getRequestURI().contains("/jakarta.faces.resource/")) {
            response.setHeader("Cache-Control", "no-store");
        }
        chain.doFilter(request, new NoncePolicy(response));
    }

    /**
     * PrimeFaces adds its own policy header, {@code script-src 'self' 'nonce-…'}; a second header would be enforced
     * beside this one and block its scripts, so the nonce is merged into this policy instead.
     */
    private final class NoncePolicy extends HttpServletResponseWrapper {

        NoncePolicy(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void addHeader(String name, String value) {
            if (POLICY.equalsIgnoreCase(name)) {
                setHeader(name, value);
            } else {
                super.addHeader(name, value);
            }
        }

        @Override
        public void setHeader(String name, String value) {
            if (POLICY.equalsIgnoreCase(name)) {
                Matcher nonce = NONCE.matcher(value == null ? "" : value);
                super.setHeader(POLICY, policy(nonce.find() ? " " + nonce.group() : ""));
            } else {
                super.setHeader(name, value);
            }
        }
    }

    private String policy(String nonce) {
        if (rest == null) {
            URI issuer = URI.create(oidc.getIssuer());
            String identityProvider = issuer.getScheme() + "://" + issuer.getAuthority();
            rest = "style-src 'self' 'unsafe-inline'; img-src 'self' data:; font-src 'self' data:; connect-src 'self'; "
                    + "object-src 'none'; base-uri 'self'; frame-ancestors 'none'; form-action 'self' " + identityProvider;
        }
        return "default-src 'self'; script-src 'self'" + nonce + "; " + rest;
    }
}
