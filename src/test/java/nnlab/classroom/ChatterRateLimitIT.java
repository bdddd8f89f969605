package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import nnlab.support.TightServer;
import nnlab.support.Visitor;
import nnlab.support.Api;
import org.junit.jupiter.api.Test;

/**
 * Heartbeats and lab answers past their per-caller rate (3 and 4 a minute on this server) are refused with a
 * 429 naming the property and saying when to try again; other callers, and the other kind of request, are
 * not held up.
 */
class ChatterRateLimitIT extends TightServer {

    private static final String LAB = "01-gradient-descent";
    private static final String HEARTBEAT = "{\"page\": \"" + LAB + "\"}";
    private static final String ANSWER = "{\"question\": \"q1\", \"answer\": \"2\"}";

    @Test
    void heartbeatsAndAnswersPastTheirRateAreRefusedPerCaller() {
        String code = newClass(instructor(HOST, FIRST_PASSWORD), "chatter");
        Visitor alice = new Visitor(port);
        alice.join(code, "Alice");
        Visitor bob = new Visitor(port);
        bob.join(code, "Bob");

        for (int i = 1; i <= 3; i++) {
            assertThat(alice.post("/api/progress", HEARTBEAT).status()).as("heartbeat " + i).isEqualTo(204);
        }
        Api.Response refused = alice.post("/api/progress", HEARTBEAT);
        assertTooMany(refused, "nnlab.classroom.heartbeats-per-minute", 3);
        // three a minute, refilled evenly: the next one within 20 s
        assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
        assertThat(refused.json().get("detail").asText()).contains("3 heartbeats per minute");
        assertThat(bob.post("/api/progress", HEARTBEAT).status()).isEqualTo(204);

        // answers have their own bucket: Alice's spent heartbeats do not hold them up
        for (int i = 1; i <= 4; i++) {
            JsonNode verdict = alice.post("/api/labs/" + LAB + "/answers", ANSWER).json();
            assertThat(verdict.get("correct").asBoolean()).as("answer " + i).isTrue();
        }
        assertTooMany(alice.post("/api/labs/" + LAB + "/answers", ANSWER), "nnlab.classroom.answers-per-minute", 4);
        assertThat(bob.post("/api/labs/" + LAB + "/answers", ANSWER).status()).isEqualTo(200);

        // anonymous callers are told apart as for jobs (X-Nnlab-Client, else the address); from an address of
        // their own, so that the address's bucket (6 a minute, AnonymousAddressLimitIT) is not what refuses them
        Api api = new Api(port);
        for (int i = 1; i <= 4; i++) {
            assertThat(anonymousAnswer(api, "script-a").status()).isEqualTo(200);
        }
        assertTooMany(anonymousAnswer(api, "script-a"), "nnlab.classroom.answers-per-minute", 4);
        assertThat(anonymousAnswer(api, "script-b").status()).isEqualTo(200);
    }

    private static Api.Response anonymousAnswer(Api api, String client) {
        return api.post("/api/labs/" + LAB + "/answers", ANSWER,
                java.util.Map.of("X-Forwarded-For", "198.51.100.40", "X-Nnlab-Client", client));
    }

    private static void assertTooMany(Api.Response r, String property, int limit) {
        assertThat(r.status()).as(r.text()).isEqualTo(429);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.header("Retry-After")).isNotNull();
        JsonNode p = r.json();
        assertThat(p.get("type").asText()).isEqualTo("/problems/too-many-requests");
        assertThat(p.get("limit").asText()).isEqualTo(property);
        assertThat(p.get("limitValue").asInt()).isEqualTo(limit);
        assertThat(p.get("detail").asText()).contains(property);
    }
}
