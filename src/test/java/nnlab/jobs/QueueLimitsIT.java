package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** One worker, room for two waiting jobs, three unfinished jobs per client: what happens past each bound. */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-queue;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=1",
                "nnlab.jobs.queue-capacity=2",
                "nnlab.jobs.max-active-per-client=3",
                "nnlab.jobs.retry-after=7s",
                // the queue's size is read from the health's parts, which only instructors see otherwise
                "management.endpoint.health.show-details=always"})
class QueueLimitsIT {

    @LocalServerPort
    int port;

    @Test
    void fullQueueAndBusyClientGet429WithRetryAfter() {
        Api api = new Api(port);
        Duration wait = Duration.ofSeconds(60);
        // A holds the only worker (running: a paused job would let it go); B and C wait
        String a = api.submit(Specs.mnist(2000, 100, 4, 1000, null));
        api.awaitJob(a, j -> j.get("status").asText().equals("RUNNING"), wait);
        String b = api.submit(Specs.spiral(5, null));
        String c = api.submit(Specs.spiral(5, null));
        assertThat(api.job(b).get("queuePosition").asInt()).isEqualTo(1);
        assertThat(api.job(c).get("queuePosition").asInt()).isEqualTo(2);
        assertThat(api.job(c).get("status").asText()).isEqualTo("QUEUED");

        // the queue is full: another client's job is turned away
        Api.Response full = api.post("/api/jobs", Specs.spiral(5, null), "bob");
        assertThat(full.status()).isEqualTo(429);
        assertThat(full.header("Retry-After")).isEqualTo("7");
        assertThat(full.header("Content-Type")).startsWith("application/problem+json");
        assertThat(full.json().get("limit").asText()).isEqualTo("nnlab.jobs.queue-capacity");
        assertThat(full.json().get("limitValue").asInt()).isEqualTo(2);
        // this client has three unfinished jobs: its own limit comes first
        Api.Response busy = api.post("/api/jobs", Specs.spiral(5, null));
        assertThat(busy.status()).isEqualTo(429);
        assertThat(busy.header("Retry-After")).isEqualTo("7");
        assertThat(busy.json().get("limit").asText()).isEqualTo("nnlab.jobs.max-active-per-client");
        JsonNode health = api.get("/actuator/health").json();
        assertThat(health.get("components").get("jobs").get("details").get("queued").asInt()).isEqualTo(2);

        // cancelling B lets C move up and makes room
        api.delete("/api/jobs/" + b);
        assertThat(api.job(b).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.job(c).get("queuePosition").asInt()).isEqualTo(1);
        Api.Response later = api.post("/api/jobs", Specs.spiral(5, null), "bob");
        assertThat(later.status()).isEqualTo(201);
        String d = later.json().get("id").asText();
        // clients take turns: this client's A holds the worker, so bob's first job goes ahead of C
        assertThat(later.json().get("queuePosition").asInt()).isEqualTo(1);
        assertThat(api.job(c).get("queuePosition").asInt()).isEqualTo(2);

        // the server still serves: pausing A frees the worker, C and D run while A stays paused
        api.post("/api/jobs/" + a + "/pause", "");
        for (String id : new String[] {c, d}) {
            assertThat(api.awaitFinished(id, wait).get("status").asText()).isEqualTo("SUCCEEDED");
        }
        assertThat(api.job(a).get("status").asText()).isEqualTo("PAUSED");
        api.delete("/api/jobs/" + a);
        assertThat(api.awaitFinished(a, wait).get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.post("/api/jobs", Specs.spiral(5, null)).status()).isEqualTo(201);
    }
}
