package nnlab.classroom.challenge;

import static nnlab.classroom.challenge.ChallengeIT.open;
import static nnlab.classroom.challenge.ChallengeIT.spec;
import static nnlab.classroom.challenge.ChallengeIT.trained;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;

/**
 * Every challenge endpoint the OpenAPI document lists, walked as a student of another class, an anonymous caller,
 * a student of the class and the instructor: who is let in and who is refused. A challenge endpoint added later
 * and not listed in {@link #DOORS} fails this test on purpose.
 */
class ChallengeDoorsIT extends LiveServer {

    /** Who may use each endpoint: "class" (its students and instructors), "students" (of the class), "instructors". */
    /** In name order, so that closing the challenge comes last. */
    static final Map<String, String> DOORS = new TreeMap<>(Map.of(
            "GET /api/challenges", "anyone signed in",
            "GET /api/challenges/{id}", "class",
            "GET /api/challenges/{id}/leaderboard", "class",
            "POST /api/challenges/{id}/submissions", "students",
            "POST /api/classes/{classId}/challenges", "instructors",
            "GET /api/classes/{classId}/challenges", "instructors",
            "POST /api/classes/{classId}/challenges/{id}/close", "instructors",
            "GET /api/classes/{classId}/challenges/{id}/leaderboard.csv", "instructors"));

    @Test
    void everyChallengeEndpointLetsInOnlyWhoItShould() {
        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        Set<String> listed = new TreeSet<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> path = it.next();
            if (!path.getKey().contains("challenges")) continue;
            path.getValue().fieldNames().forEachRemaining(m -> listed.add(m.toUpperCase() + " " + path.getKey()));
        }
        assertThat(listed).isEqualTo(DOORS.keySet());

        ChallengeIT.Room room = ChallengeIT.room(port, "challenge doors");
        JsonNode c = open(room.teacher(), room.classId(), "{\"name\": \"playground\", \"kind\": \"xor\"}",
                "\"maxSubmissions\": 50", Instant.now().plus(Duration.ofHours(1)));
        String id = c.get("id").asText();
        String job = trained(room.ann(), spec(c, new int[] {4}, 2, 3, null));
        Visitor nobody = new Visitor(port);
        for (String door : DOORS.keySet()) {
            String method = door.substring(0, door.indexOf(' '));
            String path = door.substring(door.indexOf(' ') + 1).replace("{classId}", Long.toString(room.classId()))
                    .replace("{id}", id);
            String body = body(door, job);
            String who = DOORS.get(door);
            Api.Response anonymous = call(nobody, method, path, body);
            assertThat(anonymous.status()).as("anonymous %s", door).isEqualTo(401);
            assertThat(anonymous.header("Content-Type")).as(door).startsWith("application/problem+json");
            Api.Response other = call(room.cid(), method, path, body);
            if (who.equals("anyone signed in")) {
                assertThat(other.status()).as("Cid %s", door).isEqualTo(200);
                assertThat(other.text()).as("Cid %s", door).doesNotContain("\"id\":" + id);
            } else {
                assertThat(other.status()).as("Cid %s: %s", door, other.text()).isEqualTo(403);
            }
            Api.Response student = call(room.ann(), method, path, body);
            assertThat(student.status()).as("Ann %s: %s", door, student.text())
                    .isEqualTo(who.equals("instructors") ? 403 : door.endsWith("/close") ? 403 : 200);
            Api.Response teacher = call(room.teacher(), method, path, body == null ? null : body.replace(job, "x"));
            assertThat(teacher.status()).as("teacher %s: %s", door, teacher.text())
                    .isEqualTo(who.equals("students") ? 403 : door.startsWith("POST /api/classes/{classId}/challenges")
                            && !door.endsWith("/close") ? 201 : 200);
        }
    }

    private static String body(String door, String job) {
        if (door.endsWith("/submissions")) return "{\"jobId\": \"" + job + "\"}";
        if (door.equals("POST /api/classes/{classId}/challenges")) {
            return "{\"title\": \"doors\", \"dataset\": {\"name\": \"iris\"}, \"deadline\": \""
                    + Instant.now().plus(Duration.ofHours(1)) + "\"}";
        }
        return door.startsWith("POST") ? "" : null;
    }

    private static Api.Response call(Visitor who, String method, String path, String body) {
        return method.equals("GET") ? who.get(path) : who.post(path, body);
    }

}
