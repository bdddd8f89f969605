package nnlab.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nnlab.support.Visitor;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;

/**
 * /actuator/health: everyone (a load balancer) gets the status, also of the liveness and readiness probes;
 * only instructors get its parts (disk, database, job queue).
 */
class HealthAccessIT extends LiveServer {

    @Test
    void anonymousCallersAndStudentsSeeOnlyTheStatus() {
        assertOnlyStatus(api.get("/actuator/health"));
        assertOnlyStatus(api.get("/actuator/health/liveness"));
        assertOnlyStatus(api.get("/actuator/health/readiness"));

        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        String code = teacher.post("/api/classes", "{\"name\": \"health\"}").json().get("code").asText();
        Visitor student = new Visitor(port);
        assertThat(student.join(code, "Sam").status()).isEqualTo(302);
        assertOnlyStatus(student.get("/actuator/health"));
        String token = student.post("/api/tokens", "{\"name\": \"script\"}").json().get("token").asText();
        assertOnlyStatus(new Visitor(port).bearer(token).get("/actuator/health"));
    }

    @Test
    void instructorsSeeTheParts() {
        Visitor teacher = new Visitor(port);
        teacher.login(INSTRUCTOR, INSTRUCTOR_PASSWORD);
        assertParts(teacher.get("/actuator/health").json());
        String token = teacher.post("/api/tokens", "{\"name\": \"monitoring\"}").json().get("token").asText();
        assertParts(new Visitor(port).bearer(token).get("/actuator/health").json());
    }

    private static void assertOnlyStatus(Api.Response r) {
        assertThat(r.status()).isEqualTo(200);
        JsonNode health = r.json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.has("components")).as(r.text()).isFalse();
        assertThat(r.text()).doesNotContain("diskSpace", "free", "database", "queued");
    }

    private static void assertParts(JsonNode health) {
        assertThat(health.get("status").asText()).isEqualTo("UP");
        JsonNode parts = health.get("components");
        assertThat(parts.get("db").get("details").get("database").asText()).isNotBlank();
        assertThat(parts.get("diskSpace").get("details").get("free").asLong()).isPositive();
        assertThat(parts.get("jobs").get("details").has("queued")).isTrue();
    }
}
