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

/** A paused job left alone past nnlab.jobs.paused-timeout is cancelled, saying why; a stepped one is not. */
@SpringBootTest(classes = NnlabApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
                "spring.datasource.url=jdbc:h2:mem:nnlab-paused;DB_CLOSE_DELAY=-1",
                "nnlab.jobs.workers=2",
                "nnlab.jobs.paused-timeout=1500ms"})
class PausedTimeoutIT {

    @LocalServerPort
    int port;

    @Test
    void anIdlePausedJobIsCancelledWithAnError() {
        Api api = new Api(port);
        String idle = api.submit(Specs.spiral(20, "\"startPaused\": true"));
        String stepped = api.submit(Specs.spiral(20, "\"startPaused\": true"));
        api.awaitJob(stepped, j -> j.get("status").asText().equals("PAUSED"), Duration.ofSeconds(60));
        // stepped more often than the timeout, for longer than it: each step starts the idle time anew
        for (int s = 1; s <= 5; s++) {
            Api.sleep(700);
            assertThat(api.post("/api/jobs/" + stepped + "/step", "").status()).isEqualTo(200);
            int want = s;
            api.awaitJob(stepped, j -> j.get("epochsDone").asInt() == want, Duration.ofSeconds(30));
        }
        JsonNode job = api.awaitFinished(idle, Duration.ofSeconds(30));
        assertThat(job.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(job.get("stopReason").asText()).isEqualTo("CANCELLED");
        assertThat(job.get("error").asText()).contains("nnlab.jobs.paused-timeout");
        assertThat(api.get("/api/jobs/" + idle + "/model").status()).isEqualTo(200);

        assertThat(api.job(stepped).get("status").asText()).isEqualTo("PAUSED");
        assertThat(api.post("/api/jobs/" + stepped + "/resume", "").status()).isEqualTo(200);
        assertThat(api.awaitFinished(stepped, Duration.ofSeconds(60)).get("status").asText()).isEqualTo("SUCCEEDED");
    }
}
