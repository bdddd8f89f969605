package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.support.Api;
import nnlab.support.RawHttp;
import nnlab.support.FaultyEndpoint;
import nnlab.support.HostileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * The refusals the hostile-input review found, one by one: each is a problem in plain words (or the error
 * page for a browser), whoever refuses it (the controllers, the firewall, Tomcat, the error page), and
 * only a real fault leaves a stack trace in the log.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorAnswersIT extends HostileServer {

    private static final String SPEC = "{\"dataset\": {\"name\": \"playground\", \"kind\": \"xor\"},"
            + " \"model\": {\"layers\": [{\"units\": 2, \"activation\": \"softmax\"}]},"
            + " \"training\": {\"epochs\": %s}}";
    private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");

    private RawHttp.Response send(String method, String target, Map<String, String> headers, String body)
            throws IOException {
        return new RawHttp(port).send(method, target, headers, body == null ? null : body.getBytes());
    }

    /** The answer is a problem with this status whose detail has these words and no Java names. */
    private static JsonNode problem(RawHttp.Response r, int status, String... words) throws IOException {
        String what = r.status() + " " + r.headers() + " " + r.body();
        assertThat(r.status()).as(what).isEqualTo(status);
        assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
        JsonNode p = Api.JSON.readTree(r.body());
        assertThat(p.get("status").asInt()).as(what).isEqualTo(status);
        assertThat(p.get("title").asText()).as(what).isNotBlank();
        if (words.length > 0) assertThat(p.get("detail").asText()).as(what).contains(words);
        assertThat(HostileInputIT.JAVA_NAME.matcher(r.body()).find()).as(what).isFalse();
        return p;
    }

    @Test
    void readerBoundsAreNamedInWordsAtTheField(CapturedOutput output) throws IOException {
        JsonNode digits = problem(send("POST", "/api/jobs", JSON, SPEC.formatted("1".repeat(5000))), 400,
                "numbers are limited to 1000 digits");
        assertThat(digits.get("field").asText()).isEqualTo("training.epochs");
        JsonNode fraction = problem(send("POST", "/api/jobs", JSON,
                SPEC.formatted("1").replace("\"xor\"}", "\"xor\", \"noise\": 0." + "5".repeat(5000) + "}")), 400,
                "numbers are limited to 1000 digits");
        assertThat(fraction.get("field").asText()).isEqualTo("dataset.noise");
        // a field the spec does not know is read whole before it is refused: there the nesting bound is met
        JsonNode deep = problem(send("POST", "/api/jobs", JSON, "{\"colour\": " + "[".repeat(50_000)
                + "]".repeat(50_000) + "}"), 400, "nesting is limited to 100 levels");
        assertThat(deep.get("field").asText()).isEqualTo("colour");
        JsonNode deepObjects = problem(send("POST", "/api/jobs", JSON, "{\"dataset\": {\"x\": " + "{\"a\": ".repeat(2000)
                + "1" + "}".repeat(2000) + "}}"), 400, "nesting is limited to 100 levels");
        assertThat(deepObjects.get("field").asText()).startsWith("dataset.x");
        // elsewhere the first level of the wrong type is refused before the reader goes deeper
        problem(send("POST", "/api/jobs", JSON, "[".repeat(50_000) + "]".repeat(50_000)), 400, "JSON object");
        assertThat(output.getAll()).doesNotContain("\tat ", "StreamReadConstraints");
    }

    @Test
    void addressesTheFirewallOrTomcatRefuseAreProblems(CapturedOutput output) throws IOException {
        Map<String, String> refusals = new LinkedHashMap<>();
        refusals.put("/api/jobs/../jobs", "'..'");
        refusals.put("/api/jobs;x=1", "';'");
        refusals.put("/api//jobs", "'//'");
        refusals.put("/api/jobs/%2e%2e/x", "encoded dots");
        refusals.put("/api/jobs/x%0d%0aSet-Cookie:%20a=b", "line breaks");
        refusals.put("/api/jobs/a%2Fb", "encoded slash");
        refusals.put("/api/jobs/a%00", "NUL byte");
        refusals.put("/api/jobs/%ff", "UTF-8");
        refusals.put("/api\\jobs", "backslash");
        refusals.put("/api/jobs?q=" + "a".repeat(9 * 1024), "8 KB");
        for (Map.Entry<String, String> r : refusals.entrySet()) {
            problem(send("GET", r.getKey(), Map.of("Accept", "application/json"), null), 400, r.getValue());
        }
        for (String method : new String[] {"TRACE", "PROPFIND", "CONNECT"}) {
            RawHttp.Response r = send(method, "/api/jobs", Map.of(), null);
            problem(r, 405, "does not take " + method + " requests");
            assertThat(r.header("Allow")).contains("GET", "POST");
        }
        problem(send("PUT", "/api/datasets", JSON, "{}"), 405, "PUT");
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception");
    }

    @Test
    void eventStreamsOfBadIdsGetAProblemBody() throws IOException {
        Map<String, String> sse = Map.of("Accept", "text/event-stream");
        problem(send("GET", "/api/jobs/no-such-job/events", sse, null), 404, "no-such-job");
        problem(send("GET", "/api/jobs/%ff/events", sse, null), 400, "UTF-8");
        problem(send("GET", "/api/jobs/a;b/events", sse, null), 400, "';'");
        // the job is looked up first (the one door to a job), so a bad parameter is judged on a job that exists
        String id = new Api(port).submit(SPEC.formatted("1"));
        problem(send("GET", "/api/jobs/" + id + "/events?after=abc", sse, null), 400, "after");
    }

    @Test
    void browsersGetTheErrorPageOutsideTheApiAndProblemsInside() throws IOException {
        Map<String, String> browser = Map.of("Accept", "text/html,application/xhtml+xml,*/*;q=0.8");
        for (String[] page : new String[][] {{"/no-such-page", "404"}, {"/labs/no-such-lab", "404"},
                {"/labs;x=1", "400"}, {"/labs/%ff", "400"}, {"/labs/%2Fx", "400"}}) {
            RawHttp.Response r = send("GET", page[0], browser, null);
            assertThat(r.status()).as(page[0]).isEqualTo(Integer.parseInt(page[1]));
            assertThat(r.header("Content-Type")).as(page[0]).startsWith("text/html");
            assertThat(r.body()).as(page[0]).contains("<h1><span>" + page[1] + "</span>", "href=\"/labs\"",
                    "href=\"/playground\"", "/labs/labs.css");
            assertThat(HostileInputIT.JAVA_NAME.matcher(r.body()).find()).as(page[0]).isFalse();
        }
        problem(send("GET", "/api/jobs/no-such-job", browser, null), 404);
        problem(send("GET", "/api/jobs;x=1", browser, null), 400);
        problem(send("GET", "/error", Map.of(), null), 404, "nothing at this address");
        // a request line Tomcat cannot read has no headers to tell a browser by: a problem
        problem(send("GET", "/labs\\x", browser, null), 400, "backslash");
    }

    @Test
    void theWebSocketEndpointExplainsWhatAHandshakeNeeds() throws IOException {
        problem(send("GET", "/ws", Map.of(), null), 400, "Upgrade: websocket");
        RawHttp.Response post = send("POST", "/ws", JSON, "{}");
        problem(post, 405, "GET");
        problem(send("GET", "/ws", Map.of("Upgrade", "websocket", "Connection", "Upgrade, close",
                "Sec-WebSocket-Key", "dGhlIHNhbXBsZSBub25jZQ==", "Sec-WebSocket-Version", "8"), null), 400,
                "Sec-WebSocket-Version: 13");
    }

    @Test
    void aRealFaultKeepsItsStackTraceInTheLogButNotInTheAnswer(CapturedOutput output) throws IOException {
        JsonNode p = problem(send("GET", FaultyEndpoint.PATH, Map.of("Accept", "text/event-stream"), null), 500,
                "unexpected error");
        assertThat(p.toString()).doesNotContain("on purpose");
        assertThat(output.getAll()).contains("a fault on purpose in FaultyEndpoint", "\tat ");
    }
}
