package kz.qorgau.web.api;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.media.Schema;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.responses.APIResponses;

import java.util.List;
import java.util.Map;

/**
 * What every operation shares, written once into the OpenAPI document ({@code mp.openapi.filter}) rather than on
 * each method: any failure is a problem of RFC 9457 ({@code application/problem+json}, the {@code Problem} schema),
 * and an operation that takes {@code If-Match} answers 428 without it and 412 when it is stale.
 */
public class OpenApiDocument implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(problem("any failure: 400, 401, 403, 404, 405, 406, 409, 415, 422, 500, 503 (with Retry-After);"
                    + " the type URI says which kind"));
        }
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        if (parameters.stream().anyMatch(p -> "If-Match".equalsIgnoreCase(p.getName()))) {
            if (!responses.hasAPIResponse("412")) {
                responses.addAPIResponse("412", problem("the If-Match is not the record's current ETag: nothing was changed"));
            }
            if (!responses.hasAPIResponse("428")) {
                responses.addAPIResponse("428", problem("no If-Match: a change of an existing record names the ETag it was read at"));
            }
        }
        return operation;
    }

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        Schema text = OASFactory.createSchema().type(Schema.SchemaType.STRING);
        Schema texts = OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().type(Schema.SchemaType.STRING));
        components.addSchema("Problem", OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("A problem of RFC 9457, in the caller's language (Accept-Language: ru, kk, en)")
                .required(List.of("type", "title", "status"))
                .properties(Map.of(
                        "type", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference")
                                .description("a stable URI per kind, /api/v1/problems/<kind>, which answers what it means"),
                        "title", text,
                        "status", OASFactory.createSchema().type(Schema.SchemaType.INTEGER),
                        "detail", text,
                        "instance", OASFactory.createSchema().type(Schema.SchemaType.STRING).format("uri-reference")
                                .description("the path asked for, without the query"),
                        "keys", texts.description("stable keys of the refusal, for programs"),
                        "messages", OASFactory.createSchema().type(Schema.SchemaType.ARRAY)
                                .items(OASFactory.createSchema().type(Schema.SchemaType.STRING)),
                        "reference", OASFactory.createSchema().type(Schema.SchemaType.STRING)
                                .description("for a failure of ours: the id it is logged under"))));
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(ApiErrors.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
