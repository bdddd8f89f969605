package nnlab.classroom.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.StompFollower;
import nnlab.support.Visitor;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * The live quiz over REST and STOMP with an instructor, two students of a class and a student of another class:
 * who may launch, see, answer and follow what, and that the key stays on the server until the reveal.
 */
class QuizIT extends LiveServer {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration SHORT = Duration.ofSeconds(1);
    private static final String EXPLANATION = "Both are squashing functions";

    @Test
    void aQuestionGoesToTheClassWithoutItsKeyIsAnsweredOncePerStudentAndRevealed() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode classA = teacher.post("/api/classes", "{\"name\": \"quiz A\"}").json();
        JsonNode classB = teacher.post("/api/classes", "{\"name\": \"quiz B\"}").json();
        long a = classA.get("id").asLong();
        Visitor alice = new Visitor(port);
        Visitor bob = new Visitor(port);
        Visitor carol = new Visitor(port);
        alice.join(classA.get("code").asText(), "Alice");
        bob.join(classA.get("code").asText(), "Bob");
        carol.join(classB.get("code").asText(), "Carol");

        String question = "{\"text\": \"Which are squashing functions?\", \"choices\": [\"sigmoid\", \"ReLU\", \"tanh\"],"
                + " \"correct\": [2, 0], \"explanation\": \"" + EXPLANATION + "\"}";
        // a student cannot launch, nor read the instructor's view with its key and tally
        for (Api.Response r : List.of(alice.post("/api/classes/" + a + "/quiz", question),
                alice.get("/api/classes/" + a + "/quiz"), alice.get("/api/classes/" + a + "/quizzes"),
                alice.get("/api/classes/" + a + "/export/quizzes.csv"))) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        }
        assertThat(new Api(port).post("/api/classes/" + a + "/quiz", question).status()).isEqualTo(401);
        assertThat(alice.get("/api/quiz").json().get("quiz").isNull()).isTrue();
        assertThat(teacher.get("/api/quiz").status()).as("instructors have no student's quiz").isEqualTo(204);
        assertThat(new Api(port).get("/api/quiz").status()).isEqualTo(204);

        // another class's student cannot follow the quiz, a student cannot follow the instructors' tally
        assertThat(refusal(as(carol), "/topic/quiz/" + a)).contains("only the students of class " + a);
        assertThat(refusal(new WebSocketHttpHeaders(), "/topic/quiz/" + a)).contains("only the students of class " + a);
        assertThat(refusal(as(alice), "/topic/quiz/" + a + "/answers")).contains("only instructors");
        assertThat(refusal(as(alice), "/topic/quiz/" + a + "/*")).contains("destinations must be literal");

        try (StompFollower aliceLive = new StompFollower(port, as(alice));
             StompFollower bobLive = new StompFollower(port, as(bob));
             StompFollower teacherLive = new StompFollower(port, as(teacher))) {
            StompFollower.Subscription aliceQuiz = aliceLive.subscribe("/topic/quiz/" + a);
            StompFollower.Subscription bobQuiz = bobLive.subscribe("/topic/quiz/" + a);
            StompFollower.Subscription tally = teacherLive.subscribe("/topic/quiz/" + a + "/answers");
            StompFollower.Subscription teacherQuiz = teacherLive.subscribe("/topic/quiz/" + a);
            Api.sleep(300); // the subscriptions are in place before the launch

            Api.Response launched = teacher.post("/api/classes/" + a + "/quiz", question);
            assertThat(launched.status()).as(launched.text()).isEqualTo(200);
            long quiz = launched.json().get("quiz").get("id").asLong();
            assertThat(launched.json().get("quiz").get("question").get("correct").toString()).isEqualTo("[0,2]");

            for (StompFollower.Subscription s : List.of(aliceQuiz, bobQuiz, teacherQuiz)) {
                JsonNode event = s.next(WAIT);
                assertThat(event.get("type").asText()).isEqualTo("launched");
                assertThat(event.get("quiz").get("id").asLong()).isEqualTo(quiz);
                assertThat(event.get("quiz").get("several").asBoolean()).isTrue();
                assertThat(event.get("quiz").get("correct").isNull()).isTrue();
                assertThat(event.toString()).doesNotContain(EXPLANATION).doesNotContain("\"tally\":{");
            }
            assertThat(tally.next(WAIT).get("answered").asInt()).isZero();
            JsonNode seen = alice.get("/api/quiz").json();
            assertThat(seen.get("classId").asLong()).isEqualTo(a);
            assertThat(seen.get("quiz").get("state").asText()).isEqualTo("OPEN");
            assertThat(seen.get("quiz").get("correct").isNull()).isTrue();
            assertThat(seen.toString()).doesNotContain(EXPLANATION);
            assertThat(carol.get("/api/quiz").json().get("quiz").isNull()).as("another class's quiz").isTrue();

            // answered once per student: a second answer replaces the first
            assertThat(alice.post("/api/quiz/" + quiz + "/answer", "{\"choices\": [0]}").status()).isEqualTo(200);
            assertThat(tally.next(WAIT).get("counts").toString()).isEqualTo("[1,0,0]");
            Api.Response changed = alice.post("/api/quiz/" + quiz + "/answer", "{\"choices\": [2, 0]}");
            assertThat(changed.json().get("yours").get("answer").asText()).isEqualTo("0,2");
            assertThat(changed.json().get("yours").get("correct").isNull()).as("not before the reveal").isTrue();
            JsonNode afterChange = tally.next(WAIT);
            assertThat(afterChange.get("answered").asInt()).isEqualTo(1);
            assertThat(afterChange.get("counts").toString()).isEqualTo("[1,0,1]");
            assertThat(bob.post("/api/quiz/" + quiz + "/answer", "{\"choices\": [1]}").status()).isEqualTo(200);
            assertThat(tally.next(WAIT).get("counts").toString()).isEqualTo("[1,1,1]");

            // others cannot answer; bad answers are said in words
            assertThat(carol.post("/api/quiz/" + quiz + "/answer", "{\"choices\": [0]}").status()).isEqualTo(404);
            assertThat(teacher.post("/api/quiz/" + quiz + "/answer", "{\"choices\": [0]}").status()).isEqualTo(403);
            assertThat(new Api(port).post("/api/quiz/" + quiz + "/answer", "{\"choices\": [0]}").status()).isEqualTo(403);
            Api.Response outOfRange = bob.post("/api/quiz/" + quiz + "/answer", "{\"choices\": [3]}");
            assertThat(outOfRange.status()).isEqualTo(400);
            assertThat(outOfRange.header("Content-Type")).startsWith("application/problem+json");
            assertThat(outOfRange.text()).contains("choices").contains("0 to 2");
            assertThat(bob.post("/api/quiz/" + quiz + "/answer", "{}").status()).isEqualTo(400);

            // closed: no more answers; nothing revealed yet
            assertThat(teacher.post("/api/classes/" + a + "/quiz/" + quiz + "/close", "").status()).isEqualTo(200);
            JsonNode closed = bobQuiz.next(WAIT);
            assertThat(closed.get("type").asText()).isEqualTo("closed");
            assertThat(closed.toString()).doesNotContain(EXPLANATION);
            Api.Response late = bob.post("/api/quiz/" + quiz + "/answer", "{\"choices\": [0, 2]}");
            assertThat(late.status()).isEqualTo(409);
            assertThat(late.text()).contains("closed");
            assertThat(bob.get("/api/quiz").json().get("quiz").get("tally").isNull()).isTrue();
            Api.Response again = teacher.post("/api/classes/" + a + "/quiz/" + quiz + "/close", "");
            assertThat(again.status()).as("closing twice changes nothing").isEqualTo(200);
            assertThat(again.json().get("quiz").get("state").asText()).isEqualTo("CLOSED");

            // revealed: the key, the explanation and the tally for everyone of the class
            assertThat(teacher.post("/api/classes/" + a + "/quiz/" + quiz + "/reveal", "").status()).isEqualTo(200);
            JsonNode revealed = aliceQuiz.until(m -> m.get("type").asText().equals("revealed"), WAIT).get(1);
            assertThat(revealed.get("quiz").get("correct").toString()).isEqualTo("[0,2]");
            assertThat(revealed.get("quiz").get("explanation").asText()).isEqualTo(EXPLANATION);
            assertThat(revealed.get("quiz").get("tally").get("counts").toString()).isEqualTo("[1,1,1]");
            assertThat(alice.get("/api/quiz").json().get("quiz").get("yours").get("correct").asBoolean()).isTrue();
            assertThat(bob.get("/api/quiz").json().get("quiz").get("yours").get("correct").asBoolean()).isFalse();
            assertThat(aliceLive.error(SHORT)).isNull();
            Api.Response backwards = teacher.post("/api/classes/" + a + "/quiz/" + quiz + "/close", "");
            assertThat(backwards.status()).isEqualTo(409);
            assertThat(backwards.text()).contains("revealed already");

            String csv = teacher.get("/api/classes/" + a + "/export/quizzes.csv").text();
            assertThat(csv.split("\r\n")).hasSize(3);
            assertThat(csv).contains("Alice,\"0,2\",true").contains("Bob,1,false");
        }
    }

    @Test
    void aNumberQuestionTakesACommaAndALabQuestionIsLaunchedAsItIs() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"numbers\"}").json();
        long c = made.get("id").asLong();
        Visitor dan = new Visitor(port);
        dan.join(made.get("code").asText(), "Dan");

        long quiz = teacher.post("/api/classes/" + c + "/quiz", "{\"text\": \"Test accuracy?\", \"number\": 0.965,"
                + " \"tolerance\": 0.01}").json().get("quiz").get("id").asLong();
        Api.Response notANumber = dan.post("/api/quiz/" + quiz + "/answer", "{\"number\": \"ninety\"}");
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.text()).contains("number");
        assertThat(dan.post("/api/quiz/" + quiz + "/answer", "{\"number\": \"0,97\"}").json().get("yours")
                .get("answer").asText()).isEqualTo("0.97");
        JsonNode tally = teacher.get("/api/classes/" + c + "/quiz").json().get("tally");
        assertThat(tally.get("values").toString()).isEqualTo("[0.97]");
        assertThat(tally.get("right").asInt()).isEqualTo(1);
        // a reload shows the open question again, with the answer given
        assertThat(dan.get("/api/quiz").json().get("quiz").get("yours").get("answer").asText()).isEqualTo("0.97");

        JsonNode fromLab = teacher.get("/api/classes/" + c + "/quiz/questions").json().get(0);
        Api.Response launched = teacher.post("/api/classes/" + c + "/quiz", "{\"lab\": \"" + fromLab.get("lab").asText()
                + "\", \"question\": \"" + fromLab.get("question").asText() + "\"}");
        assertThat(launched.status()).as(launched.text()).isEqualTo(200);
        assertThat(launched.json().get("quiz").get("question").get("text").asText()).isEqualTo(fromLab.get("text").asText());
        assertThat(teacher.get("/api/classes/" + c + "/quizzes").json().get(0).get("quiz").get("state").asText())
                .as("launching closes the open quiz").isEqualTo("CLOSED");
        assertThat(dan.get("/api/quiz").json().get("quiz").get("id").asLong())
                .isEqualTo(launched.json().get("quiz").get("id").asLong());

        // bad questions: 400 problems naming the field
        List<String[]> bad = new ArrayList<>();
        bad.add(new String[] {"{\"text\": \"\", \"number\": 1}", "text"});
        bad.add(new String[] {"{\"text\": \"q\", \"choices\": [\"only one\"], \"correct\": [0]}", "choices"});
        bad.add(new String[] {"{\"text\": \"q\", \"choices\": [\"a\", \"b\"], \"correct\": [2]}", "correct"});
        bad.add(new String[] {"{\"text\": \"q\", \"choices\": [\"a\", \"b\"]}", "correct"});
        bad.add(new String[] {"{\"text\": \"q\"}", "number"});
        bad.add(new String[] {"{\"text\": \"q\", \"number\": 1, \"tolerance\": -1}", "tolerance"});
        bad.add(new String[] {"{\"lab\": \"no-such-lab\", \"question\": \"q1\"}", "lab"});
        bad.add(new String[] {"{\"text\": \"q\", \"number\": 1, \"surprise\": 1}", "surprise"});
        for (String[] b : bad) {
            Api.Response r = teacher.post("/api/classes/" + c + "/quiz", b[0]);
            assertThat(r.status()).as(b[0]).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(b[0]).startsWith("application/problem+json");
            assertThat(r.text()).as(b[0]).contains(b[1]).doesNotContain("Exception");
        }
        assertThat(teacher.post("/api/classes/999999/quiz", "{\"text\": \"q\", \"number\": 1}").status()).isEqualTo(404);
        assertThat(teacher.post("/api/classes/" + c + "/quiz/999999/reveal", "").status()).isEqualTo(404);
    }

    /**
     * Every quiz endpoint the OpenAPI document lists: the instructors' refuse students (403) and anonymous callers
     * (401) before anything else; the students' answer anonymous callers and instructors without a quiz.
     */
    @Test
    void everyQuizEndpointOfTheDocumentKeepsItsDoor() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"doors\"}").json();
        long c = made.get("id").asLong();
        Visitor eve = new Visitor(port);
        eve.join(made.get("code").asText(), "Eve");
        long quiz = teacher.post("/api/classes/" + c + "/quiz", "{\"text\": \"q\", \"number\": 1}").json()
                .get("quiz").get("id").asLong();

        JsonNode paths = api.get("/v3/api-docs").json().get("paths");
        List<String> instructors = new ArrayList<>();
        List<String> students = new ArrayList<>();
        paths.fieldNames().forEachRemaining(path -> {
            if (path.startsWith("/api/quiz")) students.add(path);
            else if (path.startsWith("/api/classes/{id}/quiz") || path.equals("/api/classes/{id}/export/quizzes.csv")) {
                instructors.add(path);
            }
        });
        assertThat(instructors).containsExactlyInAnyOrder("/api/classes/{id}/quiz", "/api/classes/{id}/quiz/questions",
                "/api/classes/{id}/quiz/{quizId}/close", "/api/classes/{id}/quiz/{quizId}/reveal",
                "/api/classes/{id}/quizzes", "/api/classes/{id}/export/quizzes.csv");
        assertThat(students).containsExactlyInAnyOrder("/api/quiz", "/api/quiz/{quizId}/answer");
        int calls = 0;
        for (String path : instructors) {
            String target = path.replace("{id}", String.valueOf(c)).replace("{quizId}", String.valueOf(quiz));
            for (var method : (Iterable<java.util.Map.Entry<String, JsonNode>>) paths.get(path)::fields) {
                boolean post = method.getKey().equals("post");
                String body = "{\"text\": \"x\", \"number\": 2}";
                Api.Response asStudent = post ? eve.post(target, body) : eve.get(target);
                Api.Response asNobody = post ? new Api(port).post(target, body) : new Api(port).get(target);
                assertThat(asStudent.status()).as("student %s %s", method.getKey(), path).isEqualTo(403);
                assertThat(asNobody.status()).as("anonymous %s %s", method.getKey(), path).isEqualTo(401);
                assertThat(asStudent.header("Content-Type")).startsWith("application/problem+json");
                calls++;
            }
        }
        assertThat(calls).isEqualTo(7);
        assertThat(teacher.get("/api/classes/" + c + "/quiz").json().get("quiz").get("state").asText())
                .as("no refused call changed the quiz").isEqualTo("OPEN");
        assertThat(new Api(port).get("/api/quiz").status()).isEqualTo(204);
        assertThat(new Api(port).post("/api/quiz/" + quiz + "/answer", "{\"number\": \"1\"}").status()).isEqualTo(403);
    }

    /** The ERROR frame's message the server answers this subscription with (a bare close is tried again). */
    private String refusal(WebSocketHttpHeaders handshake, String destination) {
        String error = null;
        for (int attempt = 0; attempt < 3; attempt++) {
            try (StompFollower intruder = new StompFollower(port, handshake)) {
                StompFollower.Subscription s = intruder.subscribe(destination);
                error = intruder.error(WAIT);
                assertThat(error).as(destination).isNotNull();
                assertThat(s.poll(Duration.ZERO)).isNull();
                if (!error.startsWith("transport: ")) return error;
            }
        }
        return error;
    }

    static WebSocketHttpHeaders as(Visitor visitor) {
        WebSocketHttpHeaders h = new WebSocketHttpHeaders();
        h.add("Cookie", visitor.cookieHeader());
        return h;
    }
}
