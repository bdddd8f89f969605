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

/** Jobs end by themselves: a time limit (pauses included) and divergence. */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-time;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.max-duration=1500ms"})
class TimeLimitIT {

    @LocalServerPort
    int port;

    @Test
    void runningAndPausedJobsFailAtTheTimeLimit() {
        Api api = new Api(port);
        String paused = api.submit(Specs.spiral(10, "\"startPaused\": true"));
        String running = api.submit(Specs.mnist(2000, 100, 4, 1000, null));
        for (String id : new String[] {paused, running}) {
            JsonNode job = api.awaitFinished(id, Duration.ofSeconds(30));
            assertThat(job.get("status").asText()).isEqualTo("FAILED");
            assertThat(job.get("error").asText()).contains("nnlab.jobs.max-duration");
        }
        assertThat(api.job(running).get("epochsDone").asInt()).isLessThan(1000);
    }

    @Test
    void aDivergingRunFailsNamingTheEpoch() {
        Api api = new Api(port);
        String id = api.submit("""
                {"dataset": {"name": "boston", "features": ["RM"], "scaling": "none"},
                 "model": {"layers": [{"units": 1, "activation": "linear"}]},
                 "training": {"optimizer": "sgd", "learningRate": 1, "batchSize": 506, "epochs": 200, "loss": "mse"},
                 "seed": 1}""");
        JsonNode job = api.awaitFinished(id, Duration.ofSeconds(30));
        assertThat(job.get("status").asText()).isEqualTo("FAILED");
        assertThat(job.get("stopReason").asText()).isEqualTo("DIVERGED");
        assertThat(job.get("error").asText()).contains("diverged at epoch");
        JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
        assertThat(history.get(history.size() - 1).get("stopReason").asText()).isEqualTo("DIVERGED");
        assertThat(history.size()).isLessThan(200);
    }
}
