package kz.qorgau.web.api;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The REST API for other systems of the agencies (police, courts, hotlines): the same services, partitions and audit
 * as the pages, authenticated by bearer tokens from the same Keycloak realm (MicroProfile JWT: issuer, signature and
 * the {@code qorgau-api} audience are verified; see {@code microprofile-config.properties}).
 */
@ApplicationPath("api")
@LoginConfig(authMethod = "MP-JWT")
@ApplicationScoped
public class QorgauApi extends Application {
}
