package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import nnlab.jobs.support.LiveServer;
import nnlab.jobs.support.Specs;
import nnlab.jobs.support.StompFollower;
import nnlab.jobs.support.WebSocketHandshake;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * By default only the server's own pages may open /ws: a page of another site (its browser sends that site's
 * Origin) is refused at the handshake, so it cannot follow jobs with a visitor's cookies. Clients that send no
 * Origin (scripts, not browsers) connect as before.
 */
class WebSocketOriginsIT extends LiveServer {

    @Test
    void anotherSitesPageIsRefusedTheServersOwnIsNot() {
        WebSocketHandshake ws = new WebSocketHandshake(port);
        assertThat(ws.status("https://elsewhere.example")).isEqualTo(403);
        assertThat(ws.status("http://localhost:" + (port + 1))).isEqualTo(403);
        assertThat(ws.status("http://localhost:" + port)).isEqualTo(101);
        assertThat(ws.status(null)).isEqualTo(101);

        // a same-origin STOMP session does what a page does: follow a job to its end
        String job = api.submit(Specs.spiral(3, "\"startPaused\": true"));
        WebSocketHttpHeaders page = new WebSocketHttpHeaders();
        page.setOrigin("http://localhost:" + port);
        try (StompFollower follower = new StompFollower(port, page)) {
            StompFollower.Followed followed = follower.follow(job);
            assertThat(followed.snapshot().get("history")).isEmpty();
            assertThat(api.post("/api/jobs/" + job + "/resume", "").status()).isEqualTo(200);
            List<JsonNode> messages = followed.topic().until(StompFollower.finalStatus(), Duration.ofSeconds(60));
            assertThat(epochs(messages)).containsExactly(1, 2, 3);
        }
    }
}
