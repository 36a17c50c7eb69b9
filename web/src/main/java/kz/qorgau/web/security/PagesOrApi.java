package kz.qorgau.web.security;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationException;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContextWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import kz.qorgau.web.api.ProblemWriter;
import org.eclipse.microprofile.jwt.JsonWebToken;

import java.lang.reflect.Type;
import java.security.Principal;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The WAR's one authentication mechanism (Jakarta Security 3 allows only one): pages sign in through Keycloak with
 * OpenID Connect, the REST API under {@code /api/v1/} (and the rest of {@code /api/}, which answers 404) takes MicroProfile JWT bearer tokens from the same realm. Each
 * request goes to the container's mechanism for its kind; neither is reimplemented here.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION)
@ApplicationScoped
public class PagesOrApi implements HttpAuthenticationMechanism {

    static final String API_PATH = "/api/";
    static final String SIGN_IN_UNAVAILABLE_PAGE = "/sign-in-unavailable.xhtml";
    private static final Logger LOG = Logger.getLogger(PagesOrApi.class.getName());
    /** Logs every unreadable token with its stack at INFO, so anyone could fill the log; we log one line instead. */
    private static final Logger TOKEN_STORE = Logger.getLogger("fish.payara.microprofile.jwtauth.eesecurity.SignedJWTIdentityStore");

    static {
        TOKEN_STORE.setLevel(Level.WARNING);
    }

    @Inject
    BeanManager beans;

    @Inject
    SignInAvailability signInAvailability;

    @Inject
    OidcSettings settings;

    @Inject
    VerifiedTokens verifiedTokens;

    private volatile HttpAuthenticationMechanism openId;
    private volatile HttpAuthenticationMechanism bearer;

    @Override
    public AuthenticationStatus validateRequest(HttpServletRequest request, HttpServletResponse response,
                                                HttpMessageContext context) throws AuthenticationException {
        if (!isApi(request)) {
            return page(request, response, context);
        }
        String authorization = request.getHeader("Authorization");
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            // an API client is never sent to a login form: it is told to bring a token
            return context.isProtected() ? unauthorized(request, response) : context.doNothing();
        }
        // the container's MP-JWT mechanism answers a bad token with an HTML error page; the API answers in JSON
        HttpServletResponse quiet = new HttpServletResponseWrapper(response) {
            @Override
            public void sendError(int sc) {
            }

            @Override
            public void sendError(int sc, String msg) {
            }
        };
        HttpMessageContext quietContext = new HttpMessageContextWrapper(context) {
            @Override
            public HttpServletResponse getResponse() {
                return quiet;
            }

            @Override
            public AuthenticationStatus responseUnauthorized() {
                return AuthenticationStatus.SEND_FAILURE;
            }
        };
        String token = authorization.substring(7).trim();
        Instant now = Instant.now();
        var known = verifiedTokens.find(token, now);
        if (known.isPresent()) {
            // as the MP-JWT mechanism does on success: the token's principal in the subject, then the container told
            context.getClientSubject().getPrincipals().add(known.get().caller());
            return context.notifyContainerAboutLogin(known.get().caller(), new HashSet<>(known.get().groups()));
        }
        AuthenticationStatus status = bearer().validateRequest(request, quiet, quietContext);
        if (status == AuthenticationStatus.SUCCESS) {
            Principal caller = context.getCallerPrincipal();
            verifiedTokens.remember(token, caller, context.getGroups() == null ? Set.of() : context.getGroups(),
                    caller instanceof JsonWebToken jwt && jwt.getExpirationTime() > 0
                            ? Optional.of(Instant.ofEpochSecond(jwt.getExpirationTime())) : Optional.empty(), now);
            return status;
        }
        LOG.info("API call refused (401): the bearer token is invalid, expired or not for this API");
        return unauthorized(request, response);
    }

    /**
     * A page: signed-in users go on without Keycloak; a sign-in that would send the browser to an unreachable
     * Keycloak (or fails because it just went away) gets the "sign-in temporarily unavailable" page instead.
     */
    private AuthenticationStatus page(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context)
            throws AuthenticationException {
        boolean signingIn = context.isProtected() && request.getUserPrincipal() == null;
        if (!signingIn && request.getUserPrincipal() != null) {
            var kept = SignedInCaller.of(request);
            if (kept.isPresent()) {
                // The container is told her name and roles as the sign-in established them (SignedInCaller), on
                // every request: Soteria would pass on only the principal the container kept in the session, and a
                // session read back from the Data Grid keeps the name without the roles (the cluster drill saw 403s
                // for signed-in social workers). Soteria's tokens do not travel either; nothing else of them is needed
                // here, as tokens are not refreshed and their expiry does not end a session.
                return context.notifyContainerAboutLogin(kept.get().name(), new HashSet<>(kept.get().roles()));
            }
        }
        if (signingIn && !signInAvailability.identityProviderReachable()) {
            return signInUnavailable(request, response, context);
        }
        try {
            HttpMessageContext pages = signIn(request, response, context);
            return openId().validateRequest(request, pages.getResponse(), pages);
        } catch (RuntimeException | AuthenticationException failure) {
            if (!signingIn && failure instanceof RuntimeException tokensGone) {
                // a caller still named by the container whose tokens are gone (after a sign-out): start afresh
                return afresh(request, response, tokensGone);
            }
            if (!signingIn || response.isCommitted() || signInAvailability.identityProviderReachable()) {
                throw failure;
            }
            return signInUnavailable(request, response, context);
        }
    }

    private static AuthenticationStatus signInUnavailable(HttpServletRequest request, HttpServletResponse response,
                                                          HttpMessageContext context) {
        LOG.warning("Sign-in refused for now: Keycloak cannot be reached (503)");
        response.resetBuffer();
        response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
        response.setHeader("Retry-After", "60");
        response.setHeader("Cache-Control", "no-store");
        return context.forward(SIGN_IN_UNAVAILABLE_PAGE);
    }

    /**
     * The page mechanism's context, seeing to what happens when it sends the browser to Keycloak's sign-in: the page
     * asked for is remembered (the return after sign-in, see {@link SignInReturn}), Keycloak is asked for the user's
     * language ({@code ui_locales}), and a Faces ajax request (a button on a page whose session has expired) is told
     * in Faces' own terms to load the page again, which then goes to the sign-in form; an XMLHttpRequest cannot
     * follow a redirect to another site.
     */
    private HttpMessageContext signIn(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        String issuer = settings.getIssuer();
        HttpServletResponse toKeycloak = new HttpServletResponseWrapper(response) {
            @Override
            public void sendRedirect(String location) throws java.io.IOException {
                if (location == null || issuer == null || !location.startsWith(issuer) || location.contains("/logout")) {
                    super.sendRedirect(location);
                    return;
                }
                SignInReturn.remember(request);
                String language = kz.qorgau.web.faces.LanguageChoice.fromRequest(request).code();
                String withLanguage = location + (location.contains("?") ? "&" : "?") + "ui_locales=" + language;
                if ("partial/ajax".equals(request.getHeader("Faces-Request"))) {
                    setContentType("text/xml");
                    setCharacterEncoding(StandardCharsets.UTF_8.name());
                    getWriter().write("<?xml version='1.0' encoding='UTF-8'?><partial-response><redirect url=\""
                            + SignInReturn.page(request).replace("&", "&amp;").replace("\"", "&quot;") + "\"/></partial-response>");
                    flushBuffer();
                    return;
                }
                super.sendRedirect(withLanguage);
            }
        };
        return new HttpMessageContextWrapper(context) {
            @Override
            public HttpServletResponse getResponse() {
                return toKeycloak;
            }

            @Override
            public AuthenticationStatus redirect(String location) {
                try {
                    toKeycloak.sendRedirect(location);
                } catch (java.io.IOException clientGone) {
                    // nothing more to tell a browser that has gone
                }
                return AuthenticationStatus.SEND_CONTINUE;
            }
        };
    }

    /**
     * Soteria's mechanism fails (a NullPointerException) when the container still names a caller whose tokens are
     * gone, as on the first page after signing out while the session lived on: that session is ended and the page
     * loaded again, which then goes to the sign-in form like any page without a session.
     */
    private static AuthenticationStatus afresh(HttpServletRequest request, HttpServletResponse response,
                                               RuntimeException failure) throws AuthenticationException {
        jakarta.servlet.http.HttpSession session = request.getSession(false);
        if (session == null || response.isCommitted()) {
            throw failure;
        }
        LOG.info("A page request named a caller without tokens (" + failure.getClass().getName() + "); its session is ended");
        session.invalidate();
        try {
            response.sendRedirect(SignInReturn.page(request));
        } catch (java.io.IOException clientGone) {
            // nothing more to tell a browser that has gone
        }
        return AuthenticationStatus.SEND_CONTINUE;
    }

    @Override
    public AuthenticationStatus secureResponse(HttpServletRequest request, HttpServletResponse response,
                                               HttpMessageContext context) throws AuthenticationException {
        // as the interface's default does: in this phase the context has no subject to "do nothing" with
        return isApi(request) ? AuthenticationStatus.SUCCESS : openId().secureResponse(request, response, context);
    }

    @Override
    public void cleanSubject(HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
        (isApi(request) ? bearer() : openId()).cleanSubject(request, response, context);
    }

    /** By the decoded path the container maps, so that an encoded {@code /%61pi/} is the API too, never a page. */
    static boolean isApi(HttpServletRequest request) {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return path.equals("/api") || path.startsWith(API_PATH);
    }

    /** A JSON body rather than the container's HTML error page, committed so nothing can replace it. */
    private static AuthenticationStatus unauthorized(HttpServletRequest request, HttpServletResponse response) {
        try {
            response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
            response.setHeader("WWW-Authenticate", "Bearer realm=\"qorgau\"");
            ProblemWriter.write(request, response, HttpServletResponse.SC_UNAUTHORIZED, List.of("api.tokenRequired"), null);
            response.flushBuffer();
        } catch (Exception clientGone) {
            // nothing more to tell a client that has gone
        }
        return AuthenticationStatus.SEND_FAILURE;
    }

    private HttpAuthenticationMechanism openId() {
        if (openId == null) {
            openId = mechanism(false);
        }
        return openId;
    }

    private HttpAuthenticationMechanism bearer() {
        if (bearer == null) {
            bearer = mechanism(true);
        }
        return bearer;
    }

    /**
     * The container's own mechanisms, as synthetic beans: Payara's MP-JWT one (registered by the {@code @LoginConfig}
     * of the API) carries its implementation type; Soteria's OpenID Connect one only the interface.
     */
    private HttpAuthenticationMechanism mechanism(boolean jwt) {
        for (Bean<?> bean : beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE)) {
            boolean isJwt = bean.getTypes().stream().map(Type::getTypeName).anyMatch(t -> t.endsWith(".JWTAuthenticationMechanism"));
            if (bean.getBeanClass() != PagesOrApi.class && !bean.getTypes().contains(PagesOrApi.class) && isJwt == jwt) {
                return (HttpAuthenticationMechanism) beans.getReference(bean, HttpAuthenticationMechanism.class,
                        beans.createCreationalContext(bean));
            }
        }
        throw new IllegalStateException("No " + (jwt ? "MP-JWT" : "OpenID Connect") + " mechanism among "
                + beans.getBeans(HttpAuthenticationMechanism.class, Any.Literal.INSTANCE).stream().map(Bean::getTypes).toList());
    }
}
