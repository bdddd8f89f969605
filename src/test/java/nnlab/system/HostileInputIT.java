package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.RawHttp;
import nnlab.support.HostileServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Thousands of hostile requests, generated from the OpenAPI document with a seeded random source (set
 * {@code -Dnnlab.hostile.seed=} to replay another run): none gets a 5xx (but a 503 with Retry-After), every
 * refusal under /api is a problem in plain words, no answer names a Java class or shows a stack frame, a
 * 400 for a spoiled body field names it, and the server trains a job normally afterwards.
 */
@ExtendWith(OutputCaptureExtension.class)
class HostileInputIT extends HostileServer {

    private static final long DEFAULT_SEED = 20261204L;
    private static final String TINY_SPEC = "{\"dataset\": {\"name\": \"playground\", \"kind\": \"xor\", \"samples\": 40},"
            + " \"model\": {\"layers\": [{\"units\": 2, \"activation\": \"softmax\"}]},"
            + " \"training\": {\"epochs\": 1, \"batchSize\": 20, \"learningRate\": 0.1}, \"seed\": 3}";

    /** Java names: packages, exception types, Class.method( and stack frames. */
    static final Pattern JAVA_NAME = Pattern.compile("\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|org\\.springframework"
            + "|org\\.apache|com\\.fasterxml|Exception\\b|\\bat [\\w$.]+\\(|\\.[a-z]+\\.[A-Z][a-zA-Z]+"
            + "|\\b[A-Z][a-z]+[A-Z]\\w*\\.[a-z]\\w*\\(");

    @Test
    void theJavaNamePatternCatchesJavaNamesButNotPlainWords() {
        for (String leak : List.of("java.lang.IllegalStateException: x", "at nnlab.jobs.JobService.submit(JobService.java:42)",
                "from `StreamReadConstraints.getMaxNumberLength()`", "com.fasterxml.jackson.core.JsonParseException",
                "org.springframework.web.HttpMediaTypeNotAcceptableException", "Cannot invoke \"java.util.List.size()\"",
                "InvalidFormatException", "type `nnlab.jobs.JobSpec`")) {
            assertThat(JAVA_NAME.matcher(leak).find()).as(leak).isTrue();
        }
        for (String plain : List.of("numbers are limited to 1000 digits", "training.learningRate: must be finite",
                "model.layers[0].units: must be between 1 and 1024 (nnlab.limits.max-units)",
                "training.earlyStopping.patience: must not be null", "the address is not allowed: it must be plain",
                "<link rel=\"stylesheet\" href=\"/labs/labs.css\">", "no job 'no-such-job'")) {
            assertThat(JAVA_NAME.matcher(plain).find()).as(plain).isFalse();
        }
    }

    @Test
    void hostileRequestsGetPlainProblemsAndTheServerKeepsWorking(CapturedOutput output) throws IOException {
        Api api = new Api(port);
        long seed = Long.getLong("nnlab.hostile.seed", DEFAULT_SEED);
        System.out.println("[hostile] seed " + seed + " (replay with -Dnnlab.hostile.seed=" + seed + ")");
        HostileRequests.Fixtures fixtures = fixtures(api);
        JsonNode doc = api.get("/v3/api-docs").json();
        HostileRequests generator = new HostileRequests(seed, fixtures, doc, samples());
        List<HostileRequests.Probe> probes = generator.generate();
        assertThat(generator.operations()).hasSizeGreaterThan(20);
        // the regions of a job's network take their grid from the query: its hostile values are probed too
        assertThat(generator.operations()).anySatisfy(op -> {
            assertThat(op.method() + " " + op.path()).isEqualTo("GET /api/jobs/{id}/regions");
            assertThat(op.queryParameters()).contains("resolution", "range");
        });
        assertThat(probes).hasSizeGreaterThanOrEqualTo(1000);

        RawHttp raw = new RawHttp(port);
        Map<String, String> refusedSamples = refusedSamples(raw, generator, fixtures);
        Map<String, Integer> categories = new TreeMap<>();
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        List<String> jobs = new ArrayList<>();
        int namedExactly = 0;
        int bodyField400s = 0;
        int logBefore = output.getAll().length();
        long start = System.nanoTime();
        for (HostileRequests.Probe probe : probes) {
            categories.merge(probe.category(), 1, Integer::sum);
            RawHttp.Response r;
            try {
                r = raw.send(probe.method(), probe.target(), probe.headers(), probe.body());
            } catch (IOException e) {
                failures.add("no answer (" + e.getMessage() + ") to " + probe.describe());
                continue;
            }
            statuses.merge(r.status(), 1, Integer::sum);
            String problem = check(probe, r, refusedSamples.get(probe.method() + " " + probe.target()));
            if (problem != null) failures.add(problem + "\n    to " + probe.describe() + "\n    answer " + r.status()
                    + " " + r.header("Content-Type") + " " + abbreviate(r.body()));
            if (r.status() == 201 && probe.target().equals("/api/jobs")) jobs.add(Api.JSON.readTree(r.body()).path("id").asText());
            if (r.status() == 400 && probe.field() != null && r.body().startsWith("{")) {
                bodyField400s++;
                if (Api.JSON.readTree(r.body()).path("field").asText().equals(probe.field())) namedExactly++;
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("[hostile] %d requests in %.1f s over %d operations%n", probes.size(), seconds,
                generator.operations().size());
        System.out.println("[hostile] categories " + categories);
        System.out.println("[hostile] statuses " + statuses);
        System.out.printf("[hostile] 400s for a spoiled body field: %d, naming it exactly: %d%n", bodyField400s, namedExactly);
        System.out.println("[hostile] " + failures.size() + " failures");
        failures.stream().limit(40).forEach(f -> System.out.println("[hostile] " + f));
        assertThat(failures).as("failures (first ones printed above)").isEmpty();
        assertThat(statuses.keySet()).as("the run refused things").contains(400, 404, 405);

        String log = output.getAll().substring(logBefore);
        assertThat(log).as("no stack trace for refusals in the log").doesNotContain("\tat ", "Exception:");

        for (String id : jobs) api.delete("/api/jobs/" + id);
        String id = api.submit(Specs.spiral(3, null), "hostile-after");
        assertThat(api.awaitFinished(id, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(api.get("/actuator/health").json().get("status").asText()).isEqualTo("UP");
    }

    /** What is wrong with this answer to this request, or null. */
    static String check(HostileRequests.Probe probe, RawHttp.Response r, String sampleField) throws IOException {
        int status = r.status();
        if (status >= 500 && !(status == 503 && r.header("Retry-After") != null)) return "a " + status;
        if (JAVA_NAME.matcher(r.body()).find()) return "a Java name in the body";
        if (status < 400 || probe.method().equals("HEAD")) return null;
        String type = String.valueOf(r.header("Content-Type"));
        if (probe.asksForPage()) {
            if (!type.startsWith("text/html")) return "not the error page";
            if (!r.body().contains(">" + status + "<") || !r.body().contains("href=\"/labs\"")
                    || !r.body().contains("href=\"/playground\"")) {
                return "the error page lacks the status or the links";
            }
            return null;
        }
        if (!type.startsWith("application/problem+json")) return "not a problem";
        JsonNode p = Api.JSON.readTree(r.body());
        if (p.path("status").asInt() != status) return "the problem's status is not the answer's";
        if (p.path("title").asText().isBlank() || p.path("detail").asText().isBlank()) return "no title or detail";
        if (status == 400 && probe.field() != null && !namesField(p, probe.field())
                && !p.path("field").asText().equals(sampleField)) {
            return "the field is not named";
        }
        return null;
    }

    /**
     * The field named in the 400 to an operation's valid sample, by "METHOD target": the password change
     * refuses a wrong current password before it looks at the new one.
     */
    private static Map<String, String> refusedSamples(RawHttp raw, HostileRequests generator,
                                                      HostileRequests.Fixtures fixtures) throws IOException {
        Map<String, String> fields = new TreeMap<>();
        for (HostileRequests.Operation op : generator.operations()) {
            if (op.sampleBody() == null) continue;
            String target = generator.real(op.path());
            RawHttp.Response r = raw.send(op.method(), target, Map.of("Content-Type", "application/json",
                    "Authorization", "Bearer " + fixtures.instructorToken()), op.sampleBody().toString().getBytes());
            if (r.status() == 400) fields.put(op.method() + " " + target, Api.JSON.readTree(r.body()).path("field").asText());
        }
        System.out.println("[hostile] valid samples refused with a 400: " + fields);
        return fields;
    }

    /** The problem names the field (or, for a reader limit met inside it, an enclosing one) or the body as such. */
    private static boolean namesField(JsonNode p, String field) {
        String named = p.path("field").asText();
        if (named.equals(field) || p.path("detail").asText().contains(field)) return true;
        for (JsonNode e : p.path("errors")) if (e.path("field").asText().equals(field)) return true;
        return false;
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "..." : s;
    }

    /** A class with a student, an API token for each, a finished job. */
    private HostileRequests.Fixtures fixtures(Api api) {
        Visitor teacher = new Visitor(port);
        teacher.login(LiveServer.INSTRUCTOR, LiveServer.INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"hostile\"}").json();
        JsonNode teacherToken = teacher.post("/api/tokens", "{\"name\": \"hostile\"}").json();
        Visitor student = new Visitor(port);
        student.join(made.get("code").asText(), "Mallory");
        JsonNode studentToken = student.post("/api/tokens", "{\"name\": \"hostile\"}").json();
        teacher.post("/api/tokens", "{\"name\": \"to revoke\"}");
        String job = api.submit(TINY_SPEC, "hostile-setup");
        api.awaitFinished(job, Duration.ofSeconds(60));
        return new HostileRequests.Fixtures(job, made.get("id").asLong(), teacherToken.get("id").asLong() + 1,
                "01-gradient-descent", teacherToken.get("token").asText(), studentToken.get("token").asText());
    }

    /** Valid bodies of the operations whose schema alone makes no sensible sample. */
    private static Map<String, JsonNode> samples() throws IOException {
        return Map.of(
                "POST /api/jobs", Api.JSON.readTree(TINY_SPEC),
                "PATCH /api/jobs/{id}", Api.JSON.readTree("{\"learningRate\": 0.05}"),
                "POST /api/jobs/{id}/predict", Api.JSON.readTree("{\"inputs\": [[0.1, 0.2]]}"),
                "POST /api/classes", Api.JSON.readTree("{\"name\": \"another\"}"),
                "PUT /api/classes/{id}/labs", Api.JSON.readTree("{\"labs\": [\"01-gradient-descent\"]}"),
                "POST /api/tokens", Api.JSON.readTree("{\"name\": \"t\"}"),
                "POST /api/labs/{lab}/answers", Api.JSON.readTree("{\"question\": \"q1\", \"answer\": \"42\"}"),
                "POST /api/progress", Api.JSON.readTree("{\"page\": \"/labs\"}"),
                "POST /api/account/password", Api.JSON.readTree("{\"currentPassword\": \"not the password\","
                        + " \"newPassword\": \"a new long password\", \"repeatPassword\": \"a new long password\"}"));
    }
}
