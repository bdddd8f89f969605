package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.Visitor;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/**
 * A paused job holds no worker: with both workers' jobs paused (and one more created paused), another
 * job still runs to the end, and the paused ones continue later with every epoch exactly once.
 */
class ParkedJobsIT extends LiveServer {

    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void pausedJobsLetOtherJobsRunAndLoseNoEpoch() {
        int n = 12;
        String a = api.submit(Specs.mnist(1000, 100, 32, n, null));
        String b = api.submit(Specs.mnist(1000, 100, 32, n, null));
        for (String id : List.of(a, b)) {
            api.awaitJob(id, j -> j.get("epochsDone").asInt() >= 1, LONG);
            assertThat(api.post("/api/jobs/" + id + "/pause", "").status()).isEqualTo(200);
        }
        String c = api.submit(Specs.spiral(6, "\"startPaused\": true"));
        for (String id : List.of(a, b, c)) api.awaitJob(id, j -> j.get("status").asText().equals("PAUSED"), LONG);
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        assertThat(teacher.get("/actuator/metrics/nnlab.jobs.paused").json().at("/measurements/0/value").asDouble())
                .isGreaterThanOrEqualTo(3.0);

        // two workers, three paused jobs: a fourth job still gets a worker and finishes
        String d = api.submit(Specs.spiral(5, null));
        JsonNode done = api.awaitFinished(d, LONG);
        assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(done.get("epochsDone").asInt()).isEqualTo(5);
        int pausedA = api.job(a).get("epochsDone").asInt();
        for (String id : List.of(a, b, c)) assertThat(api.job(id).get("status").asText()).isEqualTo("PAUSED");
        assertThat(api.job(c).get("epochsDone").asInt()).isZero();

        // a step continues from the parked training: exactly one epoch, then parked again
        assertThat(api.post("/api/jobs/" + a + "/step", "").status()).isEqualTo(200);
        api.awaitJob(a, j -> j.get("epochsDone").asInt() == pausedA + 1 && j.get("status").asText().equals("PAUSED"),
                LONG);
        assertThat(api.post("/api/jobs/" + c + "/step", "").status()).isEqualTo(200);
        api.awaitJob(c, j -> j.get("epochsDone").asInt() == 1 && j.get("status").asText().equals("PAUSED"), LONG);
        // a learning rate set while parked reaches the training
        assertThat(api.patch("/api/jobs/" + b, "{\"learningRate\": 0.0005}").status()).isEqualTo(200);
        int pausedB = api.job(b).get("epochsDone").asInt();

        for (String id : List.of(a, b, c)) assertThat(api.post("/api/jobs/" + id + "/resume", "").status()).isEqualTo(200);
        for (String id : List.of(a, b, c)) {
            JsonNode job = api.awaitFinished(id, LONG);
            assertThat(job.get("status").asText()).as(id).isEqualTo("SUCCEEDED");
            int epochs = id.equals(c) ? 6 : n;
            JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
            List<Integer> numbers = new ArrayList<>();
            history.forEach(e -> numbers.add(e.get("epoch").asInt()));
            assertThat(numbers).as(id).containsExactlyElementsOf(range(1, epochs));
        }
        JsonNode historyB = api.get("/api/jobs/" + b + "/metrics").json();
        assertThat(historyB.get(pausedB).get("learningRate").asDouble()).isEqualTo(0.0005);
        assertThat(historyB.get(0).get("learningRate").asDouble()).isEqualTo(0.001);
    }

    @Test
    void cancelOfAResumedJobWaitingForAWorkerEndsItAtOnce() {
        String p = api.submit(Specs.spiral(50, "\"startPaused\": true"));
        api.awaitJob(p, j -> j.get("status").asText().equals("PAUSED"), LONG);
        String r1 = api.submit(Specs.mnist(2000, 100, 4, 1000, null));
        String r2 = api.submit(Specs.mnist(2000, 100, 4, 1000, null));
        for (String id : List.of(r1, r2)) api.awaitJob(id, j -> j.get("status").asText().equals("RUNNING"), LONG);
        // both workers busy: the resumed job waits (still PAUSED) for one; a cancel ends it without a worker
        assertThat(api.post("/api/jobs/" + p + "/resume", "").status()).isEqualTo(200);
        assertThat(api.job(p).get("status").asText()).isEqualTo("PAUSED");
        assertThat(api.delete("/api/jobs/" + p).status()).isIn(200, 202);
        JsonNode job = api.awaitFinished(p, Duration.ofSeconds(5));
        assertThat(job.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(job.get("stopReason").asText()).isEqualTo("CANCELLED");
        assertThat(job.get("epochsDone").asInt()).isZero();
        for (String id : List.of(r1, r2)) {
            api.delete("/api/jobs/" + id);
            assertThat(api.awaitFinished(id, LONG).get("status").asText()).isEqualTo("CANCELLED");
        }
    }
}
