package nnlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;

/** A plain HTTP client for the job API, as a script would use it. */
public final class Api {

    public static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    public Api(int port) {
        this.base = "http://localhost:" + port;
    }

    public String base() {
        return base;
    }

    public record Response(int status, HttpHeaders headers, String text) {
        public JsonNode json() {
            try {
                return text.isEmpty() ? JSON.missingNode() : JSON.readTree(text);
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + text, e);
            }
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
    }

    /** A GET as a client (header X-Nnlab-Client), as anonymous callers are told apart. */
    public Response get(String path, String client) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("X-Nnlab-Client", client).GET());
    }

    public Response post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String body, String client) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .header("X-Nnlab-Client", client).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A JSON POST with more headers, such as the X-Forwarded-For a trusted reverse proxy adds. */
    public Response post(String path, String body, java.util.Map<String, String> headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json");
        headers.forEach(b::header);
        return send(b.POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** A POST with any content type, such as a form. */
    public Response send(String path, String contentType, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response patch(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).DELETE());
    }

    /** Submits a spec and returns the job id; fails unless the answer is 201. */
    public String submit(String spec) {
        Response r = post("/api/jobs", spec);
        if (r.status() != 201) throw new AssertionError("submit answered " + r.status() + ": " + r.text());
        return r.json().get("id").asText();
    }

    /** Submits a spec as a client (header X-Nnlab-Client) and returns the job id; fails unless the answer is 201. */
    public String submit(String spec, String client) {
        Response r = post("/api/jobs", spec, client);
        if (r.status() != 201) throw new AssertionError("submit answered " + r.status() + ": " + r.text());
        return r.json().get("id").asText();
    }

    public JsonNode job(String id) {
        return get("/api/jobs/" + id).json();
    }

    /** Polls the job until the condition holds. */
    public JsonNode awaitJob(String id, Predicate<JsonNode> condition, Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        JsonNode job = job(id);
        while (!condition.test(job)) {
            if (System.nanoTime() > end) throw new AssertionError("timed out waiting; job is " + job);
            sleep(20);
            job = job(id);
        }
        return job;
    }

    public JsonNode awaitFinished(String id, Duration timeout) {
        return awaitJob(id, j -> {
            String s = j.get("status").asText();
            return !s.equals("QUEUED") && !s.equals("RUNNING") && !s.equals("PAUSED");
        }, timeout);
    }

    public HttpResponse<java.util.stream.Stream<String>> stream(String path, String lastEventId) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "text/event-stream")
                .timeout(Duration.ofSeconds(120)).GET();
        if (lastEventId != null) b.header("Last-Event-ID", lastEventId);
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofLines());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    public static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
