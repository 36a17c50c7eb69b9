package kz.qorgau.web.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;

/**
 * What a sign-in established about the caller, kept in her session so that it travels with the session through the
 * Payara Data Grid. Soteria's {@code OpenIdContext}, which holds the tokens, does not serialise (its token classes are
 * not Serializable, eclipse-ee4j/soteria#379): on the node a session moves to after its own died, the container still
 * names the caller but her tokens are gone. This record lets that node go on with the same caller, the same roles
 * and the same organisation and region claims as the sign-in gave, for as long as the session lives. It is written
 * only by the sign-in ({@link CallbackServlet}) and lives only on the server.
 */
record SignedInCaller(String name, List<String> roles, String organisation, String region, String displayName)
        implements Serializable {

    static final String ATTRIBUTE = "qorgau.signedInCaller";

    static void remember(HttpServletRequest request, CurrentUser user) {
        request.getSession(true).setAttribute(ATTRIBUTE, new SignedInCaller(user.caller().username(),
                List.copyOf(user.getRoleNames()), user.caller().organisationCode().orElse(null),
                user.caller().regionCode().orElse(null), user.displayName()));
    }

    /** The caller the session's sign-in established, if it is the one the container names. */
    static Optional<SignedInCaller> of(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        Object kept = session == null ? null : session.getAttribute(ATTRIBUTE);
        return kept instanceof SignedInCaller caller && request.getUserPrincipal() != null
                && caller.name().equals(request.getUserPrincipal().getName()) ? Optional.of(caller) : Optional.empty();
    }

    /** The claims {@link CurrentUser} reads from the identity token. */
    Optional<String> claim(String claim) {
        return Optional.ofNullable(switch (claim) {
            case "organisation" -> organisation;
            case "region" -> region;
            case "name" -> displayName;
            default -> null;
        });
    }
}
