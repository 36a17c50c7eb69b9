package kz.qorgau.web.api;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** A problem written by a filter or the security layer, outside JAX-RS, the same as {@link ApiErrors} answers. */
public final class ProblemWriter {

    private ProblemWriter() {
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status, List<String> keys,
                             String reference) throws IOException {
        response.setStatus(status);
        response.setContentType(ApiErrors.PROBLEM_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        var problem = ApiErrors.Problem.of(status, keys, languages(request), path).withReference(reference);
        try (Jsonb json = JsonbBuilder.create()) {
            response.getWriter().write(json.toJson(problem));
        } catch (Exception e) {
            throw new IOException("could not write the problem", e);
        }
    }

    /** The caller's languages; a header that cannot be read counts as none, so the problem is still told. */
    public static List<Locale> languages(HttpServletRequest request) {
        try {
            return request.getHeader("Accept-Language") == null ? List.of() : Collections.list(request.getLocales());
        } catch (RuntimeException malformed) {
            return List.of();
        }
    }
}
