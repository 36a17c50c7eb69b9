package kz.qorgau.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Whether Keycloak can take a sign-in right now, asked only before a browser would be sent to it: a quick look at the
 * realm's discovery document, remembered for a second (two when it failed) so that a crowd of sign-ins costs one
 * look. Signed-in users and API calls never ask; they need Keycloak only to sign in, not to keep working.
 */
@ApplicationScoped
public class SignInAvailability {

    private static final Logger LOG = Logger.getLogger(SignInAvailability.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(2);
    private static final long REMEMBER_UP_NANOS = Duration.ofSeconds(1).toNanos();
    private static final long REMEMBER_DOWN_NANOS = Duration.ofSeconds(2).toNanos();

    @Inject
    OidcSettings settings;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private volatile boolean up = true;
    private volatile long checkedAt = System.nanoTime() - REMEMBER_UP_NANOS;

    public boolean identityProviderReachable() {
        long now = System.nanoTime();
        if (now - checkedAt < (up ? REMEMBER_UP_NANOS : REMEMBER_DOWN_NANOS)) {
            return up;
        }
        synchronized (this) {
            if (System.nanoTime() - checkedAt >= (up ? REMEMBER_UP_NANOS : REMEMBER_DOWN_NANOS)) {
                boolean was = up;
                up = probe();
                checkedAt = System.nanoTime();
                if (was != up) {
                    LOG.warning(up ? "Keycloak reachable again: sign-in works" : "Keycloak unreachable: new sign-ins get the sign-in-unavailable page");
                }
            }
            return up;
        }
    }

    private boolean probe() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(settings.getIssuer() + "/.well-known/openid-configuration"))
                    .timeout(TIMEOUT).GET().build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException | RuntimeException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
