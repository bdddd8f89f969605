package nnlab.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Locale;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests to the WebSocket endpoint {@code /ws} that are no WebSocket handshake (a plain GET, a POST, a
 * handshake without its key or with another protocol version) get a problem naming what is missing,
 * instead of the handshake handler's bare status or text.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 20)
public class WebSocketRequests extends OncePerRequestFilter {

    static final String ENDPOINT = "/ws";

    private final ErrorReplies replies;

    public WebSocketRequests(ErrorReplies replies) {
        this.replies = replies;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !ENDPOINT.equals(request.getRequestURI());
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String missing = missing(request);
        if (missing == null) {
            chain.doFilter(request, response);
            return;
        }
        int status = request.getMethod().equals("GET") ? 400 : 405;
        if (status == 405) response.setHeader(HttpHeaders.ALLOW, "GET");
        ProblemDetail problem = ErrorReplies.problem(status, "this address takes WebSocket connections (STOMP) only: "
                + missing);
        replies.write(request, response, problem);
    }

    /** What the request lacks to be a WebSocket handshake (RFC 6455, version 13), or null. */
    static String missing(HttpServletRequest request) {
        if (!request.getMethod().equals("GET")) return "a handshake is a GET request";
        if (!"websocket".equalsIgnoreCase(header(request, HttpHeaders.UPGRADE))) {
            return "the request must carry 'Upgrade: websocket'";
        }
        if (!header(request, HttpHeaders.CONNECTION).toLowerCase(Locale.ROOT).contains("upgrade")) {
            return "the request must carry 'Connection: Upgrade'";
        }
        if (header(request, "Sec-WebSocket-Key").isBlank()) return "the request must carry a Sec-WebSocket-Key";
        if (!"13".equals(header(request, "Sec-WebSocket-Version"))) {
            return "the request must carry 'Sec-WebSocket-Version: 13'";
        }
        return null;
    }

    private static String header(HttpServletRequest request, String name) {
        String value = request.getHeader(name);
        return value == null ? "" : value.strip();
    }
}
