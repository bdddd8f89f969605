package nnlab.classroom;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import nnlab.support.TightServer;
import nnlab.support.WebSocketHandshake;
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

    /**
     * Behind a proxy that terminates HTTPS for https://nnlab.example.org and passes on where the request came to
     * ({@code server.forward-headers-strategy=native}), the server's own pages are same-origin without being listed.
     */
    @Test
    void behindAReverseProxyThePublicAddressIsTheServersOwn() {
        WebSocketHandshake ws = new WebSocketHandshake(port);
        var proxied = Map.of("X-Forwarded-Proto", "https", "X-Forwarded-Host", "nnlab.example.org");
        assertThat(ws.status("https://nnlab.example.org", proxied)).isEqualTo(101);
        assertThat(ws.status("https://elsewhere.example", proxied)).isEqualTo(403);
        assertThat(ws.status("http://nnlab.example.org", proxied)).isEqualTo(403);
    }
}
