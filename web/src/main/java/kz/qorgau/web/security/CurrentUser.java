package kz.qorgau.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.identitystore.openid.OpenIdContext;
import kz.qorgau.reference.Organisation;
import kz.qorgau.reference.ReferenceData;
import kz.qorgau.shared.Caller;
import kz.qorgau.shared.Role;

import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The one place where the identity from Keycloak (container roles from the {@code groups} claim, the
 * {@code organisation} and {@code region} claims) becomes the {@link Caller} that services decide on.
 */
@Named
@RequestScoped
public class CurrentUser {

    @Inject
    SecurityContext securityContext;

    @Inject
    OpenIdContext openIdContext;

    @Inject
    ReferenceData reference;

    @Inject
    jakarta.servlet.http.HttpServletRequest request;

    private Caller caller;

    public Caller caller() {
        if (caller == null) {
            Principal principal = securityContext.getCallerPrincipal();
            if (principal == null) {
                caller = new Caller("anonymous", Set.of(), Optional.empty(), Optional.empty());
            } else {
                // the container's roles are the token's groups; only those it granted count
                List<String> groups = Arrays.stream(Role.NAMES).filter(securityContext::isCallerInRole).toList();
                caller = Caller.fromToken(principal.getName(), groups, claim("organisation"), claim("region"), request.getRemoteAddr());
            }
        }
        return caller;
    }

    private Optional<String> claim(String name) {
        try {
            if (openIdContext.getIdentityToken() == null) {
                // a session that came from another node through the Data Grid: its tokens stayed behind
                return SignedInCaller.of(request).flatMap(c -> c.claim(name)).filter(s -> !s.isBlank());
            }
            return openIdContext.getIdentityToken().getJwtClaims().getStringClaim(name).filter(s -> !s.isBlank());
        } catch (RuntimeException noTokenOrNotAString) {
            return Optional.empty();
        }
    }

    /** The person's name as Keycloak has it ({@code name} claim), or her user name. */
    public String displayName() {
        return claim("name").orElse(caller().username());
    }

    public String getUsername() {
        return caller().username();
    }

    public List<String> getRoleNames() {
        return caller().roles().stream().map(Role::realmName).toList();
    }

    public boolean isSignedIn() {
        return securityContext.getCallerPrincipal() != null;
    }

    private String organisationName;

    /** Shown in every page's header; looked up once per request. */
    public String getOrganisationName() {
        if (organisationName == null) {
            organisationName = caller().organisationCode()
                    .map(code -> reference.organisation(code).map(Organisation::name).orElse(code))
                    .orElse("");
        }
        return organisationName;
    }

    public String getRegionCode() {
        return caller().regionCode().orElse("");
    }

    /** A secret of this session that the sign-out form must send back, so no other site can sign the user out. */
    public String getSignOutToken() {
        var session = request.getSession();
        Object token = session.getAttribute(SignOutServlet.TOKEN);
        if (token == null) {
            byte[] bytes = new byte[24];
            new java.security.SecureRandom().nextBytes(bytes);
            token = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            session.setAttribute(SignOutServlet.TOKEN, token);
        }
        return (String) token;
    }

    /** Whether any figure is there for this user: the statistics policy answers, not the page. */
    public boolean isStatisticsReader() {
        return new kz.qorgau.statistics.StatisticsAccess(caller(), code -> Optional.empty()).any();
    }

    /** What this user may do at all, by the access policy: menus and start-page sections ask this. */
    public kz.qorgau.access.CallerAccess getAccess() {
        return kz.qorgau.access.AccessPolicy.of(caller());
    }
}
