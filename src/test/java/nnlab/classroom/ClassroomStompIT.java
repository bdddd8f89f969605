package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import nnlab.classroom.support.Visitor;
import nnlab.jobs.support.LiveServer;
import nnlab.jobs.support.Specs;
import nnlab.jobs.support.StompFollower;
import org.junit.jupiter.api.Test;
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
}
