package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/**
 * Two students and an instructor: the students' answers, pages and jobs show in the instructor's
 * dashboard and CSV exports, which students may not open.
 */
class ClassDashboardIT extends LiveServer {

    private static final String LAB = "01-gradient-descent";

    @Test
    void studentsAnswersPagesAndJobsReachTheInstructorOnly() {
        Visitor teacher = instructor();
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"dashboard\"}").json();
        long classId = made.get("id").asLong();
        Visitor alice = new Visitor(port);
        Visitor bob = new Visitor(port);
        assertThat(alice.join(made.get("code").asText(), "Alice").status()).isEqualTo(302);
        assertThat(bob.join(made.get("code").asText(), "=HYPERLINK(\"http://evil\")").status()).isEqualTo(302);

        // pages' heartbeats: where each student is
        assertThat(alice.post("/api/progress", "{\"page\": \"" + LAB + "\"}").status()).isEqualTo(204);
        assertThat(bob.post("/api/progress", "{\"page\": \"playground\"}").status()).isEqualTo(204);
        Api.Response badPage = alice.post("/api/progress", "{\"page\": \"no-such-lab\"}");
        assertThat(badPage.status()).isEqualTo(400);
        assertThat(badPage.json().get("field").asText()).isEqualTo("page");

        // answers are checked by the server against the lab file (q1: choice 2 is right; q2: 3.65 ± 0.02)
        JsonNode wrong = answer(alice, "q1", "0").json();
        assertThat(wrong.get("correct").asBoolean()).isFalse();
        assertThat(wrong.get("stored").asBoolean()).isTrue();
        assertThat(answer(alice, "q1", "2").json().get("correct").asBoolean()).isTrue();
        assertThat(answer(alice, "q2", "3.66").json().get("correct").asBoolean()).isTrue();
        assertThat(answer(bob, "q1", "0").json().get("correct").asBoolean()).isFalse();
        assertThat(answer(bob, "q2", "-3.65").json().get("correct").asBoolean()).isFalse();
        JsonNode anonymous = new Api(port).post("/api/labs/" + LAB + "/answers",
                "{\"question\": \"q1\", \"answer\": \"2\"}").json();
        assertThat(anonymous.get("correct").asBoolean()).isTrue();
        assertThat(anonymous.get("stored").asBoolean()).isFalse();
        // answers the lab cannot check: named by field
        assertThat(answer(alice, "q9", "1").json().get("field").asText()).isEqualTo("question");
        assertThat(answer(alice, "q1", "7").json().get("field").asText()).isEqualTo("answer");
        assertThat(answer(alice, "q2", "x".repeat(201)).json().get("reason").asText()).contains("200");
        assertThat(alice.post("/api/labs/no-such-lab/answers", "{\"question\": \"q1\", \"answer\": \"1\"}").status())
                .isEqualTo(404);

        String aliceJob = alice.submit(Specs.spiral(3, null));
        String bobJob = bob.submit(Specs.spiral(2, null));
        alice.awaitSucceeded(aliceJob);
        bob.awaitSucceeded(bobJob);

        JsonNode view = teacher.get("/api/classes/" + classId + "/dashboard").json();
        assertThat(view.get("online").asInt()).isEqualTo(2);
        JsonNode a = student(view, "Alice");
        JsonNode b = student(view, "=HYPERLINK(\"http://evil\")");
        assertThat(a.get("online").asBoolean()).isTrue();
        assertThat(a.get("page").asText()).isEqualTo(LAB);
        assertThat(a.get("pageTitle").asText()).isEqualTo("1. Gradient descent on one weight");
        assertThat(b.get("page").asText()).isEqualTo("playground");
        assertThat(a.get("labsVisited")).extracting(JsonNode::asText).containsExactly(LAB);
        assertThat(b.get("labsVisited")).isEmpty();
        assertThat(a.get("questionsRight").asInt()).isEqualTo(2);
        assertThat(a.get("questionsTried").asInt()).isEqualTo(2);
        assertThat(a.get("answers").asInt()).isEqualTo(3);
        assertThat(b.get("questionsRight").asInt()).isZero();
        assertThat(a.get("jobsRun").asLong()).isEqualTo(1);
        JsonNode job = a.get("jobs").get(0);
        assertThat(job.get("id").asText()).isEqualTo(aliceJob);
        assertThat(job.get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(job.get("epoch").asInt()).isEqualTo(3);
        assertThat(job.get("loss").asDouble()).isPositive();
        assertThat(job.get("accuracy").asDouble()).isBetween(0.0, 1.0);
        assertThat(b.get("jobs").get(0).get("id").asText()).isEqualTo(bobJob);
        assertThat(view.get("queue")).isEmpty();

        JsonNode q1 = question(view, LAB, "q1");
        assertThat(q1.get("students").asInt()).isEqualTo(2);
        assertThat(q1.get("right").asInt()).isEqualTo(1);
        assertThat(q1.get("shareRight").asDouble()).isEqualTo(0.5);
        assertThat(q1.get("commonWrong").get(0).get("count").asInt()).isEqualTo(2);
        assertThat(q1.get("text").asText()).contains("learning rate");
        JsonNode q2 = question(view, LAB, "q2");
        assertThat(q2.get("commonWrong").get(0).get("answer").asText()).isEqualTo("-3.65");
        assertThat(question(view, "04-xor", "q1").get("shareRight").isNull()).isTrue();

        // CSV: one row per student, one per answer; cells a spreadsheet would run start with '
        Api.Response students = teacher.get("/api/classes/" + classId + "/export/students.csv");
        assertThat(students.status()).isEqualTo(200);
        assertThat(students.header("Content-Type")).startsWith("text/csv");
        assertThat(students.header("Content-Disposition")).contains("attachment").contains(".csv");
        List<String> rows = students.text().lines().toList();
        assertThat(rows.get(0))
                .startsWith("student_id,student,labs_visited,labs,questions_right,questions_answered,answers,jobs_run");
        String aliceId = a.get("id").asText();
        assertThat(rows).anyMatch(r -> r.startsWith(aliceId + ",Alice,1," + LAB + ",2,2,3,1,"));
        assertThat(rows).anyMatch(r -> r.startsWith(b.get("id").asText()
                + ",\"'=HYPERLINK(\"\"http://evil\"\")\",0,,0,2,2,1,"));
        Api.Response answers = teacher.get("/api/classes/" + classId + "/export/answers.csv");
        List<String> answerRows = answers.text().lines().toList();
        assertThat(answerRows).hasSize(1 + 5);
        assertThat(answerRows.get(0)).isEqualTo("student_id,student,lab,question,answer,correct,answered_at");
        assertThat(answerRows.get(2)).startsWith(aliceId + ",Alice," + LAB + ",q1,5e-5,true,");
        assertThat(answerRows).anyMatch(r -> r.contains(",q2,'-3.65,false,"));

        // students and strangers are refused the instructor's view
        for (String path : List.of("/api/classes/" + classId + "/dashboard",
                "/api/classes/" + classId + "/export/students.csv", "/api/classes/" + classId + "/export/answers.csv")) {
            Api.Response refused = alice.get(path);
            assertThat(refused.status()).as(path).isEqualTo(403);
            assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
            assertThat(refused.text()).doesNotContain("Alice");
            assertThat(new Api(port).get(path).status()).as(path).isEqualTo(401);
        }
        assertThat(alice.get("/instructor/classes/" + classId + "/dashboard").status()).isEqualTo(403);
        Api.Response page = teacher.get("/instructor/classes/" + classId + "/dashboard");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.text()).contains("data-class-id=\"" + classId + "\"").contains(made.get("code").asText());
    }


    @Test
    void aStudentsLastAnswersAndRunsComeBackToTheirPagesAndNoOneElses() {
        Visitor teacher = instructor();
        String code = teacher.post("/api/classes", "{\"name\": \"reloads\"}").json().get("code").asText();
        Visitor alice = new Visitor(port);
        Visitor bob = new Visitor(port);
        assertThat(alice.join(code, "Alice").status()).isEqualTo(302);
        assertThat(bob.join(code, "Bob").status()).isEqualTo(302);

        assertThat(answer(alice, "q2", "3,7").json().get("correct").asBoolean()).isFalse();
        JsonNode right = answer(alice, "q2", "3,65").json();
        assertThat(right.get("correct").asBoolean()).isTrue();
        assertThat(right.get("answer").asText()).isEqualTo("3.65");
        assertThat(right.get("explanation").asText()).contains("3.65");
        JsonNode work = alice.get("/api/labs/" + LAB + "/work").json();
        assertThat(work.get("stored").asBoolean()).isTrue();
        assertThat(work.get("answers")).hasSize(1);
        JsonNode last = work.get("answers").get(0);
        assertThat(last.get("question").asText()).isEqualTo("q2");
        assertThat(last.get("answer").asText()).isEqualTo("3.65");
        assertThat(last.get("correct").asBoolean()).isTrue();
        assertThat(last.get("explanation").asText()).contains("3.65");
        answer(alice, "q1", "1");
        JsonNode choice = alice.get("/api/labs/" + LAB + "/work").json().get("answers").get(1);
        assertThat(choice.get("choice").asInt()).isEqualTo(1);
        assertThat(choice.get("correct").asBoolean()).isFalse();
        assertThat(choice.get("explanation").isNull()).isTrue();
        assertThat(bob.get("/api/labs/" + LAB + "/work").json().get("answers")).isEmpty();

        // the iris lab: its widget 0 is a train block, widget 1 the confusion matrix
        String iris = "/api/labs/05-iris/";
        String first = alice.submit(Specs.spiral(2, null));
        String second = alice.submit(Specs.spiral(2, null));
        String bobs = bob.submit(Specs.spiral(2, null));
        assertThat(alice.put(iris + "runs/0", "{\"job\": \"" + first + "\"}").json().get("stored").asBoolean()).isTrue();
        assertThat(alice.put(iris + "runs/0", "{\"job\": \"" + second + "\"}").status()).isEqualTo(200);
        JsonNode runs = alice.get(iris + "work").json().get("runs");
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).get("block").asInt()).isZero();
        assertThat(runs.get(0).get("jobId").asText()).isEqualTo(second);
        assertThat(bob.get(iris + "work").json().get("runs")).isEmpty();

        Api.Response notTrain = alice.put(iris + "runs/1", "{\"job\": \"" + first + "\"}");
        assertThat(notTrain.status()).isEqualTo(400);
        assertThat(notTrain.json().get("field").asText()).isEqualTo("block");
        assertThat(alice.put(iris + "runs/0", "{\"job\": \"" + bobs + "\"}").status()).isEqualTo(403);
        assertThat(alice.put(iris + "runs/0", "{\"job\": \"no-such-job\"}").status()).isEqualTo(404);
        assertThat(alice.put(iris + "runs/0", "{\"job\": \"\"}").json().get("field").asText()).isEqualTo("job");
        assertThat(alice.get(iris + "work").json().get("runs").get(0).get("jobId").asText()).isEqualTo(second);

        // anyone else's page keeps its work in the browser: nothing here
        JsonNode anonymous = new Api(port).get(iris + "work").json();
        assertThat(anonymous.get("stored").asBoolean()).isFalse();
        assertThat(anonymous.get("answers")).isEmpty();
        assertThat(anonymous.get("runs")).isEmpty();
        assertThat(new Api(port).get("/api/labs/no-such-lab/work").status()).isEqualTo(404);
    }

    @Test
    void studentsOfTheSameNameAreToldApartByATagOfTheirIdInTheDashboardAndTheCsvs() {
        Visitor teacher = instructor();
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"namesakes\"}").json();
        long classId = made.get("id").asLong();
        String code = made.get("code").asText();
        Visitor first = new Visitor(port);
        Visitor second = new Visitor(port);
        Visitor other = new Visitor(port);
        assertThat(first.join(code, "Alex").status()).isEqualTo(302);
        assertThat(second.join(code, " alex ").status()).isEqualTo(302);
        assertThat(other.join(code, "Bo").status()).isEqualTo(302);
        assertThat(answer(first, "q1", "2").status()).isEqualTo(200);
        assertThat(answer(second, "q1", "0").status()).isEqualTo(200);

        JsonNode view = teacher.get("/api/classes/" + classId + "/dashboard").json();
        List<String> labels = new ArrayList<>();
        view.get("students").forEach(s -> {
            String tag = "#" + Long.toString(s.get("id").asLong(), 36);
            assertThat(s.get("tag").asText()).isEqualTo(tag);
            String expected = s.get("name").asText().equals("Bo") ? "Bo" : s.get("name").asText() + " " + tag;
            assertThat(s.get("label").asText()).isEqualTo(expected);
            labels.add(s.get("label").asText());
        });
        assertThat(labels).hasSize(3).doesNotHaveDuplicates();

        List<String> students = teacher.get("/api/classes/" + classId + "/export/students.csv").text().lines().toList();
        List<String> answers = teacher.get("/api/classes/" + classId + "/export/answers.csv").text().lines().toList();
        assertThat(students).hasSize(4);
        assertThat(answers).hasSize(3);
        view.get("students").forEach(s -> {
            String idAndLabel = s.get("id").asText() + "," + s.get("label").asText() + ",";
            assertThat(students).filteredOn(r -> r.startsWith(idAndLabel)).hasSize(1);
            int answered = s.get("name").asText().equals("Bo") ? 0 : 1;
            assertThat(answers).filteredOn(r -> r.startsWith(idAndLabel)).hasSize(answered);
        });
    }

    @Test
    void labsTheClassDoesNotSeeTakeNoAnswersOrHeartbeatsAndLeaveTheDashboard() {
        Visitor teacher = instructor();
        JsonNode made = teacher.post("/api/classes", "{\"name\": \"only xor\"}").json();
        long classId = made.get("id").asLong();
        assertThat(teacher.put("/api/classes/" + classId + "/labs", "{\"labs\": [\"04-xor\"]}").status())
                .isEqualTo(200);
        Visitor dave = new Visitor(port);
        dave.join(made.get("code").asText(), "Dave");

        assertThat(answer(dave, "q1", "2").status()).isEqualTo(404);
        assertThat(dave.post("/api/progress", "{\"page\": \"" + LAB + "\"}").status()).isEqualTo(400);
        assertThat(dave.post("/api/labs/04-xor/answers", "{\"question\": \"q1\", \"answer\": \"1\"}").status())
                .isEqualTo(200);
        JsonNode view = teacher.get("/api/classes/" + classId + "/dashboard").json();
        assertThat(view.get("questions")).allMatch(q -> q.get("lab").asText().equals("04-xor")).isNotEmpty();
        assertThat(question(view, "04-xor", "q1").get("students").asInt()).isEqualTo(1);
        assertThat(student(view, "Dave").get("answers").asInt()).isEqualTo(1);
    }

    private Visitor instructor() {
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).status()).isEqualTo(302);
        return teacher;
    }

    private static Api.Response answer(Visitor who, String question, String answer) {
        return who.post("/api/labs/" + LAB + "/answers",
                "{\"question\": \"" + question + "\", \"answer\": " + Api.JSON.valueToTree(answer) + "}");
    }

    private static JsonNode student(JsonNode view, String name) {
        for (JsonNode s : view.get("students")) {
            if (s.get("name").asText().equals(name)) return s;
        }
        throw new AssertionError("no student " + name + " in " + view);
    }

    private static JsonNode question(JsonNode view, String lab, String id) {
        List<String> seen = new ArrayList<>();
        for (JsonNode q : view.get("questions")) {
            if (q.get("lab").asText().equals(lab) && q.get("question").asText().equals(id)) return q;
            seen.add(q.get("lab").asText() + "/" + q.get("question").asText());
        }
        throw new AssertionError("no question " + lab + "/" + id + " in " + seen);
    }

}
