package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.LogWatch;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.messaging.simp.broker.DefaultSubscriptionRegistry;
import org.springframework.messaging.simp.broker.SimpleBrokerMessageHandler;
import org.springframework.web.socket.WebSocketHttpHeaders;

/** Two students and an instructor over STOMP: subscriptions are checked against the handshake's person. */
class ClassroomStompIT extends LiveServer {

    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(2);

    @Test
    void aStudentFollowsOnlyTheirOwnJobsAndOnlyInstructorsFollowAClass() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"live\"}").json();
        String code = made.get("code").asText();
        long classId = made.get("id").asLong();
        Visitor alice = new Visitor(port);
        Visitor bob = new Visitor(port);
        alice.join(code, "Alice");
        bob.join(code, "Bob");
        String aliceJob = alice.submit(Specs.spiral(5, "\"startPaused\": true"));
        String bobJob = bob.submit(Specs.spiral(5, "\"startPaused\": true"));

        // Bob cannot subscribe to Alice's job topic, ask for its snapshot, or send to it
        for (String destination : List.of("/topic/jobs/" + aliceJob, "/app/jobs/" + aliceJob,
                "/topic/classes/" + classId)) {
            assertThat(refusal(as(bob), destination)).as(destination).containsAnyOf("is not yours", "only instructors");
        }
        // an anonymous connection may not follow a student's job either
        assertThat(refusal(new WebSocketHttpHeaders(), "/topic/jobs/" + aliceJob)).contains("is not yours");

        try (StompFollower aliceLive = new StompFollower(port, as(alice));
             StompFollower teacherLive = new StompFollower(port, as(teacher))) {
            StompFollower.Followed own = aliceLive.follow(aliceJob);
            assertThat(own.snapshot().get("status").get("status").asText()).isEqualTo("PAUSED");
            StompFollower.Followed watched = teacherLive.follow(aliceJob);
            StompFollower.Followed other = teacherLive.follow(bobJob);
            teacherLive.subscribe("/topic/classes/" + classId);
            assertThat(alice.post("/api/jobs/" + aliceJob + "/resume", "").status()).isEqualTo(200);
            assertThat(bob.post("/api/jobs/" + bobJob + "/resume", "").status()).isEqualTo(200);

            assertThat(epochs(own.topic().until(StompFollower.finalStatus(), LONG))).containsExactly(1, 2, 3, 4, 5);
            assertThat(epochs(watched.topic().until(StompFollower.finalStatus(), LONG))).containsExactly(1, 2, 3, 4, 5);
            assertThat(epochs(other.topic().until(StompFollower.finalStatus(), LONG))).containsExactly(1, 2, 3, 4, 5);
            assertThat(aliceLive.error(SHORT)).isNull();
            assertThat(teacherLive.error(SHORT)).isNull();
            assertThat(aliceLive.connected()).isTrue();
        }
    }

    /**
     * Patterns name no destination: the simple broker would match {@code /topic/**} against every job's and class's
     * topic, so an anonymous caller or another student subscribing with one is refused before the broker sees it
     * and receives nothing of a running job's epochs or a dashboard push, while the owner and the instructor,
     * subscribed literally, receive both. A forged MESSAGE frame does not reach the instructor either.
     */
    @Test
    void wildcardSubscriptionsAreRefusedAndReceiveNothing() throws Exception {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"wildcards\"}").json();
        long classId = made.get("id").asLong();
        Visitor alice = new Visitor(port);
        Visitor bob = new Visitor(port);
        alice.join(made.get("code").asText(), "Alice");
        bob.join(made.get("code").asText(), "Bob");
        String job = alice.submit(Specs.spiral(5, "\"startPaused\": true"));
        List<String> patterns = List.of("/topic/**", "/topic/*", "/topic/jobs/*", "/topic/jobs/**",
                "/topic/jobs/" + job.substring(0, 8) + "*", "/topic/*/" + classId, "/topic/*/*", "/topic/classes/*",
                "/topic/classes/**", "/topic/jobs/" + job + "/", "/topic/jobs/" + job.toUpperCase(), "/app/jobs/*",
                "/user/**", "/queue/**", "/topic/quiz/*", "/topic/quiz/**", "/topic/quiz/" + classId + "/*",
                "/topic/quiz/" + classId + "/", "/topic/quiz/0" + classId);
        Map<String, WebSocketHttpHeaders> intruders = Map.of("anonymous", new WebSocketHttpHeaders(), "Bob", as(bob));

        Map<String, StompFollower> sessions = new LinkedHashMap<>();
        Map<String, StompFollower.Subscription> wildcard = new LinkedHashMap<>();
        try (StompFollower aliceLive = new StompFollower(port, as(alice));
             StompFollower teacherLive = new StompFollower(port, as(teacher));
             RawStomp forger = new RawStomp(port, as(bob))) {
            StompFollower.Followed own = aliceLive.follow(job);
            StompFollower.Subscription dashboard = teacherLive.subscribe("/topic/classes/" + classId);
            StompFollower.Followed watched = teacherLive.follow(job);
            intruders.forEach((who, handshake) -> patterns.forEach(p -> {
                StompFollower intruder = new StompFollower(port, handshake);
                sessions.put(who + " " + p, intruder);
                wildcard.put(who + " " + p, intruder.subscribe(p));
            }));
            forger.send("MESSAGE\ndestination:/topic/classes/" + classId + "\nsubscription:0\nmessage-id:1\n"
                    + "content-type:application/json\n\n{\"forged\": true}");
            assertThat(alice.post("/api/jobs/" + job + "/resume", "").status()).isEqualTo(200);

            assertThat(epochs(own.topic().until(StompFollower.finalStatus(), LONG))).containsExactly(1, 2, 3, 4, 5);
            assertThat(epochs(watched.topic().until(StompFollower.finalStatus(), LONG))).containsExactly(1, 2, 3, 4, 5);
            JsonNode push = dashboard.next(LONG);
            assertThat(push.toString()).contains("Alice").doesNotContain("forged");
            for (JsonNode more = dashboard.poll(SHORT); more != null; more = dashboard.poll(SHORT)) {
                assertThat(more.toString()).doesNotContain("forged");
            }
            wildcard.forEach((what, subscription) -> assertThat(subscription.poll(Duration.ZERO)).as(what).isNull());
            // each was refused with the reason in plain words (asked again when the close raced the ERROR frame)
            for (String who : intruders.keySet()) {
                for (String p : patterns) {
                    String error = sessions.get(who + " " + p).error(LONG);
                    if (error != null && error.startsWith("transport: ")) error = refusal(intruders.get(who), p);
                    assertThat(error).as("%s %s", who, p).contains("destinations must be literal");
                }
            }
            assertThat(forger.closedByServer(LONG)).as("forged MESSAGE frame ends the session").isTrue();
        } finally {
            sessions.values().forEach(StompFollower::close);
        }
    }

    @Autowired
    private SimpleBrokerMessageHandler broker;

    /** Behind the door, the running broker matches subscriptions literally and evaluates no selector header. */
    @Test
    void theBrokerMatchesSubscriptionsLiterally() {
        DefaultSubscriptionRegistry registry = (DefaultSubscriptionRegistry) broker.getSubscriptionRegistry();
        String topic = "/topic/jobs/0f8fad5b-d9cb-469f-a165-70867728950e";
        assertThat(registry.getPathMatcher().match("/topic/**", topic)).isFalse();
        assertThat(registry.getPathMatcher().match("/topic/jobs/*", topic)).isFalse();
        assertThat(registry.getPathMatcher().match(topic, topic)).isTrue();
        assertThat(registry.getSelectorHeaderName()).isNull();
    }

    /** A client that says DISCONNECT once its subscription was refused is routine: no stack trace in the log. */
    @Test
    void disconnectingAfterARefusalLogsNoStackTrace() {
        try (LogWatch log = new LogWatch()) {
            for (int i = 0; i < 20; i++) {
                try (StompFollower intruder = new StompFollower(port)) {
                    intruder.subscribe(i % 2 == 0 ? "/topic/**" : "/topic/classes/1");
                    if (i % 4 < 2) intruder.error(LONG); // half wait for the refusal, half disconnect at once
                }
            }
            Api.sleep(1000);
            assertThat(log.stackTraces()).isEmpty();
        }
    }

    /**
     * The reason the server gives for refusing this subscription. Every attempt must be refused (an ERROR
     * frame, or the connection closed) with nothing delivered. The server sends ERROR and then closes, and
     * Spring's session decorator can close the socket before a frame queued behind another thread's send is
     * written; so a refusal that came as a bare close is tried again, up to three times, for its reason.
     */
    private String refusal(WebSocketHttpHeaders handshake, String destination) {
        for (int attempt = 1; ; attempt++) {
            try (StompFollower intruder = new StompFollower(port, handshake)) {
                StompFollower.Subscription s = intruder.subscribe(destination);
                String error = intruder.error(LONG);
                assertThat(error).as("%s: refused (attempt %d)", destination, attempt).isNotNull();
                assertThat(s.poll(SHORT)).as(destination).isNull();
                if (!error.startsWith("transport: ")) return error;
                assertThat(intruder.connected()).as("%s: closed by the server", destination).isFalse();
                if (attempt == 3) return error;
            }
        }
    }

    private static WebSocketHttpHeaders as(Visitor visitor) {
        WebSocketHttpHeaders h = new WebSocketHttpHeaders();
        h.add("Cookie", visitor.cookieHeader());
        return h;
    }

    /** STOMP frames written by hand, for frames Spring's client never sends (a client's MESSAGE). */
    private static final class RawStomp implements AutoCloseable {
        private final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final WebSocket ws;

        RawStomp(int port, WebSocketHttpHeaders handshake) throws Exception {
            WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder();
            handshake.forEach((name, values) -> values.forEach(v -> b.header(name, v)));
            ws = b.buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() {
                @Override
                public CompletionStage<?> onClose(WebSocket socket, int status, String reason) {
                    closed.complete(status);
                    return null;
                }

                @Override
                public void onError(WebSocket socket, Throwable error) {
                    closed.complete(-1);
                }
            }).get(10, TimeUnit.SECONDS);
            send("CONNECT\naccept-version:1.2\nhost:localhost\n\n");
        }

        void send(String frame) throws Exception {
            ws.sendText(frame + "\u0000", true).get(10, TimeUnit.SECONDS);
        }

        boolean closedByServer(Duration timeout) throws Exception {
            return closed.completeOnTimeout(null, timeout.toMillis(), TimeUnit.MILLISECONDS).get() != null;
        }

        @Override
        public void close() {
            ws.abort();
        }
    }
}
