package nnlab.identity;

import java.security.Principal;
import java.util.Map;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.server.support.DefaultHandshakeHandler;

/**
 * Gives each WebSocket session the caller of its handshake request, anonymous callers included (the
 * servlet request hides those), so that {@link StompAccess} can check every subscription.
 */
@Component
public class PersonHandshakeHandler extends DefaultHandshakeHandler {

    @Override
    protected Principal determineUser(ServerHttpRequest request, WebSocketHandler handler,
                                      Map<String, Object> attributes) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        return current != null ? current : super.determineUser(request, handler, attributes);
    }
}
