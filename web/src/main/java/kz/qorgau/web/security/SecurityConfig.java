package kz.qorgau.web.security;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.security.enterprise.authentication.mechanism.http.OpenIdAuthenticationMechanismDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.ClaimsDefinition;
import jakarta.security.enterprise.authentication.mechanism.http.openid.LogoutDefinition;

/**
 * Sign-in through Keycloak with OpenID Connect. Realm roles arrive in the {@code groups} claim and become container
 * roles one to one. After the code exchange the browser lands on {@code /Callback}, which sends it home: going back
 * to the original resource breaks on PrimeFaces requests in this Soteria version. Signing out ends the Keycloak
 * session too.
 */
@OpenIdAuthenticationMechanismDefinition(
        providerURI = "${oidcSettings.issuer}",
        clientId = "${oidcSettings.clientId}",
        clientSecret = "${oidcSettings.clientSecret}",
        redirectURI = "${baseURL}/Callback",
        redirectToOriginalResource = false,
        claimsDefinition = @ClaimsDefinition(callerGroupsClaim = "groups"),
        logout = @LogoutDefinition(notifyProvider = true, redirectURI = "${baseURL}/"))
@DeclareRoles({"social-worker", "police", "court", "ngo", "supervisor", "analyst", "admin"})
@ApplicationScoped
public class SecurityConfig {
}
