package kz.qorgau.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import kz.qorgau.shared.AccessDeniedException;
import kz.qorgau.shared.ConcurrentChangeException;
import kz.qorgau.shared.InvalidInputException;
import kz.qorgau.shared.NotFoundException;
import kz.qorgau.shared.QorgauException;
import kz.qorgau.web.errors.ErrorLog;
import kz.qorgau.web.faces.Messages;
import kz.qorgau.web.health.DatabaseOutage;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every failure of an API call as a status and messages in the caller's language ({@code Accept-Language}: ru, kk or
 * en; Russian otherwise), never a stack trace. A record outside the caller's partition is 404, like one that does
 * not exist.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final Set<String> LANGUAGES = Set.of("ru", "kk", "en");

    @Context
    HttpHeaders headers;

    @Override
    public Response toResponse(Throwable failure) {
        var refused = QorgauException.behind(failure);
        if (refused.isPresent()) {
            return problem(status(refused.get()), refused.get().messageKeys());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            return problem(status, List.of(switch (status) {
                case 404 -> "api.noSuchResource";
                case 405 -> "api.methodNotAllowed";
                case 406, 415 -> "api.jsonOnly";
                default -> "api.badRequest";
            }));
        }
        if (failure instanceof jakarta.ws.rs.ProcessingException || failure instanceof jakarta.json.bind.JsonbException) {
            // a body that is not the JSON the resource reads (syntax, types, unknown enum codes)
            return problem(400, List.of("api.badRequest"));
        }
        if (failure instanceof jakarta.transaction.TransactionalException && commitOutcomeUnknown(failure.getCause())) {
            // the commit itself failed (the cause's own cause is not kept): the write may be saved or not
            LOG.warning("A commit failed (" + failure.getCause().getClass().getName() + "); answered 503, outcome unknown, to an API call");
            return Response.fromResponse(problem(503, List.of("api.outcomeUnknown")))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        if (DatabaseOutage.causedBy(failure)) {
            LOG.warning("Database unavailable; answered 503 to an API call");
            return Response.fromResponse(problem(503, List.of("api.unavailable")))
                    .header("Retry-After", DatabaseOutage.RETRY_AFTER_SECONDS).build();
        }
        if (refusedByDatabase(failure)) {
            // input the checks let through and PostgreSQL refused (a duplicate, a constraint): nothing was saved
            String reference = ErrorLog.newReference();
            LOG.log(Level.WARNING, "API call refused by a database constraint (" + reference + ")", ErrorLog.withoutMessages(failure));
            return problem(409, List.of("api.refusedByDatabase"), reference);
        }
        // the exception's types and stack go to the log only; messages could carry input, so they stay out of it
        String reference = ErrorLog.unexpected("the API", failure);
        return problem(500, List.of("api.error"), reference);
    }

    /** An integrity constraint of PostgreSQL (SQLState class 23) refused the write. */
    static boolean refusedByDatabase(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null && sql.getSQLState().startsWith("23")) {
                return true;
            }
        }
        return false;
    }

    /** What the transaction manager throws when COMMIT did not answer: the database may have committed or not. */
    static boolean commitOutcomeUnknown(Throwable commitFailure) {
        return commitFailure instanceof jakarta.transaction.SystemException
                || commitFailure instanceof jakarta.transaction.HeuristicMixedException
                || commitFailure instanceof jakarta.transaction.HeuristicRollbackException;
    }

    private static int status(QorgauException refusal) {
        if (refusal instanceof NotFoundException) {
            return 404;
        }
        if (refusal instanceof AccessDeniedException) {
            return 403;
        }
        if (refusal instanceof ConcurrentChangeException) {
            return 409;
        }
        if (refusal instanceof CasesApi.NothingRecorded) {
            return 404;
        }
        return refusal instanceof InvalidInputException ? 400 : 422;
    }

    private Response problem(int status, List<String> keys) {
        return problem(status, keys, wanted());
    }

    /** A failure's answer, with the reference id it is logged under. */
    private Response problem(int status, List<String> keys, String reference) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Problem.of(status, keys, wanted()).withReference(reference)).build();
    }

    /** A refusal told in the first of the caller's languages that Qorgau speaks. */
    static Response problem(int status, List<String> keys, List<Locale> wanted) {
        return Response.status(status).type(MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .entity(Problem.of(status, keys, wanted)).build();
    }

    /** The caller's languages; a header that cannot be read counts as none, so the refusal is still told. */
    private List<Locale> wanted() {
        try {
            return headers == null ? List.of() : headers.getAcceptableLanguages();
        } catch (RuntimeException malformedAcceptLanguage) {
            return List.of();
        }
    }

    /**
     * The body of every refusal: the status again, stable keys for programs, texts for people, and for a failure
     * the reference id it is logged under (absent otherwise).
     */
    public record Problem(int status, List<String> keys, List<String> messages, String reference) {

        /** The first of the caller's languages that Qorgau speaks (ru, kk, en); Russian otherwise. */
        public static Locale language(List<Locale> wanted) {
            return wanted.stream().filter(l -> LANGUAGES.contains(l.getLanguage())).findFirst()
                    .map(l -> Locale.forLanguageTag(l.getLanguage())).orElse(Locale.forLanguageTag("ru"));
        }

        /** Texts in the first of the caller's languages that Qorgau speaks (ru, kk, en); Russian otherwise. */
        public static Problem of(int status, List<String> keys, List<Locale> wanted) {
            Locale locale = language(wanted);
            return new Problem(status, keys, keys.stream().map(key -> Messages.refusal(key, locale)).toList(), null);
        }

        public Problem withReference(String id) {
            return new Problem(status, keys, messages, id);
        }
    }
}
