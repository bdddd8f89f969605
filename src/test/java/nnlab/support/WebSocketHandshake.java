package nnlab.support;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** Opens /ws the way a page of some site would, with its {@code Origin} header, and tells how the server answered. */
public final class WebSocketHandshake {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final URI uri;

    public WebSocketHandshake(int port) {
        this.uri = URI.create("ws://localhost:" + port + "/ws");
    }

    /** 101 when the WebSocket opened (it is closed again at once), else the handshake's HTTP status. */
    public int status(String origin) {
        return status(origin, Map.of());
    }

    /** The same, with more headers on the handshake (as a reverse proxy adds {@code X-Forwarded-*}). */
    public int status(String origin, Map<String, String> headers) {
        WebSocket.Builder b = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10));
        if (origin != null) b.header("Origin", origin);
        headers.forEach(b::header);
        try {
            WebSocket ws = b.buildAsync(uri, new WebSocket.Listener() { }).get(20, TimeUnit.SECONDS);
            ws.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(10, TimeUnit.SECONDS);
            return 101;
        } catch (ExecutionException e) {
            if (e.getCause() instanceof WebSocketHandshakeException h) return h.getResponse().statusCode();
            throw new AssertionError("handshake failed", e);
        } catch (Exception e) {
            throw new AssertionError("handshake failed", e);
        }
    }
}
