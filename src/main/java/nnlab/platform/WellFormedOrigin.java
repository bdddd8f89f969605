package nnlab.platform;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.HandshakeInterceptor;

/**
 * Refuses (403) a WebSocket handshake whose {@code Origin} is not an origin a browser sends for a web page:
 * {@code http} or {@code https}, a host name or IP address, an optional port, nothing else. Runs before
 * Spring's check of allowed origins, which would otherwise fail on a malformed one with a server error.
 * Requests without an Origin (scripts, not browsers) pass on to that check as before.
 */
final class WellFormedOrigin implements HandshakeInterceptor {

    private static final Logger log = LoggerFactory.getLogger(WellFormedOrigin.class);

    private static final int MAX_LENGTH = 300;
    private static final String LABEL = "[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?";
    private static final Pattern ORIGIN = Pattern.compile(
            "https?://(?:" + LABEL + "(?:\\." + LABEL + ")*|\\[[0-9A-Fa-f:.]{2,45}\\])(?::(?<port>[0-9]{1,5}))?");

    static boolean isWellFormed(String origin) {
        if (origin.length() > MAX_LENGTH) return false;
        var m = ORIGIN.matcher(origin);
        if (!m.matches()) return false;
        String port = m.group("port");
        return port == null || (Integer.parseInt(port) >= 1 && Integer.parseInt(port) <= 65535);
    }

    @Override
    public boolean beforeHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                                   Map<String, Object> attributes) {
        List<String> origins = request.getHeaders().getOrDefault(HttpHeaders.ORIGIN, List.of());
        if (origins.isEmpty()) return true;
        if (origins.size() == 1 && isWellFormed(origins.get(0))) return true;
        log.debug("WebSocket handshake refused: malformed Origin");
        response.setStatusCode(HttpStatus.FORBIDDEN);
        return false;
    }

    @Override
    public void afterHandshake(ServerHttpRequest request, ServerHttpResponse response, WebSocketHandler handler,
                               Exception exception) {
    }
}
