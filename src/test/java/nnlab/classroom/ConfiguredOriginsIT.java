package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import nnlab.classroom.support.TightServer;
import nnlab.jobs.support.WebSocketHandshake;
import org.junit.jupiter.api.Test;

/** With {@code nnlab.live.allowed-origins} set, pages of those sites may open /ws as well as the server's own. */
class ConfiguredOriginsIT extends TightServer {

    @Test
    void listedOriginsAndPatternsMayConnectOthersMayNot() {
        WebSocketHandshake ws = new WebSocketHandshake(port);
        assertThat(ws.status("https://projector.example.org")).isEqualTo(101);
        assertThat(ws.status("https://room-12.school.example")).isEqualTo(101);
        assertThat(ws.status("http://localhost:" + port)).isEqualTo(101);
        assertThat(ws.status("https://projector.example.org.evil.example")).isEqualTo(403);
        assertThat(ws.status("https://elsewhere.example")).isEqualTo(403);
    }
}
