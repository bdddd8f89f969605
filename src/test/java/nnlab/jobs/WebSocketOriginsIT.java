package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.LogWatch;
import nnlab.support.Specs;
import nnlab.support.StompFollower;
import nnlab.support.WebSocketHandshake;
import org.junit.jupiter.api.Test;
import org.springframework.web.socket.WebSocketHttpHeaders;

/**
 * By default only the server's own pages may open /ws: a page of another site (its browser sends that site's
 * Origin) is refused at the handshake, so it cannot follow jobs with a visitor's cookies. Clients that send no
 * Origin (scripts, not browsers) connect as before. A malformed Origin is refused too, as a routine event.
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

    @Test
    void aMalformedOriginIsRefusedWithoutAStackTrace() {
        WebSocketHandshake ws = new WebSocketHandshake(port);
        try (LogWatch log = new LogWatch()) {
            for (String origin : List.of("http://127.0.0.1:" + port + ".evil.example", "http://localhost:" + port + ".evil.example",
                    "null", "file://", "ftp://localhost:" + port, "javascript:alert(1)", "http://localhost:" + port + "/path",
                    "http://user@localhost:" + port, "http://localhost:99999", "http://[::1", "http://%6cocalhost:" + port,
                    "http://localhost:" + port + ", https://elsewhere.example",
                    "http://" + "a".repeat(4000) + ".example", "http://bücher.example", "http://localhost:" + port + "\u00e9")) {
                assertThat(ws.status(origin)).as(origin.length() > 80 ? origin.substring(0, 80) + "…" : origin).isEqualTo(403);
            }
            assertThat(ws.status("https://elsewhere.example")).isEqualTo(403); // well formed, but another site
            assertThat(ws.status("http://localhost:" + port)).isEqualTo(101);
            Api.sleep(500);
            assertThat(log.stackTraces()).isEmpty();
        }
    }

    /** A client that goes away without closing its WebSocket is routine: nothing is logged with a stack trace. */
    @Test
    void aClientThatDropsItsSocketLogsNoStackTrace() throws Exception {
        try (LogWatch log = new LogWatch()) {
            for (int i = 0; i < 5; i++) {
                WebSocket ws = HttpClient.newHttpClient().newWebSocketBuilder()
                        .buildAsync(URI.create("ws://localhost:" + port + "/ws"), new WebSocket.Listener() { })
                        .get(10, TimeUnit.SECONDS);
                ws.sendText("CONNECT\naccept-version:1.2\nhost:localhost\n\n\u0000", true).get(10, TimeUnit.SECONDS);
                ws.sendText("SUBSCRIBE\nid:0\ndestination:/topic/jobs/" + java.util.UUID.randomUUID() + "\n\n\u0000", true)
                        .get(10, TimeUnit.SECONDS);
                ws.abort();
            }
            Api.sleep(1000);
            assertThat(log.stackTraces()).isEmpty();
        }
    }
}
