package kz.qorgau.web.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import kz.qorgau.web.faces.Messages;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirements;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What each problem {@code type} URI means, in the caller's language: public, like the OpenAPI description (kinds of
 * answer, never data), so that a type can be looked up without a token.
 */
@Path("problems")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirements
public class ProblemTypesApi {

    @Context
    HttpHeaders headers;

    public record Kind(String type, String title, int status) {
    }

    @GET
    @Operation(summary = "every kind of problem the API answers with")
    public List<Kind> all() {
        Locale locale = ApiErrors.Problem.language(headers.getAcceptableLanguages());
        return Arrays.stream(ProblemType.values()).map(t -> kind(t, locale)).toList();
    }

    @GET
    @Path("{slug}")
    @Operation(summary = "one kind of problem, the target of its type URI")
    public Kind one(@PathParam("slug") String slug) {
        Locale locale = ApiErrors.Problem.language(headers.getAcceptableLanguages());
        return ProblemType.bySlug(slug).map(t -> kind(t, locale)).orElseThrow(NotFoundException::new);
    }

    private static Kind kind(ProblemType type, Locale locale) {
        return new Kind(type.uri(), Messages.refusal(type.titleKey(), locale), type.status);
    }
}
