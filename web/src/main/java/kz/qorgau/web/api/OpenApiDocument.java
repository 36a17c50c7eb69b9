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
 * an operation that takes {@code If-Match} answers 428 without it and 412 when it is stale, and a list paged by
 * {@code first} and {@code size} answers the {@code Page} envelope. The scanner files a method's success without
 * {@code @APIResponse} as "default"; it is moved to 2XX, so that "default" means a failure.
 */
public class OpenApiDocument implements OASFilter {

    private static final String PROBLEM = "#/components/schemas/Problem";

    @Override
    public Operation filterOperation(Operation operation) {
        APIResponses responses = operation.getResponses() == null ? OASFactory.createAPIResponses() : operation.getResponses();
        operation.setResponses(responses);
        List<Parameter> parameters = operation.getParameters() == null ? List.of() : operation.getParameters();
        APIResponse scanned = responses.getDefaultValue();
        if (scanned != null && (scanned.getContent() == null || scanned.getContent().getMediaType(ApiErrors.PROBLEM_JSON) == null)) {
            // the scanner's answer for a method without @APIResponse is its success, filed as "default"
            responses.setDefaultValue(null);
            if (responses.getAPIResponses() == null || responses.getAPIResponses().keySet().stream().noneMatch(code -> code.startsWith("2"))) {
                responses.addAPIResponse("2XX", scanned);
            }
        }
        if (isPaged(parameters)) {
            // a page of a list (first, size): the scanner does not unfold the generic envelope
            responses.removeAPIResponse("2XX");
            responses.addAPIResponse("200", OASFactory.createAPIResponse().description("a page of the list and its total")
                    .content(OASFactory.createContent().addMediaType("application/json",
                            OASFactory.createMediaType().schema(OASFactory.createSchema().ref("#/components/schemas/Page")))));
        }
        if (responses.getDefaultValue() == null) {
            responses.setDefaultValue(problem("any failure: 400, 401, 403, 404, 405, 406, 409, 415, 422, 500, 503 (with Retry-After);"
                    + " the type URI says which kind"));
        }
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
        Schema count = OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int32");
        components.addSchema("Page", OASFactory.createSchema()
                .type(Schema.SchemaType.OBJECT)
                .description("A page of a list: from first (0 the newest), at most size items, and how many the list holds,"
                        + " counted by the database within the caller's partition (totalExact false: the planner's estimate)")
                .required(List.of("items", "total", "totalExact", "first", "size"))
                .properties(Map.of(
                        "items", OASFactory.createSchema().type(Schema.SchemaType.ARRAY).items(OASFactory.createSchema().type(Schema.SchemaType.OBJECT)),
                        "total", OASFactory.createSchema().type(Schema.SchemaType.INTEGER).format("int64"),
                        "totalExact", OASFactory.createSchema().type(Schema.SchemaType.BOOLEAN),
                        "first", count,
                        "size", count)));
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

    private static boolean isPaged(List<Parameter> parameters) {
        return parameters.stream().anyMatch(p -> "first".equals(p.getName())) && parameters.stream().anyMatch(p -> "size".equals(p.getName()));
    }

    private static APIResponse problem(String description) {
        Content content = OASFactory.createContent().addMediaType(ApiErrors.PROBLEM_JSON,
                OASFactory.createMediaType().schema(OASFactory.createSchema().ref(PROBLEM)));
        return OASFactory.createAPIResponse().description(description).content(content);
    }
}
