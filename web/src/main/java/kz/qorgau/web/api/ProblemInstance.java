package kz.qorgau.web.api;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code instance} of a problem: the request's path without its query, cut before the first segment that is not
 * a word of the API, a case number or a record id. A client that put a name or an IIN (12 digits) into a path gets no
 * echo of it in the answer, nor in anything that logs answers.
 */
public final class ProblemInstance {

    /** The segments of the API's paths; {@code ProblemInstanceTest} checks that every {@code @Path} is here. */
    static final Set<String> WORDS = Set.of("api", "v1", "cases", "referrals", "protective-orders", "notes", "audit",
            "safety-plan", "address", "court-submissions", "trafficking-identification", "search", "statistics",
            "import", "imports", "refused-rows", "court-mandates", "export", "revocation", "acceptance", "decline",
            "deliveries", "problems");
    private static final Pattern CASE_NUMBER = Pattern.compile("[A-Z]{3}-\\d{4}-\\d{6,12}");
    /** Record ids; at most 11 digits, so never an IIN. */
    private static final Pattern ID = Pattern.compile("\\d{1,11}");
    /** Statistics figures, e.g. VICTIMS_ASSISTED. */
    private static final Pattern FIGURE = Pattern.compile("[A-Z]+(_[A-Z]+)+");

    private ProblemInstance() {
    }

    /** @param path the decoded path from the context root, e.g. {@code /api/v1/cases/ALM-2026-000123} */
    public static String of(String path) {
        if (path == null || path.isEmpty()) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        for (String segment : path.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            if (!(WORDS.contains(segment) || CASE_NUMBER.matcher(segment).matches() || ID.matcher(segment).matches()
                    || FIGURE.matcher(segment).matches() && segment.length() <= 40 || ProblemType.bySlug(segment).isPresent())) {
                break;
            }
            kept.append('/').append(segment);
        }
        return kept.isEmpty() ? null : kept.toString();
    }
}
