package kz.qorgau.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The REST API for other systems of the agencies (police, courts, hotlines): the same services, partitions and audit
 * as the pages, authenticated by bearer tokens from the same Keycloak realm (MicroProfile JWT: issuer, signature and
 * the {@code qorgau-api} audience are verified; see {@code microprofile-config.properties}). Its OpenAPI description is
 * public at {@code /openapi}: calls and fields, never data. Version 1 is under {@code /api/v1/}; a change that breaks
 * callers gets {@code /api/v2/}, alongside.
 */
@OpenAPIDefinition(
        info = @Info(title = "Qorgau API", version = "1",
                description = "Case files, protective orders, court submissions and referrals, within the caller's partition."),
        security = @SecurityRequirement(name = "keycloak"))
@SecurityScheme(securitySchemeName = "keycloak", type = SecuritySchemeType.HTTP, scheme = "bearer", bearerFormat = "JWT",
        description = "An access token of the Qorgau realm with the audience qorgau-api")
@ApplicationPath("api/v1")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
public class QorgauApi extends Application {
}
