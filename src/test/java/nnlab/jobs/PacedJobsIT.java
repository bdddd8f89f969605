package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.Test;

/** Paced jobs: they run up to the epoch granted (REST or STOMP), wait holding no worker, and end at their epochs. */
class PacedJobsIT extends LiveServer {

    private static final Duration LONG = Duration.ofSeconds(60);

    private JsonNode awaitEpochs(String id, int epochs) {
        return api.awaitJob(id, j -> j.get("epochsDone").asInt() >= epochs, LONG);
    }

    @Test
    void aPacedJobRunsExactlyAsFarAsGrantedOverRestAndStomp() {
        String id = api.submit(Specs.spiral(50, "\"pace\": {\"until\": 3}"));
        try (StompFollower stomp = new StompFollower(port)) {
            StompFollower.Subscription topic = stomp.follow(id).topic();
            assertThat(awaitEpochs(id, 3).get("epochsDone").asInt()).isEqualTo(3);
            Api.sleep(300);
            JsonNode waiting = api.job(id);
            assertThat(waiting.get("epochsDone").asInt()).isEqualTo(3);
            assertThat(waiting.get("status").asText()).isEqualTo("RUNNING");

            Api.Response r = api.post("/api/jobs/" + id + "/advance", "{\"until\": 8}");
            assertThat(r.status()).isEqualTo(200);
            awaitEpochs(id, 8);
            // an older grant changes nothing
            assertThat(api.post("/api/jobs/" + id + "/advance", "{\"until\": 2}").status()).isEqualTo(200);
            stomp.send("/app/jobs/" + id, "{\"until\": 12}");
            awaitEpochs(id, 12);
            Api.sleep(300);
            assertThat(api.job(id).get("epochsDone").asInt()).isEqualTo(12);

            // bad grants over STOMP are ignored: the session stays up, the job where it was
            stomp.send("/app/jobs/" + id, "{\"until\": \"lots\"}");
            stomp.send("/app/jobs/" + id, "not json");
            stomp.send("/app/jobs/" + id, "{\"until\": -4}");
            Api.sleep(300);
            assertThat(stomp.connected()).isTrue();
            assertThat(api.job(id).get("epochsDone").asInt()).isEqualTo(12);

            // a grant past the end: the job ends at exactly its epochs
            stomp.send("/app/jobs/" + id, "{\"until\": 100000}");
            List<JsonNode> rest = topic.until(StompFollower.finalStatus(), LONG);
            JsonNode done = api.awaitFinished(id, LONG);
            assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.get("epochsDone").asInt()).isEqualTo(50);
            assertThat(epochs(rest)).last().isEqualTo(50);
            assertThat(api.get("/api/jobs/" + id + "/metrics").json().size()).isEqualTo(50);
        } finally {
            api.delete("/api/jobs/" + id);
        }
    }

    @Test
    void pacedJobsWaitingForAGrantHoldNoWorker() {
        // more paced jobs than the server's two workers, all waiting: a plain job still runs at once
        List<String> paced = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) paced.add(api.submit(Specs.spiral(100, "\"pace\": {\"until\": 1}")));
            for (String id : paced) awaitEpochs(id, 1);
            String plain = api.submit(Specs.spiral(20, null));
            JsonNode done = api.awaitFinished(plain, LONG);
            assertThat(done.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(done.get("epochsDone").asInt()).isEqualTo(20);
            for (String id : paced) assertThat(api.job(id).get("epochsDone").asInt()).isEqualTo(1);
            // and they go on when granted
            api.post("/api/jobs/" + paced.get(0) + "/advance", "{\"until\": 5}");
            assertThat(awaitEpochs(paced.get(0), 5).get("epochsDone").asInt()).isEqualTo(5);
        } finally {
            paced.forEach(id -> api.delete("/api/jobs/" + id));
        }
    }

    @Test
    void grantsAreRefusedInPlainWordsWhereTheyCannotApply() {
        String plain = api.submit(Specs.spiral(2000, "\"startPaused\": true"));
        String paced = api.submit(Specs.spiral(5, "\"pace\": {}"));
        try {
            Api.Response notPaced = api.post("/api/jobs/" + plain + "/advance", "{\"until\": 5}");
            assertThat(notPaced.status()).isEqualTo(409);
            assertThat(notPaced.text()).contains("not paced");

            Api.Response negative = api.post("/api/jobs/" + paced + "/advance", "{\"until\": -1}");
            assertThat(negative.status()).isEqualTo(400);
            assertThat(negative.text()).contains("until");
            Api.Response missing = api.post("/api/jobs/" + paced + "/advance", "{}");
            assertThat(missing.status()).isEqualTo(400);
            assertThat(missing.text()).contains("until");

            api.post("/api/jobs/" + paced + "/advance", "{\"until\": 5}");
            api.awaitFinished(paced, LONG);
            Api.Response ended = api.post("/api/jobs/" + paced + "/advance", "{\"until\": 6}");
            assertThat(ended.status()).isEqualTo(409);
            assertThat(ended.text()).contains("SUCCEEDED");
        } finally {
            api.delete("/api/jobs/" + plain);
            api.delete("/api/jobs/" + paced);
        }
    }

    @Test
    void atFullSpeedAPacedJobSendsFramesThatCarryEveryEpochsMetrics() {
        String id = api.submit(Specs.spiral(3000, "\"pace\": {}"));
        try (StompFollower stomp = new StompFollower(port)) {
            StompFollower.Subscription topic = stomp.follow(id).topic();
            stomp.send("/app/jobs/" + id, "{\"until\": 3000}");
            List<JsonNode> all = topic.until(StompFollower.finalStatus(), LONG);
            java.util.TreeSet<Integer> covered = new java.util.TreeSet<>();
            int messages = 0;
            for (JsonNode m : all) {
                if (!m.path("type").asText().equals("epoch")) continue;
                messages++;
                covered.add(m.get("epoch").asInt());
                for (JsonNode row : m.path("earlier")) {
                    covered.add(row.get(0).asInt());
                    assertThat(row.get(1).isNumber()).as("train loss of epoch %s", row.get(0)).isTrue();
                }
            }
            JsonNode done = api.awaitFinished(id, LONG);
            System.out.printf("paced at full speed: 3000 epochs in %d epoch messages (%.1f s of training)%n", messages,
                    done.get("last").get("elapsedSeconds").asDouble());
            assertThat(done.get("epochsDone").asInt()).isEqualTo(3000);
            // the stop epoch is sent on its own; the rest as often as frames allow, with every epoch's metrics
            assertThat(covered).hasSize(3000).first().isEqualTo(1);
            assertThat(covered.last()).isEqualTo(3000);
            assertThat(messages).isLessThan(3000);
        } finally {
            api.delete("/api/jobs/" + id);
        }
    }
}
