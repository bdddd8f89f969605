package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import nnlab.jobs.classic.ClassicModelStore;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Classic models as jobs: submitted over REST like a network, followed over STOMP and SSE step by step (a tree or a
 * boosting round an epoch) with heat maps on 2-D sets, predicted with, and refused plainly where only a network
 * answers.
 */
class ClassicJobsIT extends LiveServer {

    @Autowired
    ActiveJobs live;

    @Autowired
    ClassicModelStore store;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JobRepository repository;

    private static final Duration LONG = Duration.ofSeconds(90);

    static final String ADABOOST = """
            {"dataset": {"name": "playground", "kind": "xor", "noise": 0.1},
             "model": {"kind": "adaboost", "rounds": 12},
             "training": {}, "output": {"grid": {"resolution": 10}}, "seed": 4, "startPaused": true}""";

    static final String FOREST = """
            {"dataset": {"name": "playground", "kind": "circle", "noise": 0.1},
             "model": {"kind": "forest", "trees": 8, "maxDepth": 6},
             "training": {}, "output": {"grid": {"resolution": 10}}, "seed": 4}""";

    @Test
    void adaboostOverStompARoundAnEpochWithAlphaErrorAndHeatMap() {
        String id = api.submit(ADABOOST);
        List<JsonNode> rounds;
        try (StompFollower stomp = new StompFollower(port)) {
            StompFollower.Subscription topic = stomp.follow(id).topic();
            assertThat(api.post("/api/jobs/" + id + "/resume", "").status()).isEqualTo(200);
            List<JsonNode> messages = topic.until(StompFollower.finalStatus(), LONG);
            assertThat(epochs(messages)).containsExactlyElementsOf(range(1, 12));
            rounds = messages.stream().filter(m -> m.get("type").asText().equals("epoch")).toList();
            for (JsonNode r : rounds) {
                assertThat(r.get("epochs").asInt()).isEqualTo(12);
                double error = r.get("figures").get("error").asDouble();
                assertThat(error).isBetween(0.0, 1.0);
                double e = Math.max(1e-10, error);
                assertThat(r.get("figures").get("alpha").asDouble()).isCloseTo(0.5 * Math.log((1 - e) / e),
                        org.assertj.core.api.Assertions.within(1e-9));
                assertThat(r.get("train").get("accuracy").asDouble()).isBetween(0.0, 1.0);
                assertThat(r.get("train").get("loss").asDouble()).isCloseTo(1 - r.get("train").get("accuracy").asDouble(),
                        org.assertj.core.api.Assertions.within(1e-9)); // the 0-1 loss
                JsonNode grid = r.get("grid");
                if (grid == null) continue; // snapshots are coalesced (nnlab.live.max-snapshots-per-second)
                assertThat(grid.get("resolution").asInt()).isEqualTo(10);
                assertThat(grid.get("layers")).hasSize(1);
                assertThat(grid.get("layers").get(0)).hasSize(1); // two classes: one map, P(class 1)
                assertThat(grid.get("layers").get(0).get(0)).hasSize(100);
            }
            JsonNode last = rounds.get(rounds.size() - 1);
            assertThat(last.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(last.get("grid")).as("the last round always has its heat map").isNotNull();
            assertThat(last.get("test").get("accuracy").asDouble()).isGreaterThan(0.9);
        }
        JsonNode job = api.job(id);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epochsDone").asInt()).isEqualTo(12);
        assertThat(job.get("spec").get("model").get("kind").asText()).isEqualTo("adaboost");
        assertThat(api.get("/api/jobs/" + id + "/metrics").json()).hasSize(12);

        Api.Response predicted = api.post("/api/jobs/" + id + "/predict", "{\"points\": [[3, 3], [-3, 3]]}");
        assertThat(predicted.status()).isEqualTo(200);
        // xor: the class is the sign of x1·x2 (class 1 where it is positive)
        assertThat(predicted.json().get("classes").get(0).asInt()).isNotEqualTo(
                predicted.json().get("classes").get(1).asInt());
        assertThat(predicted.json().get("epoch").asInt()).isEqualTo(12);

        // the rounds as streamed, read back from the database once the job has left memory (as after a restart)
        live.finishedClassic.clear();
        assertThat(live.get(id)).isNull();
        JsonNode stored = api.get("/api/jobs/" + id + "/metrics").json();
        assertThat(stored).hasSize(12);
        for (int i = 0; i < 12; i++) {
            assertThat(stored.get(i).get("figures")).as("round " + (i + 1)).isEqualTo(rounds.get(i).get("figures"));
        }
        List<LiveStreamsIT.SseEvent> replayed = LiveStreamsIT.SseEvent.readAll(
                api.stream("/api/jobs/" + id + "/events", null).body());
        List<JsonNode> replayedRounds = replayed.stream().filter(e -> e.name().equals("epoch"))
                .map(e -> e.data().get("figures")).toList();
        assertThat(replayedRounds).containsExactlyElementsOf(rounds.stream().map(r -> r.get("figures")).toList());
        assertThat(api.job(id).get("last").get("figures")).isEqualTo(rounds.get(11).get("figures"));
        Api.Response again = api.post("/api/jobs/" + id + "/predict", "{\"points\": [[3, 3], [-3, 3]]}");
        assertThat(again.json().get("outputs")).isEqualTo(predicted.json().get("outputs"));
    }

    /** kind, model of a spec on the playground's xor */
    static final String[][] KINDS = {
            {"knn", "{\"kind\": \"knn\", \"k\": 5}"},
            {"tree", "{\"kind\": \"tree\", \"maxDepth\": 6}"},
            {"forest", "{\"kind\": \"forest\", \"trees\": 6, \"maxDepth\": 6}"},
            {"svm linear", "{\"kind\": \"svm\", \"kernel\": \"linear\"}"},
            {"svm polynomial", "{\"kind\": \"svm\", \"kernel\": \"polynomial\", \"degree\": 2, \"gamma\": 1}"},
            {"svm rbf", "{\"kind\": \"svm\", \"kernel\": \"rbf\", \"gamma\": 1}"},
            {"adaboost perceptrons", "{\"kind\": \"adaboost\", \"rounds\": 10}"},
            {"adaboost stumps", "{\"kind\": \"adaboost\", \"rounds\": 10, \"weakLearner\": \"stump\"}"}};

    @Test
    void everyKindPredictsTheSameHeatMapFromItsStoredModelAfterItLeftMemory() {
        String[] ids = new String[KINDS.length];
        String heatMap = "{\"points\": " + grid(20) + "}";
        JsonNode[] before = new JsonNode[KINDS.length];
        for (int k = 0; k < KINDS.length; k++) {
            ids[k] = api.submit("{\"dataset\": {\"name\": \"playground\", \"kind\": \"xor\", \"noise\": 0.1},"
                    + " \"model\": " + KINDS[k][1] + ", \"training\": {}, \"seed\": 3}");
            assertThat(api.awaitFinished(ids[k], LONG).get("status").asText()).as(KINDS[k][0]).isEqualTo("SUCCEEDED");
            Api.Response r = api.post("/api/jobs/" + ids[k] + "/predict", heatMap);
            assertThat(r.status()).as(KINDS[k][0]).isEqualTo(200);
            before[k] = r.json();
        }
        live.finishedClassic.clear(); // as a restart leaves it: nothing of the finished jobs in memory
        for (int k = 0; k < KINDS.length; k++) {
            assertThat(live.get(ids[k])).isNull();
            assertThat(store.storedSize(ids[k])).as(KINDS[k][0]).isPresent();
            Api.Response after = api.post("/api/jobs/" + ids[k] + "/predict", heatMap);
            assertThat(after.status()).as(KINDS[k][0]).isEqualTo(200);
            assertThat(after.json().get("outputs")).as(KINDS[k][0]).hasSize(400).isEqualTo(before[k].get("outputs"));
            assertThat(after.json().get("classes")).as(KINDS[k][0]).isEqualTo(before[k].get("classes"));
            assertThat(after.json().get("epoch")).as(KINDS[k][0]).isEqualTo(before[k].get("epoch"));
            System.out.printf("stored %s model (xor, %d training points): %,d bytes%n", KINDS[k][0],
                    api.get("/api/jobs/" + ids[k] + "/points").json().get("train").size(),
                    store.storedSize(ids[k]).orElseThrow());
        }
        // the xor's sign is learnt by all but the linear kernel: predictions that are not all one class
        assertThat(before[0].get("classes").toString()).contains("0").contains("1");
    }

    @Test
    void deletingAClassicJobDeletesItsStoredModelAndRounds() {
        String forest = api.submit(FOREST);
        String boost = api.submit(ADABOOST.replace("\"startPaused\": true", "\"startPaused\": false"));
        for (String id : List.of(forest, boost)) {
            assertThat(api.awaitFinished(id, LONG).get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(rows("classic_model", id)).isEqualTo(1);
        }
        assertThat(rows("classic_model_part", forest)).isEqualTo(8);
        assertThat(rows("classic_round", boost)).isEqualTo(12);
        for (String id : List.of(forest, boost)) {
            repository.delete(id); // as the retention sweep deletes an expired job
            assertThat(rows("classic_model", id)).isZero();
            assertThat(rows("classic_model_part", id)).isZero();
            assertThat(rows("classic_round", id)).isZero();
            assertThat(store.storedSize(id)).isEmpty();
            assertThat(api.post("/api/jobs/" + id + "/predict", "{\"points\": [[1, 1]]}").status()).isEqualTo(404);
        }
    }

    @Test
    void aClassicJobCancelledBeforeItsFirstStepHasNoModelAndSaysSo() {
        String id = api.submit(ADABOOST); // starts paused: no round has run
        api.awaitJob(id, j -> j.get("status").asText().equals("PAUSED"), LONG);
        assertThat(api.delete("/api/jobs/" + id).status()).isIn(200, 202);
        api.awaitFinished(id, LONG);
        assertThat(store.storedSize(id)).isEmpty();
        Api.Response r = api.post("/api/jobs/" + id + "/predict", "{\"points\": [[1, 1]]}");
        assertThat(r.status()).isEqualTo(409);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains("is an adaboost model and none is stored")
                .contains("ended CANCELLED before its first step");
    }

    private long rows(String table, String id) {
        return jdbc.sql("select count(*) from " + table + " where job_id = :id").param("id", id).query(Long.class)
                .single();
    }

    /** side × side points over the playground's square, −6 to 6, as JSON rows. */
    static String grid(int side) {
        StringBuilder b = new StringBuilder("[");
        for (int i = 0; i < side; i++) {
            for (int j = 0; j < side; j++) {
                double x1 = -6 + 12.0 * (j + 0.5) / side, x2 = 6 - 12.0 * (i + 0.5) / side;
                b.append(b.length() > 1 ? ", " : "").append('[').append(x1).append(", ").append(x2).append(']');
            }
        }
        return b.append(']').toString();
    }

    @Test
    void forestOverServerSentEventsATreeAnEpoch() {
        String id = api.submit(FOREST);
        List<LiveStreamsIT.SseEvent> events = LiveStreamsIT.SseEvent.readAll(
                api.stream("/api/jobs/" + id + "/events", null).body());
        List<LiveStreamsIT.SseEvent> epochs = events.stream().filter(e -> e.name().equals("epoch")).toList();
        assertThat(epochs).extracting(e -> e.data().get("epoch").asInt()).containsExactlyElementsOf(range(1, 8));
        assertThat(events.get(events.size() - 1).data().get("status").asText()).isEqualTo("SUCCEEDED");
        JsonNode last = epochs.get(epochs.size() - 1).data();
        assertThat(last.get("test").get("accuracy").asDouble()).isGreaterThan(0.9);
        assertThat(last.has("figures")).isFalse();
    }

    @Test
    void networkOnlyEndpointsRefuseAClassicJobPlainly() {
        String id = api.submit(FOREST);
        api.awaitFinished(id, LONG);
        for (String path : List.of("/model", "/evaluation")) {
            Api.Response r = api.get("/api/jobs/" + id + path);
            assertThat(r.status()).as(path).isEqualTo(409);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("detail").asText()).contains("is a forest model, not a network");
        }
        Api.Response lr = api.patch("/api/jobs/" + id, "{\"learningRate\": 0.1}");
        assertThat(lr.status()).isIn(400, 409);
        assertThat(lr.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get("/api/jobs/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/jobs/" + id + "/points").status()).isEqualTo(200);
        Api.Response preview = api.post("/api/jobs/preview", FOREST);
        assertThat(preview.status()).isEqualTo(400);
        assertThat(preview.json().toString()).contains("model.kind");
    }

    @Test
    void badClassicOptionsAre400sNamingTheFieldAndTheLimit() {
        String[][] cases = {
                {"{\"kind\": \"boosted-magic\"}", "model.kind", "allowed: network, knn, tree, forest, svm, adaboost"},
                {"{\"kind\": \"forest\", \"trees\": 100000}", "model.trees", "nnlab.classic.max-trees"},
                {"{\"kind\": \"knn\", \"k\": 0}", "model.k", "between 1 and 100"},
                {"{\"kind\": \"adaboost\", \"rounds\": 5000}", "model.rounds", "nnlab.classic.max-rounds"},
                {"{\"kind\": \"svm\", \"kernel\": \"sigmoid\"}", "model.kernel", "linear, polynomial or rbf"},
                {"{\"kind\": \"svm\", \"c\": -1}", "model.c", "(0, 1000000]"},
                {"{\"kind\": \"knn\", \"trees\": 3}", "model.trees", "only applies to forest"},
                {"{\"kind\": \"tree\", \"layers\": [{\"units\": 1, \"activation\": \"sigmoid\"}]}", "model.layers",
                        "no layers"},
                {"{\"kind\": \"adaboost\", \"weakLearner\": \"svm\"}", "model.weakLearner", "perceptron or stump"}};
        for (String[] c : cases) {
            String spec = "{\"dataset\": {\"name\": \"xor\"}, \"model\": " + c[0] + ", \"training\": {}}";
            Api.Response r = api.post("/api/jobs", spec);
            assertThat(r.status()).as(c[0]).isEqualTo(400);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.text()).as(c[0]).contains(c[1]).contains(c[2]);
        }
        Api.Response iris = api.post("/api/jobs",
                "{\"dataset\": {\"name\": \"iris\"}, \"model\": {\"kind\": \"adaboost\"}, \"training\": {}}");
        assertThat(iris.status()).isEqualTo(400);
        assertThat(iris.text()).contains("model.kind").contains("two classes");
        Api.Response mnist = api.post("/api/jobs",
                "{\"dataset\": {\"name\": \"mnist\"}, \"model\": {\"kind\": \"knn\"}, \"training\": {}}");
        assertThat(mnist.status()).isEqualTo(400);
        assertThat(mnist.text()).contains("dataset.trainLimit").contains("nnlab.classic.max-examples");
    }
}
