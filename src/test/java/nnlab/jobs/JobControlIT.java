package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.Test;

/** Cancel, pause, step, resume, a new learning rate, predict and download: the controls of a job. */
class JobControlIT extends LiveServer {

    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void cancelStopsARunningJobWithinOneBatch() {
        // 8000 images in batches of 2: 4000 steps per epoch, long enough on an idle machine too that the
        // cancel lands inside an epoch rather than at its end
        String id = api.submit(Specs.mnist(8000, 100, 2, 50, null));
        try (StompFollower stomp = new StompFollower(port)) {
            StompFollower.Subscription topic = stomp.follow(id).topic();
            // wait until the job is well under way: inside an epoch (progress) or past the first one
            topic.until(m -> m.get("type").asText().equals("epoch")
                    || m.get("type").asText().equals("progress") && m.get("batch").asInt() > 10, LONG);
            long start = System.nanoTime();
            Api.Response r = api.delete("/api/jobs/" + id);
            assertThat(r.status()).isIn(200, 202);
            List<JsonNode> rest = topic.until(StompFollower.finalStatus(), Duration.ofSeconds(30));
            double seconds = (System.nanoTime() - start) / 1e9;
            JsonNode status = rest.get(rest.size() - 1);
            assertThat(status.get("status").asText()).isEqualTo("CANCELLED");
            assertThat(status.get("stopReason").asText()).isEqualTo("CANCELLED");
            JsonNode last = rest.stream().filter(m -> m.get("type").asText().equals("epoch")).reduce((a, b) -> b)
                    .orElseThrow();
            // the cancelled epoch stopped part way: one batch of 2 images takes well under a millisecond,
            // the whole epoch 4000 of them
            assertThat(last.get("stopReason").asText()).isEqualTo("CANCELLED");
            assertThat(last.get("steps").asInt()).isLessThan(4000);
            assertThat(seconds).isLessThan(2.0);
            System.out.printf("cancel: CANCELLED status %.3f s after DELETE, epoch %d stopped after %d of 4000 steps%n",
                    seconds, last.get("epoch").asInt(), last.get("steps").asInt());
        }
        JsonNode job = api.job(id);
        assertThat(job.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(api.get("/api/jobs/" + id + "/metrics").json().size()).isEqualTo(job.get("epochsDone").asInt());
        // cancelling again changes nothing
        assertThat(api.delete("/api/jobs/" + id).json().get("status").asText()).isEqualTo("CANCELLED");
    }

    @Test
    void cancelAQueuedOrPausedJobAtOnce() {
        String paused = api.submit(Specs.spiral(10, "\"startPaused\": true"));
        api.awaitJob(paused, j -> j.get("status").asText().equals("PAUSED"), LONG);
        assertThat(api.delete("/api/jobs/" + paused).status()).isIn(200, 202);
        JsonNode job = api.awaitFinished(paused, Duration.ofSeconds(5));
        assertThat(job.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(job.get("epochsDone").asInt()).isZero();
    }

    @Test
    void pauseStepResume() {
        String id = api.submit(Specs.mnist(1000, 100, 32, 25, null));
        try (StompFollower stomp = new StompFollower(port)) {
            StompFollower.Subscription topic = stomp.follow(id).topic();
            topic.until(m -> m.get("type").asText().equals("epoch"), LONG);
            assertThat(api.post("/api/jobs/" + id + "/pause", "").status()).isEqualTo(200);
            List<JsonNode> untilPaused = topic.until(StompFollower.status("PAUSED"), LONG);
            int pausedAt = untilPaused.get(untilPaused.size() - 1).get("epochsDone").asInt();
            assertThat(pausedAt).isLessThan(25);

            // paused: nothing more happens
            assertThat(topic.poll(Duration.ofMillis(500))).isNull();
            assertThat(api.job(id).get("epochsDone").asInt()).isEqualTo(pausedAt);
            // step on a paused job: exactly one epoch, then paused again
            for (int s = 1; s <= 2; s++) {
                assertThat(api.post("/api/jobs/" + id + "/step", "").status()).isEqualTo(200);
                List<JsonNode> step = topic.until(StompFollower.status("PAUSED"), LONG);
                assertThat(epochs(step)).containsExactly(pausedAt + s);
                assertThat(topic.poll(Duration.ofMillis(300))).isNull();
            }
            assertThat(api.job(id).get("epochsDone").asInt()).isEqualTo(pausedAt + 2);

            // a new learning rate, then resume: the rest runs with it, to the end
            assertThat(api.patch("/api/jobs/" + id, "{\"learningRate\": 0.0005}").status()).isEqualTo(200);
            assertThat(api.post("/api/jobs/" + id + "/resume", "").status()).isEqualTo(200);
            List<JsonNode> rest = topic.until(StompFollower.finalStatus(), LONG);
            assertThat(epochs(rest)).containsExactlyElementsOf(range(pausedAt + 3, 25));
            assertThat(rest.get(rest.size() - 1).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(rest.stream().filter(m -> m.get("type").asText().equals("epoch")))
                    .allSatisfy(m -> assertThat(m.get("learningRate").asDouble()).isEqualTo(0.0005));
        }
        JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
        assertThat(history).hasSize(25);
        assertThat(history.get(0).get("learningRate").asDouble()).isEqualTo(0.001);
        // a finished job cannot be stepped
        Api.Response step = api.post("/api/jobs/" + id + "/step", "");
        assertThat(step.status()).isEqualTo(409);
        assertThat(step.json().get("jobStatus").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void stepOnARunningJobIsAConflict() {
        String id = api.submit(Specs.mnist(1000, 100, 32, 200, null));
        api.awaitJob(id, j -> j.get("status").asText().equals("RUNNING"), LONG);
        Api.Response r = api.post("/api/jobs/" + id + "/step", "");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        api.delete("/api/jobs/" + id);
        api.awaitFinished(id, LONG);
    }

    @Test
    void predictAndDownloadTheModel() {
        String id = api.submit("""
                {"dataset": {"name": "iris"},
                 "model": {"layers": [{"units": 16, "activation": "relu"}, {"units": 3, "activation": "softmax"}]},
                 "training": {"optimizer": "adam", "learningRate": 0.05, "batchSize": 16, "epochs": 60},
                 "seed": 3}""");
        JsonNode job = api.awaitFinished(id, LONG);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("summary").get("totalParameters").asInt()).isEqualTo(4 * 16 + 16 + 16 * 3 + 3);
        assertThat(job.get("last").get("test").get("accuracy").asDouble()).isGreaterThan(0.85);

        // an obvious setosa and an obvious virginica, in the data set's units (cm)
        Api.Response p = api.post("/api/jobs/" + id + "/predict", "{\"inputs\": [[5.1, 3.5, 1.4, 0.2], [7.7, 3.0, 6.1, 2.3]]}");
        assertThat(p.status()).isEqualTo(200);
        assertThat(p.json().get("outputs")).hasSize(2);
        assertThat(p.json().get("outputs").get(0)).hasSize(3);
        assertThat(p.json().get("classes").get(0).asInt()).isZero();
        assertThat(p.json().get("classes").get(1).asInt()).isEqualTo(2);
        assertThat(p.json().get("labels").get(0).asText()).containsIgnoringCase("setosa");

        Api.Response wrongWidth = api.post("/api/jobs/" + id + "/predict", "{\"inputs\": [[5.1, 3.5]]}");
        assertThat(wrongWidth.status()).isEqualTo(400);
        assertThat(wrongWidth.json().get("field").asText()).isEqualTo("inputs[0]");

        Api.Response model = api.get("/api/jobs/" + id + "/model");
        assertThat(model.status()).isEqualTo(200);
        assertThat(model.header("Content-Disposition")).contains("attachment");
        JsonNode doc = model.json();
        assertThat(doc.get("format").asText()).isEqualTo("nnlab-model/1");
        assertThat(doc.get("inputs").asInt()).isEqualTo(4);
        assertThat(doc.get("weights").get("kernels").get(0)).hasSize(4);
        assertThat(doc.get("weights").get("kernels").get(1).get(0)).hasSize(3);
        assertThat(doc.get("classNames")).hasSize(3);

        // the downloaded weights start a new job that predicts the same before any training
        String copy = api.submit("""
                {"dataset": {"name": "iris"},
                 "model": {"layers": [{"units": 16, "activation": "relu"}, {"units": 3, "activation": "softmax"}],
                           "weights": %s},
                 "training": {"optimizer": "adam", "learningRate": 0.05, "batchSize": 16, "epochs": 1},
                 "seed": 3, "startPaused": true}""".formatted(doc.get("weights").toString()));
        api.awaitJob(copy, j -> j.get("status").asText().equals("PAUSED"), LONG);
        JsonNode again = api.post("/api/jobs/" + copy + "/predict",
                "{\"inputs\": [[5.1, 3.5, 1.4, 0.2], [7.7, 3.0, 6.1, 2.3]]}").json();
        assertThat(again.get("outputs")).isEqualTo(p.json().get("outputs"));
        api.delete("/api/jobs/" + copy);
    }

    @Test
    void unknownJobsAre404() {
        for (String path : List.of("/api/jobs/nope", "/api/jobs/nope/metrics", "/api/jobs/nope/model")) {
            Api.Response r = api.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.json().get("detail").asText()).contains("nope");
        }
        assertThat(api.post("/api/jobs/nope/pause", "").status()).isEqualTo(404);
        assertThat(api.delete("/api/jobs/nope").status()).isEqualTo(404);
        assertThat(api.get("/api/jobs/nope/events").status()).isEqualTo(404);
        assertThat(api.post("/api/jobs/nope/predict", "{\"inputs\": [[1]]}").status()).isEqualTo(404);
    }
}
