package kz.qorgau.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Where the identity provider is and how Qorgau introduces itself to it; read by the OIDC mechanism through EL. */
@Named("oidcSettings")
@ApplicationScoped
public class OidcSettings {

    @Inject
    @ConfigProperty(name = "qorgau.oidc.issuer")
    String issuer;

    @Inject
    @ConfigProperty(name = "qorgau.oidc.client-id")
    String clientId;

    @Inject
    @ConfigProperty(name = "qorgau.oidc.client-secret")
    String clientSecret;

    public String getIssuer() {
        return issuer;
    }

    public String getClientId() {
        return clientId;
    }

    public String getClientSecret() {
        return clientSecret;
    }
}
