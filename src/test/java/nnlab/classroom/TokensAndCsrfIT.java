package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/** API tokens act as their owner until revoked; cookie-carrying calls and forms need the CSRF token. */
class TokensAndCsrfIT extends LiveServer {

    @Test
    void aTokenActsAsItsOwnerUntilRevoked() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"tokens\"}").json().get("code").asText();
        Visitor alice = new Visitor(port);
        alice.join(code, "Alice");

        Api.Response made = alice.post("/api/tokens", "{\"name\": \"my notebook\"}");
        assertThat(made.status()).isEqualTo(201);
        String token = made.json().get("token").asText();
        assertThat(token).matches("nnl_[A-Za-z0-9_-]{43}");
        JsonNode listed = alice.get("/api/tokens").json();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("my notebook");
        assertThat(listed.get(0).has("token")).isFalse();
        assertThat(listed.get(0).get("revokedAt").isNull()).isTrue();

        // a script with the token and no cookies: it is Alice, and needs no CSRF token
        Visitor script = new Visitor(port).bearer(token);
        String job = script.submit(Specs.spiral(2, null));
        assertThat(alice.get("/api/jobs").json().findValuesAsText("id")).contains(job);
        assertThat(script.get("/api/jobs/" + job).status()).isEqualTo(200);
        assertThat(alice.get("/api/tokens").json().get(0).get("lastUsedAt").isNull()).isFalse();
        // another student's token does not reach Alice's job
        Visitor bob = new Visitor(port);
        bob.join(code, "Bob");
        String bobToken = bob.post("/api/tokens", "{}").json().get("token").asText();
        assertThat(new Visitor(port).bearer(bobToken).get("/api/jobs/" + job).status()).isEqualTo(403);
        assertThat(bob.delete("/api/tokens/" + listed.get(0).get("id").asLong()).status()).isEqualTo(404);

        assertThat(alice.delete("/api/tokens/" + listed.get(0).get("id").asLong()).status()).isEqualTo(204);
        Api.Response revoked = script.get("/api/jobs");
        assertThat(revoked.status()).isEqualTo(401);
        assertThat(revoked.header("Content-Type")).startsWith("application/problem+json");
        assertThat(revoked.json().get("detail").asText()).contains("unknown or revoked");
        assertThat(new Visitor(port).bearer("nnl_made-up").get("/api/datasets").status()).isEqualTo(401);

        // an instructor's token reaches the instructor endpoints
        String teacherToken = teacher.post("/api/tokens", "{\"name\": \"grading\"}").json().get("token").asText();
        assertThat(new Visitor(port).bearer(teacherToken).get("/api/classes").status()).isEqualTo(200);
        assertThat(new Visitor(port).bearer(teacherToken).get("/api/jobs/" + job).status()).isEqualTo(200);
        // anonymous callers have no tokens
        assertThat(new Api(port).post("/api/tokens", "{}").status()).isEqualTo(401);
    }

    @Test
    void cookieCallsAndFormsNeedTheCsrfToken() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"csrf\"}").json().get("code").asText();
        Visitor carol = new Visitor(port);
        carol.join(code, "Carol");
        String job = carol.submit(Specs.spiral(2, "\"startPaused\": true"));

        // what another site could make Carol's browser send: her cookies, but no token
        Visitor forged = carol.withoutCsrfHeader();
        for (Api.Response r : new Api.Response[] {forged.post("/api/jobs", Specs.spiral(2, null)),
                forged.delete("/api/jobs/" + job), forged.post("/api/tokens", "{}")}) {
            assertThat(r.status()).isEqualTo(403);
            assertThat(r.json().get("detail").asText()).contains("CSRF token");
        }
        assertThat(teacher.withoutCsrfHeader().post("/api/classes", "{\"name\": \"x\"}").status()).isEqualTo(403);
        // reading needs no token
        assertThat(forged.get("/api/jobs/" + job).json().get("status").asText()).isEqualTo("PAUSED");

        // a form posted without its hidden token is refused; a cookie-less API call needs none
        Api.Response login = new Api(port).send("/login", "application/x-www-form-urlencoded",
                "username=" + INSTRUCTOR + "&password=x");
        assertThat(login.status()).isEqualTo(403);
        assertThat(new Api(port).post("/api/jobs", Specs.spiral(1, null)).status()).isEqualTo(201);
        Visitor dave = new Visitor(port);
        assertThat(dave.withoutCsrfHeader().submitForm("/join", "/join", Map.of("code", code, "displayName", "Dave"))
                .status()).isEqualTo(302);
    }
}
