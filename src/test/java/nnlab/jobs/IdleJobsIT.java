package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.NnlabApplication;
import nnlab.jobs.support.Api;
import nnlab.jobs.support.Specs;
import nnlab.jobs.support.StompFollower;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Jobs nobody looks at for nnlab.jobs.idle-timeout are cancelled, saying why; a STOMP subscriber, an SSE
 * stream or REST reads keep a job alive. And the submission rate limit per client.
 */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-idle;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=3",
                "nnlab.jobs.idle-timeout=2s",
                "nnlab.jobs.submissions-per-minute=3"})
class IdleJobsIT {

    static final Duration LONG = Duration.ofSeconds(60);

    @LocalServerPort
    int port;

    /**
     * Waits through the job list, which does not count as looking at a job, while reading the job
     * {@code polled} (if given) as a script following it would.
     */
    private static JsonNode awaitInList(Api api, String id, String status, Duration timeout, String polled) {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (polled != null) assertThat(api.job(polled).get("status").asText()).isEqualTo("RUNNING");
            for (JsonNode j : api.get("/api/jobs").json()) {
                if (j.get("id").asText().equals(id) && j.get("status").asText().equals(status)) return j;
            }
            Api.sleep(100);
        }
        throw new AssertionError("job " + id + " did not become " + status + " within " + timeout);
    }

    @Test
    void aJobNobodyWatchesIsCancelledAndOneFollowedOverStompIsNot() {
        Api api = new Api(port);
        String watched = api.submit(Specs.mnist(2000, 100, 4, 1000, null), "student:w");
        String streamed = api.submit(Specs.mnist(2000, 100, 4, 1000, null), "student:s");
        String polled = api.submit(Specs.mnist(2000, 100, 4, 1000, null), "student:p");
        String unwatched = api.submit(Specs.spiral(20, null), "student:u"); // waits for a worker: queued jobs count too
        var stream = api.stream("/api/jobs/" + streamed + "/events", null);
        try (StompFollower follower = new StompFollower(port); var lines = stream.body()) {
            follower.follow(watched);
            api.awaitJob(watched, j -> j.get("status").asText().equals("RUNNING"), LONG);
            // the queued job, never looked at again, is cancelled; the others live on meanwhile
            awaitInList(api, unwatched, "CANCELLED", LONG, polled);
            for (int i = 0; i < 30; i++) { // 3 s, past the timeout: reads keep the polled job alive
                assertThat(api.job(polled).get("status").asText()).isEqualTo("RUNNING");
                Api.sleep(100);
            }
            assertThat(awaitInList(api, watched, "RUNNING", LONG, polled)).isNotNull();
            assertThat(awaitInList(api, streamed, "RUNNING", LONG, polled)).isNotNull();
        }
        JsonNode gone = api.job(unwatched);
        assertThat(gone.get("stopReason").asText()).isEqualTo("CANCELLED");
        assertThat(gone.get("error").asText()).contains("nnlab.jobs.idle-timeout", "kept");

        // the follower and the stream left: after the timeout both jobs are cancelled, history and weights kept
        awaitInList(api, watched, "CANCELLED", LONG, polled);
        awaitInList(api, streamed, "CANCELLED", LONG, polled);
        JsonNode job = api.job(watched);
        assertThat(job.get("error").asText()).contains("nnlab.jobs.idle-timeout");
        assertThat(api.get("/api/jobs/" + watched + "/model").status()).isEqualTo(200);
        api.delete("/api/jobs/" + polled);
    }

    @Test
    void submissionsPastTheRatePerClientGet429WithRetryAfter() {
        Api api = new Api(port);
        for (int i = 0; i < 3; i++) api.submit(Specs.spiral(5, null), "student:fast");
        Api.Response r = api.post("/api/jobs", Specs.spiral(5, null), "student:fast");
        assertThat(r.status()).isEqualTo(429);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("limit").asText()).isEqualTo("nnlab.jobs.submissions-per-minute");
        assertThat(r.json().get("limitValue").asInt()).isEqualTo(3);
        // 3 a minute: the next token comes within 20 s
        assertThat(Integer.parseInt(r.header("Retry-After"))).isBetween(1, 20);
        // another client is not held back
        api.submit(Specs.spiral(5, null), "student:slow");
    }
}
