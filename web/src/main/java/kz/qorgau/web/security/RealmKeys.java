package kz.qorgau.web.security;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;

import java.io.StringReader;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.spec.RSAPublicKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Logger;

/**
 * The realm's public keys for MP-JWT ({@code mp.jwt.verify.publickey}, a JWKS), fetched from Keycloak and kept: renewed
 * every few minutes in the background, and while Keycloak cannot be reached the keys last fetched stay in use, so that
 * tokens already issued are accepted until they expire. (Given as a key location instead, Payara reads the keys again
 * every five minutes and refuses every token while that fails.) A rotated realm key is picked up within the renewal
 * period plus Payara's own cache of half a minute ({@code payara-mp-jwt.properties}).
 *
 * <p>Payara builds the key from this text at every request. Given a key set, it first tries the text as PEM (a
 * regular expression), then parses the JSON, looking the JSON provider up each time — a third of an API call's CPU in
 * the mixed load. So when the realm signs with one RSA key, as Keycloak does until a key is rotated, that key is
 * handed over as PEM; with several, the key set itself, so that each token's {@code kid} picks its key.
 */
public class RealmKeys implements ConfigSource {

    static final String PROPERTY = "mp.jwt.verify.publickey";
    private static final Logger LOG = Logger.getLogger(RealmKeys.class.getName());
    private static final long RENEW_NANOS = Duration.ofMinutes(5).toNanos();
    private static final long RETRY_NANOS = Duration.ofSeconds(10).toNanos();
    private static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    private final AtomicBoolean fetching = new AtomicBoolean();
    private volatile String keys;
    private volatile long fetchedAt;
    private volatile long triedAt = System.nanoTime() - RETRY_NANOS;

    @Override
    public Set<String> getPropertyNames() {
        return Set.of(PROPERTY);
    }

    @Override
    public String getValue(String propertyName) {
        if (!PROPERTY.equals(propertyName)) {
            return null;
        }
        long now = System.nanoTime();
        if (keys == null) {
            if (now - triedAt >= RETRY_NANOS) {
                fetch(true); // nothing to verify with yet: wait for Keycloak, briefly
            }
        } else if (now - fetchedAt >= RENEW_NANOS && now - triedAt >= RETRY_NANOS) {
            fetch(false); // answer with the keys we have; renew them meanwhile
        }
        return keys;
    }

    @Override
    public int getOrdinal() {
        return 150; // above microprofile-config.properties; an environment variable still overrides it
    }

    @Override
    public String getName() {
        return "Keycloak realm keys, last fetched";
    }

    private void fetch(boolean wait) {
        if (!fetching.compareAndSet(false, true)) {
            return;
        }
        triedAt = System.nanoTime();
        Optional<String> issuer = ConfigProvider.getConfig(RealmKeys.class.getClassLoader())
                .getOptionalValue("qorgau.oidc.issuer", String.class);
        if (issuer.isEmpty()) {
            fetching.set(false);
            return;
        }
        HttpRequest request = HttpRequest.newBuilder(URI.create(issuer.get() + "/protocol/openid-connect/certs"))
                .timeout(TIMEOUT).GET().build();
        var answer = http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
            if (failure == null && response.statusCode() == 200 && response.body().contains("\"keys\"")) {
                keys = verificationKeys(response.body());
                fetchedAt = System.nanoTime();
            } else {
                LOG.warning("Keycloak's realm keys could not be renewed"
                        + (keys == null ? "; API tokens are refused until they can be fetched" : "; the last ones stay in use"));
            }
            fetching.set(false);
        });
        if (wait) {
            try {
                answer.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException unreachable) {
                // told above; the next call after the retry delay tries again
            }
        }
    }

    /** The realm's one RSA signing key as PEM, or the key set unchanged when it has none or several. */
    static String verificationKeys(String jwks) {
        List<JsonObject> signing;
        try (JsonReader reader = Json.createReader(new StringReader(jwks))) {
            signing = reader.readObject().getJsonArray("keys").getValuesAs(JsonObject.class).stream()
                    .filter(k -> "RSA".equals(k.getString("kty", null)) && "sig".equals(k.getString("use", "sig"))
                            && "RS256".equals(k.getString("alg", "RS256")) && k.containsKey("n") && k.containsKey("e"))
                    .toList();
        } catch (RuntimeException notAKeySet) {
            return jwks; // Payara tells what is wrong with it
        }
        if (signing.size() != 1) {
            return jwks;
        }
        try {
            Base64.Decoder url = Base64.getUrlDecoder();
            RSAPublicKeySpec spec = new RSAPublicKeySpec(new BigInteger(1, url.decode(signing.get(0).getString("n"))),
                    new BigInteger(1, url.decode(signing.get(0).getString("e"))));
            byte[] encoded = KeyFactory.getInstance("RSA").generatePublic(spec).getEncoded();
            return "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                    .encodeToString(encoded) + "\n-----END PUBLIC KEY-----\n";
        } catch (GeneralSecurityException | IllegalArgumentException unusable) {
            return jwks;
        }
    }
}
