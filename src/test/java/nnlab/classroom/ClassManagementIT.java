package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/** An instructor opens and closes a class, pauses its submissions and chooses its labs. */
class ClassManagementIT extends LiveServer {

    @Test
    void pausingSubmissionsRefusesTheClassesStudentsOnly() {
        Visitor teacher = signedInTeacher();
        JsonNode c = teacher.post("/api/classes", "{\"name\": \"Paused group\"}").json();
        long id = c.get("id").asLong();
        Visitor alice = new Visitor(port);
        alice.join(c.get("code").asText(), "Alice");

        assertThat(teacher.post("/api/classes/" + id + "/pause", "").json().get("submissionsPaused").asBoolean())
                .isTrue();
        Api.Response refused = alice.post("/api/jobs", Specs.spiral(1, null));
        assertThat(refused.status()).isEqualTo(423);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(refused.json().get("title").asText()).isEqualTo("Submissions paused");
        assertThat(refused.json().get("className").asText()).isEqualTo("Paused group");
        assertThat(refused.json().get("detail").asText()).contains("Paused group");
        assertThat(teacher.post("/api/jobs", Specs.spiral(1, null)).status()).isEqualTo(201);
        assertThat(new Api(port).post("/api/jobs", Specs.spiral(1, null)).status()).isEqualTo(201);

        assertThat(teacher.post("/api/classes/" + id + "/resume", "").status()).isEqualTo(200);
        assertThat(alice.post("/api/jobs", Specs.spiral(1, null)).status()).isEqualTo(201);

        // the same from the class page's forms
        assertThat(teacher.submitForm("/instructor/classes/" + id, "/instructor/classes/" + id + "/pause", Map.of())
                .status()).isEqualTo(302);
        assertThat(alice.post("/api/jobs", Specs.spiral(1, null)).status()).isEqualTo(423);
    }

    @Test
    void aClosedClassRefusesNewStudentsButKeepsItsOwn() {
        Visitor teacher = signedInTeacher();
        JsonNode c = teacher.post("/api/classes", "{\"name\": \"Closing\"}").json();
        long id = c.get("id").asLong();
        String code = c.get("code").asText();
        Visitor bob = new Visitor(port);
        bob.join(code, "Bob");
        assertThat(teacher.post("/api/classes/" + id + "/close", "").json().get("open").asBoolean()).isFalse();

        Api.Response late = new Visitor(port).join(code, "Late");
        assertThat(late.status()).isEqualTo(403);
        assertThat(late.text()).contains("is closed").contains("Closing");
        assertThat(bob.submit(Specs.spiral(1, null))).isNotBlank();
        assertThat(teacher.get("/api/classes/" + id + "/students").json()).hasSize(1);

        teacher.post("/api/classes/" + id + "/open", "");
        assertThat(new Visitor(port).join(code, "Late").status()).isEqualTo(302);
        assertThat(teacher.get("/api/classes/" + id + "/students").json()).hasSize(2);
    }

    @Test
    void studentsSeeOnlyTheLabsTheirClassShows() {
        Visitor teacher = signedInTeacher();
        JsonNode c = teacher.post("/api/classes", "{\"name\": \"Two labs\"}").json();
        long id = c.get("id").asLong();
        Visitor carol = new Visitor(port);
        carol.join(c.get("code").asText(), "Carol");
        assertThat(carol.get("/labs").text()).contains("/labs/01-gradient-descent").contains("/labs/02-perceptron");

        Api.Response chosen = teacher.put("/api/classes/" + id + "/labs",
                "{\"labs\": [\"02-perceptron\", \"04-xor\"]}");
        assertThat(chosen.status()).as(chosen.text()).isEqualTo(200);
        String index = carol.get("/labs").text();
        assertThat(index).contains("/labs/02-perceptron").doesNotContain("/labs/01-gradient-descent");
        assertThat(carol.get("/labs/01-gradient-descent").status()).isEqualTo(404);
        String lab = carol.get("/labs/02-perceptron").text();
        // the next link skips the hidden lab 3
        assertThat(lab).contains("/labs/04-xor").doesNotContain("/labs/03-playground");
        // instructors and visitors outside the class see every lab
        assertThat(teacher.get("/labs").text()).contains("/labs/01-gradient-descent");
        assertThat(new Api(port).get("/labs/01-gradient-descent").status()).isEqualTo(200);

        Api.Response unknown = teacher.put("/api/classes/" + id + "/labs", "{\"labs\": [\"02-perceptron\", \"nope\"]}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("labs[1]");
        teacher.put("/api/classes/" + id + "/labs", "{\"labs\": null}");
        assertThat(carol.get("/labs/01-gradient-descent").status()).isEqualTo(200);
    }

    @Test
    void theInstructorPagesShowTheClassAndRefuseStudents() {
        Visitor teacher = signedInTeacher();
        JsonNode c = teacher.post("/api/classes", "{\"name\": \"Pages & <b>tags</b>\"}").json();
        long id = c.get("id").asLong();
        Visitor dan = new Visitor(port);
        dan.join(c.get("code").asText(), "Dan <i>the</i> student");

        String index = teacher.get("/instructor").text();
        assertThat(index).contains("Pages &amp; &lt;b&gt;tags&lt;/b&gt;").contains(c.get("code").asText());
        String page = teacher.get("/instructor/classes/" + id).text();
        assertThat(page).contains(c.get("code").asText()).contains("/join?code=" + c.get("code").asText())
                .contains("Dan &lt;i&gt;the&lt;/i&gt; student").doesNotContain("<i>the</i>");

        assertThat(dan.get("/instructor").status()).isEqualTo(403);
        assertThat(dan.get("/instructor/classes/" + id).status()).isEqualTo(403);
        assertThat(new Api(port).get("/instructor").header("Location")).endsWith("/login");
        Api.Response made = teacher.submitForm("/instructor", "/instructor/classes", Map.of("name", "From the form"));
        assertThat(made.status()).isEqualTo(302);
        assertThat(made.header("Location")).contains("/instructor/classes/");
    }

    private Visitor signedInTeacher() {
        Visitor teacher = new Visitor(port);
        assertThat(teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD).header("Location")).endsWith("/instructor");
        return teacher;
    }
}
