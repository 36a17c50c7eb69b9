package kz.qorgau.web.api;

import jakarta.ws.rs.core.EntityTag;
import kz.qorgau.shared.QorgauException;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A record's version as HTTP sees it: its {@code ETag} is the record's JPA version as a strong tag ({@code "3"}),
 * and a change of an existing record names the version it was decided on in {@code If-Match}. This class only reads
 * the header; whether the version is still current is checked by the service inside its transaction (and by the
 * version in the UPDATE), so nothing can come between the check and the write.
 */
final class ETags {

    private static final Pattern ONE_STRONG_TAG = Pattern.compile("\\s*\"(\\d{1,18})\"\\s*");

    private ETags() {
    }

    /** The header a change names its version in, for {@code @HeaderParam} and the OpenAPI document. */
    static final String IF_MATCH = "If-Match";
    static final String IF_MATCH_DESCRIPTION = "the ETag of the record as read (\"3\"): missing 428, stale 412";
    static final String ETAG = "ETag";
    static final String ETAG_DESCRIPTION = "the record's version, a strong tag: \"3\"";

    static EntityTag of(long version) {
        return new EntityTag(Long.toString(version));
    }

    /**
     * The version the caller changes. None (or {@code *}, which names no version) is 428; a weak tag or another
     * server's tag can never match a version (RFC 9110 compares If-Match strongly), so it is 412 like a stale one.
     */
    static long expected(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            throw new Required();
        }
        Matcher tag = ONE_STRONG_TAG.matcher(ifMatch);
        if (!tag.matches()) {
            throw new Failed();
        }
        return Long.parseLong(tag.group(1));
    }

    /** A change of an existing record came without the version it was decided on: 428. */
    static final class Required extends QorgauException {
        Required() {
            super(List.of("api.preconditionRequired"));
        }
    }

    /** The If-Match names no current version of the record: 412, and nothing was changed. */
    static final class Failed extends QorgauException {
        Failed() {
            super(List.of("api.preconditionFailed"));
        }
    }
}
