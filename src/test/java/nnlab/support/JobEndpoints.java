package nnlab.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The endpoints of one job as the server's OpenAPI document lists them, and a way to call each of them as
 * a browser (a {@link Visitor}, with its cookies and CSRF header) or as nobody. Tests of who may reach a job
 * walk this list rather than a list of their own, so that an endpoint added later is walked too.
 */
public final class JobEndpoints {

    /** Every path of one job begins so; the server looks the job up from this {id} for the caller. */
    public static final String JOB_PATH = "/api/jobs/{id}";

    /**
     * Paths under /api/jobs/ that name no job: they make none and reach none (a preview evaluates a spec the
     * caller sends), so no door applies. Every other path under /api/jobs/ is one job's.
     */
    public static final Set<String> NOT_ONE_JOB = Set.of("/api/jobs/preview");

    /** The endpoints of one job there were when this was written: the document must list at least these. */
    public static final Set<String> KNOWN = Set.of("GET /api/jobs/{id}", "PATCH /api/jobs/{id}",
            "DELETE /api/jobs/{id}", "GET /api/jobs/{id}/metrics", "GET /api/jobs/{id}/events",
            "POST /api/jobs/{id}/pause", "POST /api/jobs/{id}/resume", "POST /api/jobs/{id}/step",
            "POST /api/jobs/{id}/predict", "GET /api/jobs/{id}/points", "GET /api/jobs/{id}/model",
            "GET /api/jobs/{id}/evaluation", "GET /api/jobs/{id}/code", "GET /api/jobs/{id}/code/data.csv",
            "GET /api/jobs/{id}/code/weights.json", "POST /api/jobs/{id}/trace",
            "GET /api/jobs/{id}/regions");

    private static final List<String> METHODS = List.of("get", "put", "post", "delete", "patch", "head", "options",
            "trace");
    private static final String EVENT_STREAM = "text/event-stream";

    /**
     * @param query       the required query parameters with sample values ("?a=1"), or ""
     * @param contentType the request body's media type; null for an operation without a body
     * @param body        a small body made from the body's schema (its required fields), for the content type
     */
    public record Endpoint(String method, String path, String query, String accept, String contentType,
                           String body) {

        public String name() {
            return method + " " + path;
        }

        /** A Server-Sent Events stream: its refusals are checked by status only. */
        public boolean streams() {
            return accept.contains(EVENT_STREAM);
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public JobEndpoints(int port) {
        this.base = "http://localhost:" + port;
    }

    /**
     * Every operation on a path under /api/jobs/ in the server's OpenAPI document; fails for such a path that
     * does not begin with {@link #JOB_PATH}, which would not be reached through the job's lookup.
     */
    public List<Endpoint> listed() {
        JsonNode doc = fetch("/v3/api-docs");
        List<Endpoint> endpoints = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.path("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            if (!path.getKey().startsWith("/api/jobs/") || NOT_ONE_JOB.contains(path.getKey())) continue;
            assertThat(path.getKey().equals(JOB_PATH) || path.getKey().startsWith(JOB_PATH + "/"))
                    .as("%s is a path of one job that does not begin with %s", path.getKey(), JOB_PATH).isTrue();
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation != null) endpoints.add(endpoint(doc, method.toUpperCase(), path.getKey(), operation));
            }
        }
        return endpoints;
    }

    private static Endpoint endpoint(JsonNode doc, String method, String path, JsonNode operation) {
        List<String> parameters = new ArrayList<>();
        operation.path("parameters").forEach(p -> parameters.add(p.path("in").asText() + " " + p.path("name").asText()));
        assertThat(parameters).as("%s %s: the job's id is documented, and nothing else stands for the job", method,
                path).contains("path id").doesNotContain("query job");
        StringBuilder query = new StringBuilder();
        for (JsonNode p : operation.path("parameters")) {
            if (p.path("in").asText().equals("query") && p.path("required").asBoolean()) {
                query.append(query.isEmpty() ? "?" : "&").append(p.get("name").asText()).append('=')
                        .append(sample(doc, p.path("schema")).asText());
            }
        }
        String accept = "application/json";
        for (JsonNode response : operation.path("responses")) {
            if (response.path("content").has(EVENT_STREAM)) accept = EVENT_STREAM;
        }
        String contentType = null;
        String body = null;
        Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
        if (content.hasNext()) {
            Map.Entry<String, JsonNode> first = content.next();
            contentType = first.getKey();
            body = sample(doc, first.getValue().path("schema")).toString();
        }
        return new Endpoint(method, path, query.toString(), accept, contentType, body);
    }

    /** A value of the schema: objects with their required fields only, numbers 0.1, strings "x". */
    static JsonNode sample(JsonNode doc, JsonNode schema) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            return sample(doc, doc.path("components").path("schemas").path(name));
        }
        switch (schema.path("type").asText("object")) {
            case "number":
                return Api.JSON.getNodeFactory().numberNode(0.1);
            case "integer":
                return Api.JSON.getNodeFactory().numberNode(1);
            case "boolean":
                return Api.JSON.getNodeFactory().booleanNode(false);
            case "string":
                return Api.JSON.getNodeFactory().textNode("x");
            case "array":
                return Api.JSON.createArrayNode();
            default:
                ObjectNode object = Api.JSON.createObjectNode();
                for (JsonNode required : schema.path("required")) {
                    object.set(required.asText(), sample(doc, schema.path("properties").path(required.asText())));
                }
                return object;
        }
    }

    /** Calls the endpoint for this job with the endpoint's own body, as the visitor or (null) as nobody. */
    public Api.Response call(Endpoint e, String jobId, Visitor who) {
        return call(e, jobId, who, e.body());
    }

    /** Calls the endpoint for this job with this body (sent with the endpoint's content type). */
    public Api.Response call(Endpoint e, String jobId, Visitor who, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + e.path().replace("{id}", jobId) + e.query()))
                .timeout(Duration.ofSeconds(60)).header("Accept", e.accept());
        if (e.contentType() != null) b.header("Content-Type", e.contentType());
        if (who != null) {
            b.header("Cookie", who.cookieHeader());
            String xsrf = who.cookie("XSRF-TOKEN");
            if (xsrf != null) b.header("X-XSRF-TOKEN", xsrf);
        }
        b.method(e.method(), body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return send(b);
    }

    /**
     * Walks every listed endpoint of the owner's job: another student is refused (403, before a body is read:
     * a broken body gets the same answer), nobody is refused with {@code nobodyStatus}, the owner and the
     * instructor are let in. Fails unless the document lists at least the {@link #KNOWN} endpoints.
     *
     * @return the endpoints walked
     */
    public List<Endpoint> walk(String job, Visitor owner, Visitor other, Visitor instructor, int nobodyStatus,
                               String nobodyReason) {
        List<Endpoint> listed = listed();
        assertThat(listed.stream().map(Endpoint::name).toList()).containsAll(KNOWN);
        for (Endpoint e : listed) {
            assertRefused(call(e, job, other), e, 403, "is not yours");
            if (e.body() != null) assertRefused(call(e, job, other, "{\"broken"), e, 403, "is not yours");
            assertRefused(call(e, job, null), e, nobodyStatus, nobodyReason);
            assertLetIn(call(e, job, owner), e);
            assertLetIn(call(e, job, instructor), e);
        }
        return listed;
    }

    /**
     * A refusal of the job door: the status, and for all but event streams a problem (RFC 7807) in plain
     * words that names the reason, without a Java name.
     */
    public static void assertRefused(Api.Response r, Endpoint e, int status, String reason) {
        assertThat(r.status()).as("%s answered %s", e.name(), r.text()).isEqualTo(status);
        if (e.streams()) return;
        assertThat(r.header("Content-Type")).as(e.name()).startsWith("application/problem+json");
        assertThat(r.json().path("status").asInt()).as(e.name()).isEqualTo(status);
        assertThat(r.json().path("detail").asText()).as(e.name()).contains(reason);
        assertThat(r.text()).as(e.name()).doesNotContain("Exception", "java.")
                .doesNotContainPattern("[a-z]+\\.[a-z]+\\.[A-Z][A-Za-z]+");
    }

    /**
     * Not refused: neither 401 nor 403, nor 404 for a job that exists, nor a server error; an event stream
     * of a finished job is read to its end and holds the job's status.
     */
    public static void assertLetIn(Api.Response r, Endpoint e) {
        assertThat(r.status()).as("%s answered %s", e.name(), r.text()).isNotIn(401, 403, 404).isLessThan(500);
        if (e.streams()) assertThat(r.text()).as(e.name()).contains("event:status");
    }

    private JsonNode fetch(String path) {
        Api.Response r = send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60)).GET());
        assertThat(r.status()).as("GET " + path).isEqualTo(200);
        return r.json();
    }

    private Api.Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }
}
