package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/** The data set catalogue, health, metrics, the OpenAPI document and page, the job list. */
class ServerEndpointsIT extends LiveServer {

    @Test
    void datasetsAreListedWithShapesAndParameters() {
        JsonNode sets = api.get("/api/datasets").json();
        List<String> names = new ArrayList<>();
        sets.forEach(s -> names.add(s.get("name").asText()));
        assertThat(names).contains("playground", "xor", "iris", "boston", "mnist");
        JsonNode mnist = null;
        for (JsonNode s : sets) if (s.get("name").asText().equals("mnist")) mnist = s;
        assertThat(mnist.get("inputs").asInt()).isEqualTo(784);
        assertThat(mnist.get("classes").asInt()).isEqualTo(10);
        assertThat(mnist.get("parameters").toString()).contains("trainLimit");
    }

    @Test
    void healthAndJobMetrics() {
        String id = api.submit(Specs.spiral(30, null));
        api.awaitFinished(id, Duration.ofSeconds(60));
        // the health's parts are the instructors' (HealthAccessIT)
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode health = teacher.get("/actuator/health").json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("jobs").get("status").asText()).isEqualTo("UP");
        assertThat(health.get("components").get("db").get("status").asText()).isEqualTo("UP");

        // so are the counters: anonymous callers are refused
        assertThat(api.get("/actuator/metrics/nnlab.jobs.epochs").status()).isEqualTo(401);
        JsonNode finished = teacher.get("/actuator/metrics/nnlab.jobs.finished?tag=status:SUCCEEDED").json();
        assertThat(finished.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(1);
        JsonNode epochs = teacher.get("/actuator/metrics/nnlab.jobs.epochs").json();
        assertThat(epochs.get("measurements").get(0).get("value").asDouble()).isGreaterThanOrEqualTo(30);
        for (String gauge : List.of("nnlab.jobs.queued", "nnlab.jobs.running", "nnlab.jobs.paused",
                "nnlab.jobs.epochs.rate")) {
            assertThat(teacher.get("/actuator/metrics/" + gauge).status()).as(gauge).isEqualTo(200);
        }
    }

    @Test
    void openApiDocumentAndPage() {
        JsonNode doc = api.get("/v3/api-docs").json();
        JsonNode paths = doc.get("paths");
        for (String path : List.of("/api/jobs", "/api/jobs/{id}", "/api/jobs/{id}/metrics", "/api/jobs/{id}/events",
                "/api/jobs/{id}/predict", "/api/jobs/{id}/model", "/api/jobs/{id}/pause", "/api/jobs/{id}/resume",
                "/api/jobs/{id}/step", "/api/datasets")) {
            assertThat(paths.has(path)).as(path).isTrue();
        }
        Api.Response page = api.get("/swagger-ui/index.html");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).containsIgnoringCase("swagger");
    }

    @Test
    void jobListNewestFirstAndFilteredByStatus() {
        String first = api.submit(Specs.spiral(3, null).replace("\"seed\": 7", "\"seed\": null"));
        String second = api.submit(Specs.spiral(3, null));
        api.awaitFinished(first, Duration.ofSeconds(60));
        api.awaitFinished(second, Duration.ofSeconds(60));
        JsonNode all = api.get("/api/jobs").json();
        List<String> ids = new ArrayList<>();
        all.forEach(j -> ids.add(j.get("id").asText()));
        assertThat(ids.indexOf(second)).isLessThan(ids.indexOf(first));
        JsonNode succeeded = api.get("/api/jobs?status=SUCCEEDED").json();
        succeeded.forEach(j -> assertThat(j.get("status").asText()).isEqualTo("SUCCEEDED"));
        // a generated seed is returned, and the same spec with that seed trains the same numbers
        JsonNode job = api.job(first);
        long seed = job.get("seed").asLong();
        assertThat(seed).isNotEqualTo(7).isBetween(0L, 1L << 53);
        assertThat(job.get("spec").get("seed").asLong()).isEqualTo(seed);
        String again = api.submit(Specs.spiral(3, null).replace("\"seed\": 7", "\"seed\": " + seed));
        api.awaitFinished(again, Duration.ofSeconds(60));
        JsonNode a = api.get("/api/jobs/" + first + "/metrics").json();
        JsonNode b = api.get("/api/jobs/" + again + "/metrics").json();
        for (int i = 0; i < 3; i++) {
            assertThat(b.get(i).get("train")).isEqualTo(a.get(i).get("train"));
            assertThat(b.get(i).get("test")).isEqualTo(a.get(i).get("test"));
        }
    }
}
