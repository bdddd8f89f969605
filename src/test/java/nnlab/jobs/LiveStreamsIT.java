package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.Test;

/** Following jobs live over STOMP and Server-Sent Events, from the start and joining late. */
class LiveStreamsIT extends LiveServer {

    private static final Duration LONG = Duration.ofSeconds(90);

    @Test
    void mnistOverStompEveryEpochInOrderUntilSucceeded() {
        // paused at start, so that the subscription is in place before the first epoch
        String id = api.submit(Specs.mnist(2000, 500, 32, 3, "\"startPaused\": true"));
        try (StompFollower stomp = new StompFollower(port)) {
            StompFollower.Followed followed = stomp.follow(id);
            assertThat(followed.snapshot().get("history")).isEmpty();
            StompFollower.Subscription topic = followed.topic();
            assertThat(api.post("/api/jobs/" + id + "/resume", "").status()).isEqualTo(200);
            List<JsonNode> messages = topic.until(StompFollower.finalStatus(), LONG);

            assertThat(epochs(messages)).containsExactly(1, 2, 3);
            List<JsonNode> epochMessages = messages.stream().filter(m -> m.get("type").asText().equals("epoch")).toList();
            for (JsonNode e : epochMessages) {
                assertThat(e.get("jobId").asText()).isEqualTo(id);
                assertThat(e.get("epochs").asInt()).isEqualTo(3);
                assertThat(e.get("steps").asInt()).isEqualTo(63); // ceil(2000 / 32)
                assertThat(e.get("train").get("loss").asDouble()).isPositive();
                assertThat(e.get("test").get("accuracy").asDouble()).isBetween(0.0, 1.0);
                assertThat(e.get("validation").isNull()).isTrue();
                assertThat(e.get("learningRate").asDouble()).isEqualTo(0.001);
                assertThat(e.get("seconds").asDouble()).isPositive();
            }
            JsonNode last = epochMessages.get(2);
            assertThat(last.get("stopReason").asText()).isEqualTo("COMPLETED");
            assertThat(last.get("status").asText()).isEqualTo("SUCCEEDED");
            // 2000 images, 3 epochs: well above chance; the full set reaches 96-97 % (DESIGN.md)
            assertThat(last.get("test").get("accuracy").asDouble()).isGreaterThan(0.8);
            assertThat(last.get("elapsedSeconds").asDouble()).isGreaterThanOrEqualTo(
                    epochMessages.get(0).get("seconds").asDouble());
            JsonNode status = messages.get(messages.size() - 1);
            assertThat(status.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(status.get("epochsDone").asInt()).isEqualTo(3);
            assertThat(messages).anyMatch(StompFollower.status("RUNNING"));

            // the stored history is what was sent live
            JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
            assertThat(history).hasSize(3);
            for (int i = 0; i < 3; i++) {
                assertThat(history.get(i)).isEqualTo(epochMessages.get(i));
            }
            JsonNode job = api.job(id);
            assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
            assertThat(job.get("summary").get("totalParameters").asLong()).isEqualTo(109_386);
            assertThat(job.get("last").get("test").get("accuracy").asDouble())
                    .isEqualTo(last.get("test").get("accuracy").asDouble());
        }
    }

    @Test
    void mnistOverServerSentEvents() {
        String id = api.submit(Specs.mnist(1000, 200, 32, 3, null));
        HttpResponse<Stream<String>> response = api.stream("/api/jobs/" + id + "/events", null);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        List<SseEvent> events = SseEvent.readAll(response.body());

        assertThat(events.get(0).name).isEqualTo("status");
        List<SseEvent> epochs = events.stream().filter(e -> e.name.equals("epoch")).toList();
        assertThat(epochs).extracting(e -> e.data.get("epoch").asInt()).containsExactly(1, 2, 3);
        assertThat(epochs).extracting(e -> e.id).containsExactly("1", "2", "3");
        assertThat(epochs).allSatisfy(e -> assertThat(e.data.get("steps").asInt()).isEqualTo(32));
        SseEvent last = events.get(events.size() - 1);
        assertThat(last.name).isEqualTo("status");
        assertThat(last.data.get("status").asText()).isEqualTo("SUCCEEDED");
        // the stream ended by itself after the final status (readAll returned)
    }

    @Test
    void lateStompSubscriberGetsHistoryThenLiveWithoutGap() {
        String id = api.submit(Specs.mnist(2000, 200, 32, 30, null));
        api.awaitJob(id, j -> j.get("epochsDone").asInt() >= 3, LONG);
        try (StompFollower stomp = new StompFollower(port)) {
            // subscribe to the live topic first, then ask for the snapshot: anything after it arrives live
            StompFollower.Followed followed = stomp.follow(id);
            StompFollower.Subscription topic = followed.topic();
            JsonNode snap = followed.snapshot();
            assertThat(snap.get("error").isNull()).isTrue();
            TreeMap<Integer, JsonNode> seen = new TreeMap<>();
            for (JsonNode e : snap.get("history")) seen.put(e.get("epoch").asInt(), e);
            int fromHistory = seen.size();
            assertThat(fromHistory).isGreaterThanOrEqualTo(3);
            assertThat(seen.keySet()).containsExactlyElementsOf(range(1, fromHistory));

            assertThat(snap.get("status").get("status").asText()).isIn("RUNNING", "QUEUED"); // 30 epochs take seconds
            List<JsonNode> live = topic.until(StompFollower.finalStatus(), LONG);
            List<Integer> liveEpochs = epochs(live);
            assertThat(liveEpochs).isSorted().doesNotHaveDuplicates();
            for (JsonNode m : live) {
                if (m.get("type").asText().equals("epoch")) seen.putIfAbsent(m.get("epoch").asInt(), m);
            }
            assertThat(seen.keySet()).containsExactlyElementsOf(range(1, 30));
            // live picks up at most right after the snapshot: the first live epoch is no later than the next one
            assertThat(liveEpochs.get(0)).isLessThanOrEqualTo(fromHistory + 1);
        }
    }

    @Test
    void lateSseSubscriberGetsHistoryThenLiveAndCanResume() {
        String id = api.submit(Specs.mnist(2000, 200, 32, 30, null));
        api.awaitJob(id, j -> j.get("epochsDone").asInt() >= 2, LONG);
        List<SseEvent> events = SseEvent.readAll(api.stream("/api/jobs/" + id + "/events", null).body());
        List<Integer> epochs = events.stream().filter(e -> e.name.equals("epoch")).map(e -> e.data.get("epoch").asInt())
                .toList();
        assertThat(epochs).containsExactlyElementsOf(range(1, 30));
        assertThat(events.get(events.size() - 1).data.get("status").asText()).isEqualTo("SUCCEEDED");

        // a client reconnecting with Last-Event-ID gets only what it has not seen
        List<SseEvent> resumed = SseEvent.readAll(api.stream("/api/jobs/" + id + "/events", "27").body());
        assertThat(resumed.stream().filter(e -> e.name.equals("epoch")).map(e -> e.data.get("epoch").asInt()))
                .containsExactly(28, 29, 30);
    }

    @Test
    void playgroundJobSendsCoalescedGridsAndWeights() {
        String id = api.submit(Specs.spiral(300,
                "\"startPaused\": true, \"output\": {\"weights\": true, \"grid\": {\"resolution\": 20, \"neurons\": true}}"));
        try (StompFollower stomp = new StompFollower(port)) {
            StompFollower.Subscription topic = stomp.follow(id).topic();
            long start = System.nanoTime();
            api.post("/api/jobs/" + id + "/resume", "");
            List<JsonNode> messages = topic.until(StompFollower.finalStatus(), LONG);
            double seconds = (System.nanoTime() - start) / 1e9;
            List<JsonNode> epochs = messages.stream().filter(m -> m.get("type").asText().equals("epoch")).toList();
            assertThat(epochs).extracting(m -> m.get("epoch").asInt()).containsExactlyElementsOf(range(1, 300));
            List<JsonNode> withGrid = epochs.stream().filter(m -> m.has("grid")).toList();
            // the first and the last epoch carry a snapshot; in between at most 10 per second
            assertThat(withGrid.get(0).get("epoch").asInt()).isEqualTo(1);
            assertThat(withGrid.get(withGrid.size() - 1).get("epoch").asInt()).isEqualTo(300);
            assertThat(withGrid.size()).isLessThanOrEqualTo((int) Math.ceil(seconds * 10) + 3);
            JsonNode grid = withGrid.get(withGrid.size() - 1).get("grid");
            assertThat(grid.get("resolution").asInt()).isEqualTo(20);
            assertThat(grid.get("layers")).hasSize(3); // 8, 8 and 2 units
            assertThat(grid.get("layers").get(0)).hasSize(8);
            assertThat(grid.get("layers").get(2).get(0)).hasSize(400);
            JsonNode weights = withGrid.get(withGrid.size() - 1).get("weights");
            assertThat(weights.get("kernels")).hasSize(3);
            assertThat(weights.get("kernels").get(0)).hasSize(2); // 2 inputs x 8 units
            assertThat(weights.get("kernels").get(0).get(0)).hasSize(8);

            // the heatmap agrees with predict at a grid point: row 0 is x2 = 6, column 0 is x1 = -6
            JsonNode p = api.post("/api/jobs/" + id + "/predict", "{\"points\": [[-6, 6]]}").json();
            double fromGrid = grid.get("layers").get(2).get(1).get(0).asDouble();
            assertThat(p.get("outputs").get(0).get(1).asDouble()).isCloseTo(fromGrid, org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    /** One parsed SSE event. */
    record SseEvent(String name, String id, JsonNode data) {

        /** Reads events until the server ends the stream. */
        static List<SseEvent> readAll(Stream<String> lines) {
            List<SseEvent> events = new ArrayList<>();
            String name = "message";
            String id = null;
            StringBuilder data = new StringBuilder();
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                if (line.isEmpty()) {
                    if (!data.isEmpty()) {
                        try {
                            events.add(new SseEvent(name, id, Api.JSON.readTree(data.toString())));
                        } catch (java.io.IOException e) {
                            throw new AssertionError("bad SSE data: " + data, e);
                        }
                    }
                    name = "message";
                    id = null;
                    data.setLength(0);
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    data.append(line.substring(5));
                }
            }
            return events;
        }
    }
}
