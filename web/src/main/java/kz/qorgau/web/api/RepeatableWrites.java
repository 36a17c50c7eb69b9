package kz.qorgau.web.api;

import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.transaction.Status;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import kz.qorgau.shared.persistence.RepeatableRequests;
import kz.qorgau.shared.persistence.RepeatableRequests.Answer;
import kz.qorgau.shared.persistence.RepeatableRequests.Claim;
import kz.qorgau.web.health.DatabaseOutage;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * A write sent with an {@code Idempotency-Key} header may be sent again safely. The request runs in one transaction
 * that also claims the key and records the answer, and that transaction commits here, after the resource answered:
 * a repeat then gets the first answer (header {@code Idempotent-Replayed: true}) and writes nothing, and a commit cut
 * by the database is answered 503 "outcome unknown; repeat with the same key". Writes without the header run as
 * before, each service in its own transaction.
 */
@Provider
public class RepeatableWrites implements ContainerRequestFilter, ContainerResponseFilter {

    public static final String HEADER = "Idempotency-Key";
    private static final Logger LOG = Logger.getLogger(RepeatableWrites.class.getName());
    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Printable ASCII only: a key is an identifier a program makes, usually a UUID. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7E]{1,100}");
    private static final String CLAIMED = RepeatableWrites.class.getName() + ".claimed";

    @Inject
    RepeatableRequests ledger;

    private record Claimed(String username, String key, UserTransaction transaction) {
    }

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        String key = request.getHeaderString(HEADER);
        if (key == null || !WRITES.contains(request.getMethod()) || request.getSecurityContext().getUserPrincipal() == null) {
            return;
        }
        if (!KEY.matcher(key).matches()) {
            request.abortWith(problem(400, "api.idempotencyKeyInvalid", request));
            return;
        }
        byte[] body = request.hasEntity() ? request.getEntityStream().readNBytes(OneJsonValue.MAX_BODY_BYTES + 1) : new byte[0];
        request.setEntityStream(new ByteArrayInputStream(body));
        String username = request.getSecurityContext().getUserPrincipal().getName();
        UserTransaction transaction = transaction();
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                // never expected: a request of this thread left a transaction behind; it must not join this one
                LOG.warning("A transaction was left open on a request thread; rolled back");
                transaction.rollback();
            }
            transaction.begin();
            Claim claim = ledger.claim(username, key, fingerprint(request, body));
            if (claim instanceof Claim.Fresh) {
                request.setProperty(CLAIMED, new Claimed(username, key, transaction));
                return;
            }
            transaction.rollback();
            if (claim instanceof Claim.Answered answered) {
                request.abortWith(replay(answered.answer()));
            } else {
                request.abortWith(problem(422, "api.idempotencyKeyReused", request));
            }
        } catch (Exception e) {
            rollbackQuietly(transaction);
            if (DatabaseOutage.causedBy(e)) {
                request.abortWith(Response.fromResponse(problem(503, "api.unavailable", request))
                        .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build());
            } else {
                LOG.severe("Claiming an idempotency key failed: " + e.getClass().getName());
                request.abortWith(problem(500, "api.error", request));
            }
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!(request.getProperty(CLAIMED) instanceof Claimed claimed)) {
            return;
        }
        request.removeProperty(CLAIMED);
        UserTransaction transaction = claimed.transaction();
        boolean succeeded = response.getStatus() >= 200 && response.getStatus() < 300;
        try {
            if (!succeeded || transaction.getStatus() != Status.STATUS_ACTIVE) {
                // a refusal writes nothing, so a repeat is refused again in the same words; the key is not kept
                transaction.rollback();
                return;
            }
            ledger.answered(claimed.username(), claimed.key(), new Answer(response.getStatus(),
                    Optional.ofNullable(response.getHeaderString(HttpHeaders.LOCATION)), body(response)));
            transaction.commit();
        } catch (Exception e) {
            rollbackQuietly(transaction);
            // rolled back: nothing was saved; otherwise the write may or may not be in the database, and the key tells
            boolean rolledBack = e instanceof jakarta.transaction.RollbackException;
            LOG.warning("Commit of a write with an idempotency key failed: " + e.getClass().getName());
            Response unknown = problem(503, rolledBack ? "api.unavailable" : "api.outcomeUnknown", request);
            response.setStatus(503);
            response.getHeaders().clear();
            response.getHeaders().putAll(unknown.getHeaders());
            response.getHeaders().putSingle("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS);
            response.setEntity(unknown.getEntity(), null, ApiErrors.PROBLEM_JSON_TYPE);
        }
    }

    private static Response problem(int status, String key, ContainerRequestContext request) {
        List<java.util.Locale> wanted;
        try {
            wanted = request.getAcceptableLanguages();
        } catch (RuntimeException malformedAcceptLanguage) {
            wanted = List.of();
        }
        return ApiErrors.problem(status, List.of(key), wanted, ApiErrors.path(request.getUriInfo()));
    }

    private static Response replay(Answer answer) {
        Response.ResponseBuilder replay = Response.status(answer.status()).header("Idempotent-Replayed", "true");
        answer.location().ifPresent(location -> replay.header(HttpHeaders.LOCATION, location));
        answer.body().ifPresent(body -> replay.entity(body).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")));
        return replay.build();
    }

    /** The answer's body as JSON, kept to replay it; the API's write answers are ids and case numbers. */
    private static Optional<String> body(ContainerResponseContext response) throws Exception {
        if (!response.hasEntity()) {
            return Optional.empty();
        }
        Object entity = response.getEntity();
        if (entity instanceof String text) {
            return Optional.of(text);
        }
        try (Jsonb json = JsonbBuilder.create()) {
            return Optional.of(json.toJson(entity));
        }
    }

    private static byte[] fingerprint(ContainerRequestContext request, byte[] body) throws NoSuchAlgorithmException {
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        sha.update((request.getMethod() + " " + request.getUriInfo().getPath() + "\n").getBytes(StandardCharsets.UTF_8));
        sha.update(body);
        return sha.digest();
    }

    private static UserTransaction transaction() {
        try {
            return (UserTransaction) new InitialContext().lookup("java:comp/UserTransaction");
        } catch (NamingException e) {
            throw new IllegalStateException("no UserTransaction", e);
        }
    }

    private static void rollbackQuietly(UserTransaction transaction) {
        try {
            if (transaction.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transaction.rollback();
            }
        } catch (Exception ignored) {
            // the connection is gone with the transaction; nothing is left to undo
        }
    }
}
