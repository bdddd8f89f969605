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
            try (StompFollower intruder = new StompFollower(port, as(bob))) {
                StompFollower.Subscription s = intruder.subscribe(destination);
                assertThat(intruder.error(LONG)).as(destination).containsAnyOf("is not yours", "only instructors");
                assertThat(s.poll(SHORT)).as(destination).isNull();
            }
        }
        // an anonymous connection may not follow a student's job either
        try (StompFollower nobody = new StompFollower(port)) {
            nobody.subscribe("/topic/jobs/" + aliceJob);
            assertThat(nobody.error(LONG)).contains("is not yours");
        }

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

    private static WebSocketHttpHeaders as(Visitor visitor) {
        WebSocketHttpHeaders h = new WebSocketHttpHeaders();
        h.add("Cookie", visitor.cookieHeader());
        return h;
    }
}
