package kz.qorgau.web.api;

import java.util.List;

/**
 * The kinds of problem the API answers with (RFC 9457): each has a stable {@code type} URI, relative to the server so
 * that no outside host is needed, which itself answers with the kind's title ({@link ProblemTypesApi}). Programs
 * branch on the type (and on the keys for the exact refusal); the title and detail are for people.
 */
public enum ProblemType {
    /** The request could not be read: JSON, parameters, headers. */
    BAD_REQUEST("bad-request", 400),
    /** The service's checks refused fields of the request; the keys say which. */
    INVALID_INPUT("invalid-input", 400),
    UNAUTHORIZED("unauthorized", 401),
    FORBIDDEN("forbidden", 403),
    /** No such record in the caller's partition, or no such resource at all: the same answer, on purpose. */
    NOT_FOUND("not-found", 404),
    /** The record is readable, but this part of it was never written. */
    NOTHING_RECORDED("nothing-recorded", 404),
    METHOD_NOT_ALLOWED("method-not-allowed", 405),
    NOT_ACCEPTABLE("not-acceptable", 406),
    /** Someone else changed the record first, or two created the same at once; nothing was saved. */
    CONFLICT("conflict", 409),
    /** PostgreSQL refused the write by a constraint the checks let through; nothing was saved. */
    REFUSED_BY_DATABASE("refused-by-database", 409),
    /** The If-Match sent is not the record's current version; nothing was changed. */
    PRECONDITION_FAILED("precondition-failed", 412),
    UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", 415),
    /** A rule of the case work refused the change; the keys say which. */
    REFUSED("refused", 422),
    IDEMPOTENCY_KEY_REUSED("idempotency-key-reused", 422),
    /** A change of an existing record needs If-Match with its ETag. */
    PRECONDITION_REQUIRED("precondition-required", 428),
    INTERNAL_ERROR("internal-error", 500),
    /** The database cannot be reached; nothing was saved; Retry-After says when to try again. */
    UNAVAILABLE("unavailable", 503),
    /** The commit broke off: the change may or may not have been saved. */
    OUTCOME_UNKNOWN("outcome-unknown", 503);

    /** Where the types live: under the API's own version, answered without a token. */
    public static final String BASE = UnversionedApi.VERSIONED + "/problems/";

    public final String slug;
    public final int status;

    ProblemType(String slug, int status) {
        this.slug = slug;
        this.status = status;
    }

    public String uri() {
        return BASE + slug;
    }

    /** The bundle key of the title. */
    public String titleKey() {
        return "problem." + slug;
    }

    /** The kind of a problem told by its status and message keys (the keys only set apart kinds that share a status). */
    public static ProblemType of(int status, List<String> keys) {
        if (keys.contains("api.nothingRecorded")) {
            return NOTHING_RECORDED;
        }
        if (keys.contains("api.outcomeUnknown")) {
            return OUTCOME_UNKNOWN;
        }
        if (keys.contains("api.refusedByDatabase")) {
            return REFUSED_BY_DATABASE;
        }
        if (keys.contains("api.idempotencyKeyReused")) {
            return IDEMPOTENCY_KEY_REUSED;
        }
        if (status == 400) {
            // the API's own keys say the request was unreadable; any other key is a check of the services
            return keys.stream().allMatch(k -> k.startsWith("api.")) ? BAD_REQUEST : INVALID_INPUT;
        }
        for (ProblemType type : values()) {
            if (type.status == status) {
                return type;
            }
        }
        return status >= 500 ? INTERNAL_ERROR : BAD_REQUEST;
    }

    public static java.util.Optional<ProblemType> bySlug(String slug) {
        for (ProblemType type : values()) {
            if (type.slug.equals(slug)) {
                return java.util.Optional.of(type);
            }
        }
        return java.util.Optional.empty();
    }
}
