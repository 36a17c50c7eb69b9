package kz.qorgau.web.security;

import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bearer tokens the container's MP-JWT mechanism has verified (signature, issuer, audience, expiry), so that a client
 * sending the same token again is not verified again for a while: the verification is a third of a cheap API call
 * (JSON parsing, key and claims checks; a search by case number is 5 ms, 1.5 of them this). An entry is the exact
 * token — its SHA-256, so a changed or forged token is a different key and is verified in full — and lasts until the
 * token expires or {@link #KEPT} has passed, whichever comes first, so a key withdrawn from the realm stops being
 * accepted as soon as it would without the memory. Tokens live minutes, and MP-JWT never asked Keycloak about a
 * token it could verify, so nothing is accepted that was not before.
 */
@ApplicationScoped
public class VerifiedTokens {

    static final Duration KEPT = Duration.ofMinutes(1);
    /** A bound on memory (an entry is ~1 KB with its claims); when reached, everything is forgotten at once. */
    static final int MAX = 10_000;

    /** Who the token named, with her groups, and until when that may be taken without verifying it again. */
    public record Verified(Principal caller, Set<String> groups, Instant until) {
    }

    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    /** The caller of a token verified earlier and still within its time, or nothing: then verify it. */
    public Optional<Verified> find(String token, Instant now) {
        String key = key(token);
        Verified known = verified.get(key);
        if (known == null) {
            return Optional.empty();
        }
        if (!now.isBefore(known.until())) {
            verified.remove(key, known);
            return Optional.empty();
        }
        return Optional.of(known);
    }

    /** After the container verified the token: whom it named, and when it expires (nothing without an expiry). */
    public void remember(String token, Principal caller, Set<String> groups, Optional<Instant> expires, Instant now) {
        if (caller == null || expires.isEmpty() || !now.isBefore(expires.get())) {
            return;
        }
        if (verified.size() >= MAX) {
            verified.clear();
        }
        Instant until = expires.get().isBefore(now.plus(KEPT)) ? expires.get() : now.plus(KEPT);
        verified.put(key(token), new Verified(caller, Set.copyOf(groups), until));
    }

    int size() {
        return verified.size();
    }

    private static String key(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException every_jvm_has_it) {
            throw new IllegalStateException(every_jvm_has_it);
        }
    }
}
