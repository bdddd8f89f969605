package nnlab.platform;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Documents the refusals every API operation may answer, as RFC 7807 problems (application/problem+json): 400
 * naming the field and the limit, 401, 403, 404 where the address names something, 429 with Retry-After, 500.
 * An operation's own documentation of a status, where it has one, is kept (given the problem body if it has none).
 */
@Component
class ProblemResponsesDocumentation implements OpenApiCustomizer {

    static final String PROBLEM = "Problem";
    private static final String PROBLEM_JSON = org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    @Override
    public void customise(io.swagger.v3.oas.models.OpenAPI api) {
        if (api.getPaths() == null) return;
        api.getComponents().addSchemas(PROBLEM, problemSchema());
        api.getPaths().forEach((path, item) -> {
            for (Map.Entry<PathItem.HttpMethod, Operation> e : item.readOperationsMap().entrySet()) {
                ApiResponses responses = e.getValue().getResponses();
                if (responses == null) e.getValue().setResponses(responses = new ApiResponses());
                Map<String, String> refusals = new LinkedHashMap<>();
                refusals.put("400", "the request is not valid: the problem's field names what, and the limit");
                refusals.put("401", "this needs a signed-in caller (a student's cookie, an instructor's session or"
                        + " an API token)");
                refusals.put("403", "the caller may not do this, or a call made with a cookie lacks the CSRF token"
                        + " (X-XSRF-TOKEN)");
                if (path.contains("{")) refusals.put("404", "there is no such thing, or not for this caller");
                refusals.put("429", "too many requests: Retry-After says when to try again");
                refusals.put("500", "an unexpected error on the server, logged; no details are given");
                for (Map.Entry<String, String> r : refusals.entrySet()) {
                    if (!responses.containsKey(r.getKey())) responses.addApiResponse(r.getKey(), problem(r.getValue()));
                }
                // a download of a spreadsheet file answers CSV (its handler sets the type on the answer)
                ApiResponse ok = responses.get("200");
                if (path.endsWith(".csv") && ok != null) {
                    ok.setContent(new Content().addMediaType("text/csv", new MediaType().schema(new StringSchema())));
                }
                // a refusal an operation documents itself (423, 409, 503 ...) is a problem too, not the handler's return type
                responses.forEach((status, response) -> {
                    if (status.matches("[45]\\d\\d") && (response.getContent() == null
                            || !response.getContent().containsKey(PROBLEM_JSON))) {
                        response.setContent(problem(response.getDescription()).getContent());
                    }
                });
            }
        });
    }

    private static ApiResponse problem(String description) {
        return new ApiResponse().description(description).content(new Content().addMediaType(PROBLEM_JSON,
                new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
    }

    private static Schema<?> problemSchema() {
        return new ObjectSchema().description("RFC 7807 problem details, in plain words")
                .addProperty("type", new StringSchema().description("a URI naming the kind of problem"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema().description("what went wrong and what to do"))
                .addProperty("instance", new StringSchema())
                .addProperty("field", new StringSchema().description("the field of the request at fault, if one"))
                .addProperty("limit", new StringSchema().description("the limit that was passed, if one"));
    }
}
