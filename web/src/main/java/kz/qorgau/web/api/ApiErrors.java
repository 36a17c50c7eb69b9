package kz.qorgau.web.api;

import jakarta.json.bind.annotation.JsonbPropertyOrder;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
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
 * Every failure of an API call as a problem (RFC 9457, {@code application/problem+json}) in the caller's language
 * ({@code Accept-Language}: ru, kk or en; Russian otherwise), never a stack trace. A record outside the caller's
 * partition is 404, like one that does not exist.
 */
@Provider
public class ApiErrors implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(ApiErrors.class.getName());
    private static final Set<String> LANGUAGES = Set.of("ru", "kk", "en");

    /** RFC 9457's media type of every failure's body. */
    public static final String PROBLEM_JSON = "application/problem+json";
    public static final MediaType PROBLEM_JSON_TYPE = new MediaType("application", "problem+json", "UTF-8");

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @Override
    public Response toResponse(Throwable failure) {
        var refused = QorgauException.behind(failure);
        if (refused.isPresent()) {
            int status = status(refused.get());
            // a caller that named the version it changes (If-Match) is told that precondition failed, nothing changed
            return problem(status, status == 412 ? List.of("api.preconditionFailed") : refused.get().messageKeys());
        }
        if (failure instanceof WebApplicationException web && web.getResponse().getStatus() < 500) {
            int status = web.getResponse().getStatus();
            Response answer = problem(status, List.of(switch (status) {
                case 404 -> "api.noSuchResource";
                case 405 -> "api.methodNotAllowed";
                case 406, 415 -> "api.jsonOnly";
                case 412 -> "api.preconditionFailed";
                case 428 -> "api.preconditionRequired";
                default -> "api.badRequest";
            }));
            String allow = web.getResponse().getHeaderString("Allow");
            return allow == null ? answer : Response.fromResponse(answer).header("Allow", allow).build();
        }
        if (failure instanceof jakarta.ws.rs.ProcessingException || failure instanceof jakarta.json.bind.JsonbException) {
            // a body that is not the JSON the resource reads (syntax, types, unknown enum codes)
            return problem(400, List.of("api.badRequest"));
        }
        if (failure instanceof jakarta.transaction.TransactionalException && DatabaseOutage.commitBrokenOff(failure)) {
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

    private int status(QorgauException refusal) {
        if (refusal instanceof NotFoundException) {
            return 404;
        }
        if (refusal instanceof AccessDeniedException) {
            return 403;
        }
        if (refusal instanceof ConcurrentChangeException) {
            return headers != null && headers.getHeaderString(HttpHeaders.IF_MATCH) != null ? 412 : 409;
        }
        if (refusal instanceof ETags.Failed) {
            return 412;
        }
        if (refusal instanceof ETags.Required) {
            return 428;
        }
        if (refusal instanceof CasesApi.NothingRecorded) {
            return 404;
        }
        return refusal instanceof InvalidInputException ? 400 : 422;
    }

    private Response problem(int status, List<String> keys) {
        return problem(status, keys, null);
    }

    /** A failure's answer, with the reference id it is logged under. */
    private Response problem(int status, List<String> keys, String reference) {
        return Response.status(status).type(PROBLEM_JSON_TYPE)
                .entity(Problem.of(status, keys, wanted(), path(uri)).withReference(reference)).build();
    }

    /** A refusal told in the first of the caller's languages that Qorgau speaks. */
    static Response problem(int status, List<String> keys, List<Locale> wanted, String path) {
        return Response.status(status).type(PROBLEM_JSON_TYPE).entity(Problem.of(status, keys, wanted, path)).build();
    }

    /** The request's path from the context root, decoded and without the query. */
    static String path(UriInfo uri) {
        if (uri == null) {
            return null;
        }
        try {
            return UnversionedApi.VERSIONED + "/" + uri.getPath();
        } catch (RuntimeException outsideARequest) {
            return null;
        }
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
     * The body of every failure, a problem of RFC 9457: its {@code type} (a stable URI per kind, see
     * {@link ProblemType}), {@code title} and {@code detail} in the caller's language, the {@code status} again and
     * the {@code instance} (the path, see {@link ProblemInstance}); and as extensions the stable {@code keys} for
     * programs, their {@code messages} for people, for a failure the {@code reference} it is logged under, and for a
     * refused import file the {@code report} with its row-by-row problems.
     */
    @JsonbPropertyOrder({"type", "title", "status", "detail", "instance", "keys", "messages", "reference", "report"})
    public record Problem(String type, String title, int status, String detail, String instance, List<String> keys,
                          List<String> messages, String reference, Object report) {

        /** The first of the caller's languages that Qorgau speaks (ru, kk, en); Russian otherwise. */
        public static Locale language(List<Locale> wanted) {
            return wanted.stream().filter(l -> LANGUAGES.contains(l.getLanguage())).findFirst()
                    .map(l -> Locale.forLanguageTag(l.getLanguage())).orElse(Locale.forLanguageTag("ru"));
        }

        /** Texts in the first of the caller's languages that Qorgau speaks (ru, kk, en); Russian otherwise. */
        public static Problem of(int status, List<String> keys, List<Locale> wanted, String path) {
            Locale locale = language(wanted);
            return told(status, keys, keys.stream().map(key -> Messages.refusal(key, locale)).toList(), locale, path);
        }

        /** With the messages already told, such as a refusal whose text has the refused values in it. */
        public static Problem told(int status, List<String> keys, List<String> messages, Locale locale, String path) {
            ProblemType type = ProblemType.of(status, keys);
            return new Problem(type.uri(), Messages.refusal(type.titleKey(), locale), status, String.join(" ", messages),
                    ProblemInstance.of(path), keys, messages, null, null);
        }

        public Problem withReference(String id) {
            return new Problem(type, title, status, detail, instance, keys, messages, id, report);
        }

        public Problem withReport(Object importReport) {
            return new Problem(type, title, status, detail, instance, keys, messages, reference, importReport);
        }
    }
}
