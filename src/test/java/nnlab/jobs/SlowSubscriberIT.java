package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.Test;

/** Readers that never read must not hold up the job or the other readers. */
class SlowSubscriberIT extends LiveServer {

    @Test
    void aStuckReaderStallsNeitherTheJobNorOtherSubscribers() throws Exception {
        // many epochs with large per-neuron grids: megabytes for every reader
        String id = api.submit(Specs.spiral(2000,
                "\"startPaused\": true, \"output\": {\"weights\": true, \"grid\": {\"resolution\": 60, \"neurons\": true}}"));
        List<Socket> stuck = new ArrayList<>();
        try (StompFollower stomp = new StompFollower(port)) {
            // three SSE readers that open the stream and then never read a byte
            for (int i = 0; i < 3; i++) {
                Socket s = new Socket("localhost", port);
                s.setReceiveBufferSize(4096);
                OutputStream out = s.getOutputStream();
                out.write(("GET /api/jobs/" + id + "/events HTTP/1.1\r\nHost: localhost\r\n"
                        + "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                stuck.add(s);
            }
            StompFollower.Subscription topic = stomp.follow(id).topic();
            long start = System.nanoTime();
            api.post("/api/jobs/" + id + "/resume", "");
            List<JsonNode> messages = topic.until(StompFollower.finalStatus(), Duration.ofSeconds(90));
            double seconds = (System.nanoTime() - start) / 1e9;

            assertThat(epochs(messages)).containsExactlyElementsOf(range(1, 2000));
            assertThat(messages.get(messages.size() - 1).get("status").asText()).isEqualTo("SUCCEEDED");
            long snapshots = messages.stream().filter(m -> m.has("grid")).count();
            System.out.printf("2000 epochs with 3 stuck SSE readers: %.2f s, %d grid snapshots delivered over STOMP%n",
                    seconds, snapshots);
            assertThat(seconds).isLessThan(30);
            // the server answers other requests meanwhile and afterwards
            assertThat(api.get("/api/jobs/" + id).json().get("epochsDone").asInt()).isEqualTo(2000);
            assertThat(api.get("/actuator/health").status()).isEqualTo(200);
        } finally {
            for (Socket s : stuck) s.close();
        }
    }
}
