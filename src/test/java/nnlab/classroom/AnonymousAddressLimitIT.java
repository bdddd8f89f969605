package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nnlab.support.TightServer;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/**
 * Anonymous callers cannot dodge their rate limits by sending a new {@code X-Nnlab-Client} each time: all of
 * them from one address share a bucket too (3 submissions, 5 heartbeats, 6 answers, 4 previews a minute on this server).
 * Other addresses, and students behind the same address, are not held up. The addresses come in
 * {@code X-Forwarded-For}, which this server trusts as behind a reverse proxy.
 */
class AnonymousAddressLimitIT extends TightServer {

    private static final String LAB = "01-gradient-descent";

    @Test
    void answersFromOneAddressUnderEverChangingClientNamesAreRefused() {
        Api api = new Api(port);
        String address = "203.0.113.10";
        for (int i = 1; i <= 6; i++) {
            assertThat(answer(api, address, "script-" + i).status()).as("answer " + i).isEqualTo(200);
        }
        Api.Response refused = answer(api, address, "script-7");
        assertTooMany(refused, "/problems/too-many-requests", "nnlab.limits.anonymous-answers-per-minute-per-address", 6);
        assertThat(refused.json().get("detail").asText()).contains("6 answers per minute per address");
        // another address is a bucket of its own
        assertThat(answer(api, "203.0.113.11", "script-7").status()).isEqualTo(200);

        // a student behind the spent address is counted by who they are
        String code = newClass(instructor(HOST, FIRST_PASSWORD), "behind a NAT");
        Visitor student = new Visitor(port);
        student.join(code, "Nat");
        for (int i = 1; i <= 2; i++) {
            Api.Response own = student.post("/api/labs/" + LAB + "/answers", "{\"question\": \"q1\", \"answer\": \"2\"}",
                    Map.of("X-Forwarded-For", address));
            assertThat(own.status()).as(own.text()).isEqualTo(200);
            assertThat(own.json().get("stored").asBoolean()).isTrue();
        }
    }

    @Test
    void heartbeatsFromOneAddressUnderEverChangingClientNamesAreRefused() {
        Api api = new Api(port);
        String address = "203.0.113.20";
        for (int i = 1; i <= 5; i++) {
            assertThat(heartbeat(api, address, "page-" + i).status()).as("heartbeat " + i).isEqualTo(204);
        }
        assertTooMany(heartbeat(api, address, "page-6"), "/problems/too-many-requests",
                "nnlab.limits.anonymous-heartbeats-per-minute-per-address", 5);
        assertThat(heartbeat(api, "203.0.113.21", "page-6").status()).isEqualTo(204);
    }

    @Test
    void submissionsFromOneAddressUnderEverChangingClientNamesAreRefused() {
        Api api = new Api(port);
        String address = "203.0.113.30";
        String paused = Specs.spiral(3, "\"startPaused\": true");
        for (int i = 1; i <= 3; i++) {
            Api.Response r = api.post("/api/jobs", paused, headers(address, "trainer-" + i));
            assertThat(r.status()).as(r.text()).isEqualTo(201);
            api.delete("/api/jobs/" + r.json().get("id").asText());
        }
        Api.Response refused = api.post("/api/jobs", paused, headers(address, "trainer-4"));
        assertTooMany(refused, "/problems/too-many-submissions",
                "nnlab.limits.anonymous-submissions-per-minute-per-address", 3);
        assertThat(refused.json().get("detail").asText()).contains("3 jobs per minute per address");
        Api.Response elsewhere = api.post("/api/jobs", paused, headers("203.0.113.31", "trainer-4"));
        assertThat(elsewhere.status()).as(elsewhere.text()).isEqualTo(201);
        api.delete("/api/jobs/" + elsewhere.json().get("id").asText());
    }

    @Test
    void previewsFromOneAddressUnderEverChangingClientNamesAreRefused() {
        Api api = new Api(port);
        String address = "203.0.113.40";
        String spec = Specs.spiral(3, null);
        for (int i = 1; i <= 4; i++) {
            Api.Response r = api.post("/api/jobs/preview", spec, headers(address, "editor-" + i));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
        }
        Api.Response refused = api.post("/api/jobs/preview", spec, headers(address, "editor-5"));
        assertTooMany(refused, "/problems/too-many-requests",
                "nnlab.limits.anonymous-previews-per-minute-per-address", 4);
        assertThat(refused.json().get("detail").asText()).contains("4 previews per minute per address");
        assertThat(api.post("/api/jobs/preview", spec, headers("203.0.113.41", "editor-5")).status()).isEqualTo(200);
    }

    /** An optimiser's path on a surface is computed on the request's thread like a preview, and counted as one. */
    @Test
    void surfacePathsCountAsPreviewsOfTheAddress() {
        Api api = new Api(port);
        String address = "203.0.113.42";
        String body = "{\"runs\": [{\"optimizer\": \"adam\", \"learningRate\": 0.1}], \"steps\": 5, \"grid\": 0}";
        for (int i = 1; i <= 2; i++) {
            Api.Response r = api.post("/api/surfaces/bowl/paths", body, headers(address, "plotter-" + i));
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            assertThat(api.post("/api/jobs/preview", Specs.spiral(3, null), headers(address, "editor-" + i)).status())
                    .isEqualTo(200);
        }
        Api.Response refused = api.post("/api/surfaces/bowl/paths", body, headers(address, "plotter-3"));
        assertTooMany(refused, "/problems/too-many-requests",
                "nnlab.limits.anonymous-previews-per-minute-per-address", 4);
        assertThat(api.post("/api/surfaces/bowl/paths", body, headers("203.0.113.43", "plotter-3")).status())
                .isEqualTo(200);
    }

    private static Api.Response answer(Api api, String address, String client) {
        return api.post("/api/labs/" + LAB + "/answers", "{\"question\": \"q1\", \"answer\": \"2\"}",
                headers(address, client));
    }

    private static Api.Response heartbeat(Api api, String address, String client) {
        return api.post("/api/progress", "{\"page\": \"" + LAB + "\"}", headers(address, client));
    }

    private static Map<String, String> headers(String address, String client) {
        return Map.of("X-Forwarded-For", address, "X-Nnlab-Client", client);
    }

    static void assertTooMany(Api.Response r, String type, String property, int limit) {
        assertThat(r.status()).as(r.text()).isEqualTo(429);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(Long.parseLong(r.header("Retry-After"))).isBetween(1L, 60L);
        JsonNode p = r.json();
        assertThat(p.get("type").asText()).isEqualTo(type);
        assertThat(p.get("limit").asText()).isEqualTo(property);
        assertThat(p.get("limitValue").asInt()).isEqualTo(limit);
        assertThat(p.get("detail").asText()).contains(property);
    }
}
