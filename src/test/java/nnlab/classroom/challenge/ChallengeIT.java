package nnlab.classroom.challenge;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.StompFollower;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * A challenge with two students of its class, a student of another class, an instructor and an anonymous caller:
 * who may open, read, submit to and export it, the limits a submission must keep, the deadline, and the
 * leaderboard over REST and STOMP.
 */
class ChallengeIT extends LiveServer {

    static final Duration LONG = Duration.ofSeconds(60);
    static final Duration SHORT = Duration.ofSeconds(2);

    /** A class with Ann and Ben, another class with Cid. */
    record Room(Visitor teacher, long classId, Visitor ann, Visitor ben, Visitor cid, long otherClassId) {
    }

    Room room(String name) {
        return room(port, name);
    }

    static Room room(int port, String name) {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"" + name + "\"}").json();
        JsonNode other = teacher.post("/api/classes", "{\"name\": \"" + name + " (other)\"}").json();
        Visitor ann = new Visitor(port);
        Visitor ben = new Visitor(port);
        Visitor cid = new Visitor(port);
        assertThat(ann.join(made.get("code").asText(), "Ann").status()).isEqualTo(302);
        assertThat(ben.join(made.get("code").asText(), "Ben").status()).isEqualTo(302);
        assertThat(cid.join(other.get("code").asText(), "Cid").status()).isEqualTo(302);
        return new Room(teacher, made.get("id").asLong(), ann, ben, cid, other.get("id").asLong());
    }

    static JsonNode open(Visitor teacher, long classId, String dataset, String limits, Instant deadline) {
        Api.Response r = teacher.post("/api/classes/" + classId + "/challenges", "{\"title\": \"Challenge time!\","
                + " \"dataset\": " + dataset + ", " + limits + ", \"deadline\": \"" + deadline + "\"}");
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    /** A job spec on the challenge's data: hidden layers of tanh units, a softmax of {@code outputs}. */
    static String spec(JsonNode challenge, int[] hidden, int outputs, int epochs, String extra) {
        StringBuilder layers = new StringBuilder();
        for (int units : hidden) layers.append("{\"units\": ").append(units).append(", \"activation\": \"tanh\"}, ");
        layers.append("{\"units\": ").append(outputs).append(", \"activation\": \"")
                .append(outputs == 1 ? "linear" : "softmax").append("\"}");
        return "{\"dataset\": " + challenge.get("dataset") + ", \"model\": {\"layers\": [" + layers + "]},"
                + " \"training\": {\"optimizer\": \"adam\", \"learningRate\": 0.03, \"batchSize\": 10, \"epochs\": "
                + epochs + "}, \"seed\": 11" + (extra == null ? "" : ", " + extra) + "}";
    }

    static String trained(Visitor who, String spec) {
        String job = who.submit(spec);
        who.awaitSucceeded(job);
        return job;
    }

    static Api.Response submit(Visitor who, long challenge, String job) {
        return who.post("/api/challenges/" + challenge + "/submissions", "{\"jobId\": \"" + job + "\"}");
    }

    static void assertRefused(Api.Response r, int status, String... words) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().get("detail").asText()).contains(words).doesNotContain("Exception", "java.");
    }

    @Test
    void studentsSubmitWithinTheLimitsAndTheBoardRanksTheirBest() {
        Room room = room("challenge limits");
        JsonNode c = open(room.teacher(), room.classId(), "{\"name\": \"playground\", \"kind\": \"circle\","
                        + " \"noise\": 0.1, \"samples\": 200}",
                "\"maxParameters\": 200, \"maxEpochs\": 40, \"maxSubmissions\": 2, \"showNames\": true",
                Instant.now().plus(Duration.ofHours(1)));
        long id = c.get("id").asLong();
        assertThat(c.get("metric").asText()).isEqualTo("accuracy");
        assertThat(c.get("hiddenExamples").asInt()).isEqualTo(200);
        // a seed the pages' JavaScript holds exactly, so that a spec built in a page names the same data
        assertThat(c.get("dataset").get("seed").asLong()).isPositive().isLessThanOrEqualTo((1L << 53) - 1);

        // the students see it and their allowance; Cid of the other class and anonymous callers do not
        JsonNode annView = room.ann().get("/api/challenges/" + id).json();
        assertThat(annView.get("standing").get("remaining").asInt()).isEqualTo(2);
        assertThat(room.ann().get("/api/challenges").json().toString()).contains("\"id\":" + id);
        assertThat(room.cid().get("/api/challenges").json().toString()).doesNotContain("\"id\":" + id);
        assertRefused(room.cid().get("/api/challenges/" + id), 403, "another class");
        assertRefused(room.cid().get("/api/challenges/" + id + "/leaderboard"), 403, "another class");
        assertRefused(new Visitor(port).get("/api/challenges/" + id), 401, "join the class or sign in");
        assertRefused(new Visitor(port).get("/api/challenges/" + id + "/leaderboard"), 401, "sign in");
        // managing and the CSV are the instructor's
        assertThat(room.ann().get("/api/classes/" + room.classId() + "/challenges/" + id + "/leaderboard.csv").status())
                .isEqualTo(403);
        assertThat(room.ann().post("/api/classes/" + room.classId() + "/challenges/" + id + "/close", "").status())
                .isEqualTo(403);
        assertThat(new Api(port).get("/api/classes/" + room.classId() + "/challenges/" + id + "/leaderboard.csv")
                .status()).isEqualTo(401);

        String annJob = trained(room.ann(), spec(c, new int[] {8}, 2, 30, null));
        String benJob = trained(room.ben(), spec(c, new int[] {4}, 2, 20, null));
        assertRefused(submit(room.cid(), id, annJob), 403, "another class");
        assertRefused(submit(room.ann(), id, benJob), 403, "is not yours");
        assertRefused(submit(room.teacher(), id, annJob), 403, "only the students");

        Api.Response first = submit(room.ann(), id, annJob);
        assertThat(first.status()).as(first.text()).isEqualTo(200);
        double annScore = first.json().get("submissions").get(0).get("score").asDouble();
        assertThat(annScore).isBetween(0.5, 1.0);
        assertThat(first.json().get("remaining").asInt()).isEqualTo(1);
        assertRefused(submit(room.ann(), id, annJob), 409, "already on this challenge's board");

        // limits: each refusal names the limit and the values, and costs no submission
        Api.Response epochs = submit(room.ann(), id, trained(room.ann(), spec(c, new int[] {2}, 2, 41, null)));
        assertRefused(epochs, 422, "ran 41 epochs", "at most 40");
        assertThat(epochs.json().get("limit").asText()).isEqualTo("maxEpochs");
        assertThat(epochs.json().get("limitValue").asInt()).isEqualTo(40);
        assertThat(epochs.json().get("value").asInt()).isEqualTo(41);
        Api.Response big = submit(room.ann(), id, trained(room.ann(), spec(c, new int[] {16, 16}, 2, 1, null)));
        assertRefused(big, 422, "has 354 parameters", "at most 200");
        assertThat(big.json().get("limit").asText()).isEqualTo("maxParameters");
        String otherData = spec(c, new int[] {4}, 2, 5, null).replace("\"seed\":" + c.get("dataset").get("seed"), "\"seed\":1");
        assertRefused(submit(room.ann(), id, trained(room.ann(), otherData)), 422, "not trained on the challenge's data",
                "dataset.seed is 1");
        String given = spec(c, new int[] {}, 2, 1, "\"startPaused\": true");
        String paused = room.ann().submit(given);
        assertRefused(submit(room.ann(), id, paused), 409, "is paused", "finished");
        room.ann().delete("/api/jobs/" + paused);
        assertRefused(submit(room.ann(), id, "no-such-job"), 404, "no job");

        Api.Response benFirst = submit(room.ben(), id, benJob);
        assertThat(benFirst.status()).as(benFirst.text()).isEqualTo(200);
        assertThat(room.ann().get("/api/challenges/" + id).json().get("standing").get("remaining").asInt()).isEqualTo(1);

        // Ann's second and last submission
        String annBetter = trained(room.ann(), spec(c, new int[] {8, 8}, 2, 40, null));
        assertThat(submit(room.ann(), id, annBetter).json().get("remaining").asInt()).isZero();
        assertRefused(submit(room.ann(), id, trained(room.ann(), spec(c, new int[] {3}, 2, 2, null))), 409,
                "used all 2 submissions");

        JsonNode board = room.ben().get("/api/challenges/" + id + "/leaderboard").json();
        assertThat(board.get("entries")).hasSize(2);
        JsonNode top = board.get("entries").get(0);
        JsonNode second = board.get("entries").get(1);
        assertThat(top.get("rank").asInt()).isEqualTo(1);
        assertThat(top.get("score").asDouble()).isGreaterThanOrEqualTo(second.get("score").asDouble());
        JsonNode annEntry = top.get("name").asText().equals("Ann") ? top : second;
        assertThat(annEntry.get("submissions").asInt()).isEqualTo(2);
        double annBest = Math.max(annScore,
                room.ann().get("/api/challenges/" + id).json().get("standing").get("submissions").get(1).get("score").asDouble());
        assertThat(annEntry.get("score").asDouble()).isEqualTo(annBest);

        // the instructor's CSV: both students, best first
        Api.Response csv = room.teacher().get("/api/classes/" + room.classId() + "/challenges/" + id + "/leaderboard.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Type")).startsWith("text/csv");
        List<String> lines = csv.text().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("rank,student_id,display_name,pseudonym,best_accuracy");
        assertThat(lines.get(1)).startsWith("1,").contains(top.get("name").asText());

        // closing ends submissions; the board stays
        assertThat(room.teacher().post("/api/classes/" + room.classId() + "/challenges/" + id + "/close", "").json()
                .get("closed").asBoolean()).isTrue();
        assertRefused(submit(room.ben(), id, trained(room.ben(), spec(c, new int[] {3}, 2, 2, null))), 409, "closed");
        assertThat(room.ben().get("/api/challenges/" + id + "/leaderboard").json().get("entries")).hasSize(2);
    }

    @Test
    void theDeadlineEndsSubmissionsAndPseudonymsHideNames() {
        Room room = room("challenge deadline");
        Instant deadline = Instant.now().plus(Duration.ofSeconds(6));
        JsonNode c = open(room.teacher(), room.classId(), "{\"name\": \"playground\", \"kind\": \"xor\"}",
                "\"maxSubmissions\": 3", deadline);
        long id = c.get("id").asLong();
        String job = trained(room.ann(), spec(c, new int[] {4}, 2, 5, null));
        Api.Response before = submit(room.ann(), id, job);
        assertThat(before.status()).as(before.text()).isEqualTo(200);
        String pseudonym = before.json().get("name").asText();
        assertThat(pseudonym).isNotBlank().isNotEqualTo("Ann");
        JsonNode board = room.ben().get("/api/challenges/" + id + "/leaderboard").json();
        assertThat(board.toString()).contains(pseudonym).doesNotContain("Ann");

        String late = trained(room.ann(), spec(c, new int[] {3}, 2, 5, null));
        while (Instant.now().isBefore(deadline.plusMillis(200))) Api.sleep(100);
        assertRefused(submit(room.ann(), id, late), 409, "deadline", deadline.toString().substring(0, 16));
        assertThat(room.ann().get("/api/challenges/" + id).json().get("standing").get("remaining").asInt()).isEqualTo(2);
    }

    @Test
    void openingIsCheckedNamingTheField() {
        Room room = room("challenge checks");
        String path = "/api/classes/" + room.classId() + "/challenges";
        String later = "\"deadline\": \"" + Instant.now().plus(Duration.ofHours(1)) + "\"";
        Object[][] cases = {
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"sin\"}, " + later + "}", "dataset.name"},
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"iris\", \"seed\": 3}, " + later + "}", "dataset.seed"},
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"iris\", \"scaling\": \"none\"}, " + later + "}", "dataset.scaling"},
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"iris\"}, \"metric\": \"mse\", " + later + "}", "metric"},
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"iris\"}, \"maxSubmissions\": 0, " + later + "}", "maxSubmissions"},
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"iris\"}, \"deadline\": \"2020-01-01T00:00:00Z\"}", "deadline"},
                {"{\"title\": \"\", \"dataset\": {\"name\": \"iris\"}, " + later + "}", "title"},
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"playground\", \"kind\": \"moons\"}, " + later + "}", "dataset.kind"},
                {"{\"title\": \"x\", \"dataset\": {\"name\": \"mnist\", \"testLimit\": 9500}, " + later + "}", "dataset.testLimit"},
        };
        for (Object[] c : cases) {
            Api.Response r = room.teacher().post(path, (String) c[0]);
            assertThat(r.status()).as(r.text()).isEqualTo(400);
            assertThat(r.json().get("field").asText()).as(r.text()).isEqualTo(c[1]);
        }
        assertThat(room.ann().post(path, "{\"title\": \"mine\", \"dataset\": {\"name\": \"iris\"}, " + later + "}")
                .status()).isEqualTo(403);
        assertThat(room.teacher().post("/api/classes/999999/challenges", "{\"title\": \"x\", \"dataset\": {\"name\":"
                + " \"iris\"}, " + later + "}").status()).isEqualTo(404);
    }

    @Test
    void theBoardIsPushedToTheClassAndItsInstructorOnly() {
        Room room = room("challenge live");
        JsonNode c = open(room.teacher(), room.classId(), "{\"name\": \"playground\", \"kind\": \"gauss\"}",
                "\"showNames\": true", Instant.now().plus(Duration.ofHours(1)));
        long id = c.get("id").asLong();
        String topic = "/topic/classes/" + room.classId() + "/challenges/" + id;
        String job = trained(room.ben(), spec(c, new int[] {2}, 2, 5, null));
        try (StompFollower annLive = new StompFollower(port, as(room.ann()));
             StompFollower teacherLive = new StompFollower(port, as(room.teacher()));
             StompFollower cidLive = new StompFollower(port, as(room.cid()));
             StompFollower nobody = new StompFollower(port, new WebSocketHttpHeaders());
             StompFollower cidOwn = new StompFollower(port, as(room.cid()))) {
            StompFollower.Subscription ann = annLive.subscribe(topic);
            StompFollower.Subscription teacher = teacherLive.subscribe(topic);
            StompFollower.Subscription cid = cidLive.subscribe(topic);
            StompFollower.Subscription anonymous = nobody.subscribe(topic);
            // Cid names his own class with this challenge's id: the board is published under its class only
            StompFollower.Subscription disguised = cidOwn.subscribe("/topic/classes/" + room.otherClassId()
                    + "/challenges/" + id);
            assertThat(cidLive.error(LONG)).contains("only the class's students and instructors");
            assertThat(nobody.error(LONG)).contains("only the class's students and instructors");
            Api.sleep(300); // the subscriptions reach the broker

            assertThat(submit(room.ben(), id, job).status()).isEqualTo(200);
            JsonNode pushed = ann.next(LONG);
            assertThat(pushed.get("entries").get(0).get("name").asText()).isEqualTo("Ben");
            assertThat(pushed.get("challengeId").asLong()).isEqualTo(id);
            assertThat(teacher.next(LONG)).isEqualTo(pushed);
            assertThat(cid.poll(SHORT)).isNull();
            assertThat(anonymous.poll(Duration.ZERO)).isNull();
            assertThat(disguised.poll(Duration.ZERO)).isNull();
        }
    }

    /**
     * Each Iris or Boston job on a data seed no challenge has asks the stored challenges once: more of them than the
     * database has connections (10) must all be accepted, quickly (a lookup that kept its connection made the
     * eleventh wait 30 s and fail).
     */
    @Test
    void jobsOnSeedsNoChallengeHasAreAcceptedMoreTimesThanThereAreConnections() {
        for (int i = 0; i < 15; i++) {
            String spec = "{\"dataset\": {\"name\": \"iris\", \"seed\": " + (7_000_123 + i) + "},"
                    + " \"model\": {\"layers\": [{\"units\": 3, \"activation\": \"softmax\"}]},"
                    + " \"training\": {\"epochs\": 1}}";
            Api.Response r = api.post("/api/jobs", spec, "seed-lookups-" + i);
            assertThat(r.status()).as("submission %d: %s", i + 1, r.text()).isEqualTo(201);
        }
    }

    @Test
    void theInstructorOpensAndClosesAChallengeFromTheClassesPages() {
        Room room = room("challenge pages");
        String list = "/instructor/classes/" + room.classId() + "/challenges";
        assertThat(room.teacher().get("/instructor/classes/" + room.classId()).text()).contains("href=\"" + list + "\"");
        Api.Response made = room.teacher().submitForm(list, list, java.util.Map.of("title", "Spiral cup",
                "set", "playground:spiral", "noise", "0.1", "maxParameters", "500", "maxEpochs", "200",
                "maxSubmissions", "3", "minutes", "30"));
        assertThat(made.status()).isEqualTo(302);
        String page = made.header("Location");
        assertThat(page).matches(".*/challenges/\\d+");
        long id = Long.parseLong(page.substring(page.lastIndexOf('/') + 1));
        JsonNode c = room.ann().get("/api/challenges/" + id).json().get("challenge");
        assertThat(c.get("title").asText()).isEqualTo("Spiral cup");
        assertThat(c.get("dataset").get("kind").asText()).isEqualTo("spiral");
        assertThat(c.get("maxParameters").asLong()).isEqualTo(500);
        assertThat(c.get("showNames").asBoolean()).isFalse();
        assertThat(room.ann().get("/").text()).contains("Spiral cup", "/challenges/" + id);
        assertThat(room.ann().get("/challenges/" + id).text()).contains("Spiral cup", "data-challenge-id=\"" + id + "\"");
        assertThat(room.ann().get("/challenges/" + id + "/board").status()).isEqualTo(200);
        assertThat(room.cid().get("/challenges/" + id).status()).isEqualTo(403);
        assertThat(room.cid().get("/challenges/" + id + "/board").status()).isEqualTo(403);
        assertThat(room.ann().get(list).status()).isEqualTo(403);

        // a refused form goes back to the list page (which says why) and opens nothing
        assertThat(room.teacher().submitForm(list, list, java.util.Map.of("title", "x", "set", "sin")).header("Location"))
                .endsWith(list);
        assertThat(room.teacher().get("/api/classes/" + room.classId() + "/challenges").json()).hasSize(1);

        assertThat(room.teacher().submitForm(list, list + "/" + id + "/close", java.util.Map.of()).status()).isEqualTo(302);
        assertThat(room.ann().get("/api/challenges/" + id).json().get("challenge").get("closed").asBoolean()).isTrue();
    }

    static WebSocketHttpHeaders as(Visitor visitor) {
        WebSocketHttpHeaders h = new WebSocketHttpHeaders();
        h.add("Cookie", visitor.cookieHeader());
        return h;
    }
}
