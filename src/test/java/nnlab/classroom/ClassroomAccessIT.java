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

/** Two students and an instructor on one server: who sees and controls which jobs over REST. */
class ClassroomAccessIT extends LiveServer {

    @Test
    void eachStudentSeesOnlyTheirOwnJobsAndTheInstructorSeesBoth() {
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).header("Location")).endsWith("/instructor");
        Api.Response made = teacher.post("/api/classes", "{\"name\": \"Deep learning, group A\"}");
        assertThat(made.status()).isEqualTo(201);
        long classId = made.json().get("id").asLong();
        String code = made.json().get("code").asText();
        assertThat(code).matches("[ACDEFGHJKMNPQRTUVWXY234679]{6}");

        Visitor alice = new Visitor(port);
        Visitor bob = new Visitor(port);
        // the code is typed however the student likes: lower case, with a dash
        Api.Response joined = alice.join(code.toLowerCase().substring(0, 3) + "-" + code.substring(3), "Alice");
        assertThat(joined.status()).isEqualTo(302);
        assertThat(joined.header("Location")).endsWith("/labs");
        assertThat(joined.header("Set-Cookie")).contains("nnlab_student=").contains("HttpOnly")
                .contains("SameSite=Lax");
        assertThat(bob.join(code, "  Bob  ").status()).isEqualTo(302);

        String aliceJob = alice.submit(Specs.spiral(3, null));
        String bobJob = bob.submit(Specs.spiral(3, null));
        String anonymousJob = new Api(port).submit(Specs.spiral(3, null));
        alice.awaitSucceeded(aliceJob);
        bob.awaitSucceeded(bobJob);

        assertThat(ids(alice.get("/api/jobs"))).containsExactly(aliceJob);
        assertThat(ids(bob.get("/api/jobs"))).containsExactly(bobJob);
        assertThat(ids(teacher.get("/api/jobs?classId=" + classId))).containsExactlyInAnyOrder(aliceJob, bobJob);
        assertThat(ids(teacher.get("/api/jobs"))).contains(aliceJob, bobJob, anonymousJob);
        JsonNode students = teacher.get("/api/classes/" + classId + "/students").json();
        assertThat(students).hasSize(2);
        assertThat(students.get(1).get("displayName").asText()).isEqualTo("Bob");
        String bobKey = "student:" + students.get(1).get("id").asLong();
        assertThat(ids(teacher.get("/api/jobs?owner=" + bobKey))).containsExactly(bobJob);

        // a student reaching another's job: 403 problems, whatever the endpoint
        for (Api.Response r : List.of(alice.get("/api/jobs/" + bobJob), alice.get("/api/jobs/" + bobJob + "/metrics"),
                alice.get("/api/jobs/" + bobJob + "/model"), alice.get("/api/jobs/" + bobJob + "/points"),
                alice.get("/api/jobs/" + bobJob + "/events"),
                alice.post("/api/jobs/" + bobJob + "/predict", "{\"points\": [[0, 0]]}"),
                alice.post("/api/jobs/" + bobJob + "/pause", ""), alice.delete("/api/jobs/" + bobJob),
                alice.patch("/api/jobs/" + bobJob, "{\"learningRate\": 0.1}"),
                alice.get("/api/jobs?owner=" + bobKey), alice.get("/api/jobs?classId=" + classId))) {
            assertThat(r.status()).as(r.text()).isEqualTo(403);
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().get("title").asText()).isEqualTo("Not allowed");
            assertThat(r.text()).doesNotContain("Exception").doesNotContain("at nnlab.");
        }
        // the instructor endpoints: 403 for a student, 401 for an anonymous caller
        Api.Response classesForAlice = alice.get("/api/classes");
        assertThat(classesForAlice.status()).isEqualTo(403);
        assertThat(classesForAlice.header("Content-Type")).startsWith("application/problem+json");
        assertThat(alice.post("/api/classes", "{\"name\": \"mine\"}").status()).isEqualTo(403);
        Api.Response classesForNobody = new Api(port).get("/api/classes");
        assertThat(classesForNobody.status()).isEqualTo(401);
        assertThat(classesForNobody.json().get("title").asText()).isEqualTo("Sign in first");
        // an anonymous caller reaching a student's job must sign in
        Api.Response anonymous = new Api(port).get("/api/jobs/" + aliceJob);
        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.header("Content-Type")).startsWith("application/problem+json");

        // their own jobs, and anonymous jobs by id, stay reachable
        assertThat(alice.get("/api/jobs/" + aliceJob + "/metrics").json()).hasSize(3);
        assertThat(alice.post("/api/jobs/" + aliceJob + "/predict", "{\"points\": [[0, 0]]}").status()).isEqualTo(200);
        assertThat(alice.get("/api/jobs/" + anonymousJob).status()).isEqualTo(200);
        // the instructor reaches everyone's
        assertThat(teacher.get("/api/jobs/" + bobJob).json().get("status").asText()).isEqualTo("SUCCEEDED");
        assertThat(teacher.get("/api/jobs/" + aliceJob + "/model").status()).isEqualTo(200);
    }

    @Test
    void aForgedOrTamperedCookieIsNobody() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"forgery\"}").json().get("code").asText();
        Visitor carol = new Visitor(port);
        carol.join(code, "Carol");
        String carolJob = carol.submit(Specs.spiral(2, null));
        String cookie = carol.cookie("nnlab_student");
        assertThat(cookie).matches("\\d+\\.[A-Za-z0-9_-]{43}");

        Visitor mallory = new Visitor(port);
        long carolId = Long.parseLong(cookie.substring(0, cookie.indexOf('.')));
        // someone else's id with Carol's signature, and Carol's id with a changed signature
        for (String forged : List.of((carolId + 1) + cookie.substring(cookie.indexOf('.')),
                carolId + "." + "A".repeat(43), carolId + "")) {
            mallory.setCookie("nnlab_student", forged);
            assertThat(mallory.get("/api/jobs/" + carolJob).status()).as(forged).isEqualTo(401);
        }
        assertThat(carol.get("/api/jobs/" + carolJob).status()).isEqualTo(200);
    }

    @Test
    void wrongPasswordsAndClosedOrUnknownClassesAreRefused() {
        Visitor someone = new Visitor(port);
        Api.Response wrong = someone.login(INSTRUCTOR, "not the password");
        assertThat(wrong.status()).isEqualTo(302);
        assertThat(wrong.header("Location")).endsWith("/login?error");
        assertThat(someone.get("/api/classes").status()).isEqualTo(401);

        Api.Response unknown = someone.join("ZZZZZZ", "Dave");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.text()).contains("There is no class with this code");
        assertThat(someone.cookie("nnlab_student")).isNull();

        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"names\"}").json().get("code").asText();
        assertThat(someone.join(code, "   ").status()).isEqualTo(400);
        assertThat(someone.join(code, "x".repeat(41)).status()).isEqualTo(400);
        assertThat(someone.join(code, "x".repeat(40)).status()).isEqualTo(302);
    }

    private static List<String> ids(Api.Response list) {
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().forEach(j -> ids.add(j.get("id").asText()));
        return ids;
    }

}
