package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Duration;
import nnlab.NnlabApplication;
import nnlab.support.Api;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** The server stops and starts again on the same database file: what was finished, running and waiting. */
class RestartRecoveryIT {

    private static final Duration WAIT = Duration.ofSeconds(90);

    private static ConfigurableApplicationContext start(Path dir) {
        return new SpringApplicationBuilder(NnlabApplication.class)
                .run("--server.port=0", "--nnlab.data-dir=" + dir, "--nnlab.jobs.workers=1", "--spring.jmx.enabled=false");
    }

    private static int port(ConfigurableApplicationContext context) {
        return context.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    @Test
    void finishedJobsAndHistorySurviveRunningOnesAreInterruptedWaitingOnesRunAgain() throws Exception {
        Path dir = Files.createTempDirectory("nnlab-restart");
        String finished;
        String running;
        String crashed;
        String waiting;
        int runningEpochs;
        try (ConfigurableApplicationContext first = start(dir)) {
            Api api = new Api(port(first));
            finished = api.submit(Specs.spiral(20, null));
            assertThat(api.awaitFinished(finished, WAIT).get("status").asText()).isEqualTo("SUCCEEDED");
            running = api.submit(Specs.mnist(2000, 100, 32, 500, null));
            api.awaitJob(running, j -> j.get("epochsDone").asInt() >= 2, WAIT);
            waiting = api.submit(Specs.spiral(15, null)); // behind the only worker
            assertThat(api.job(waiting).get("status").asText()).isEqualTo("QUEUED");
            crashed = api.submit(Specs.spiral(15, null));
        }
        // the graceful stop marked the running job; the queued ones are still QUEUED
        // simulate what a crash (kill -9) leaves behind for one job: RUNNING with a few epochs stored
        try (Connection db = DriverManager.getConnection("jdbc:h2:file:" + dir + "/nnlab", "sa", "")) {
            try (PreparedStatement s = db.prepareStatement(
                    "update job set status = 'RUNNING', epochs_done = 0, error = null where id = ?")) {
                s.setString(1, crashed);
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
        }
        try (ConfigurableApplicationContext second = start(dir)) {
            Api api = new Api(port(second));
            JsonNode done = api.job(finished);
            assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.get("epochsDone").asInt()).isEqualTo(20);
            JsonNode history = api.get("/api/jobs/" + finished + "/metrics").json();
            assertThat(history).hasSize(20);
            for (int i = 0; i < 20; i++) assertThat(history.get(i).get("epoch").asInt()).isEqualTo(i + 1);
            assertThat(api.get("/api/jobs/" + finished + "/model").status()).isEqualTo(200);
            assertThat(api.post("/api/jobs/" + finished + "/predict", "{\"points\": [[1, 1]]}").status())
                    .isEqualTo(200);

            JsonNode interrupted = api.job(running);
            assertThat(interrupted.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(interrupted.get("error").asText()).contains("shut down", "history");
            runningEpochs = interrupted.get("epochsDone").asInt();
            assertThat(runningEpochs).isGreaterThanOrEqualTo(2);
            assertThat(api.get("/api/jobs/" + running + "/metrics").json()).hasSize(runningEpochs);

            JsonNode lost = api.job(crashed);
            assertThat(lost.get("status").asText()).isEqualTo("INTERRUPTED");
            assertThat(lost.get("error").asText()).contains("stopped while the job was running");

            // the job that was waiting runs now
            assertThat(api.awaitFinished(waiting, WAIT).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(api.get("/api/jobs/" + waiting + "/metrics").json()).hasSize(15);
        }
    }
}
