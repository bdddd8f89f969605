package nnlab.platform;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.socket.CloseStatus;
import org.springframework.web.socket.WebSocketHandler;
import org.springframework.web.socket.WebSocketMessage;
import org.springframework.web.socket.WebSocketSession;
import org.springframework.web.socket.handler.WebSocketHandlerDecorator;

/**
 * Drops frames that arrive after the server ended their session, for instance a DISCONNECT a client sends
 * once its subscription was refused while the server was closing the socket: STOMP's handler has already
 * forgotten the session then and would log a stack trace for a routine event.
 */
final class EndedSessionGuard extends WebSocketHandlerDecorator {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionGuard.class);

    private final Set<String> open = ConcurrentHashMap.newKeySet();

    EndedSessionGuard(WebSocketHandler delegate) {
        super(delegate);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        open.add(session.getId());
        super.afterConnectionEstablished(session);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        if (open.contains(session.getId())) {
            super.handleMessage(session, message);
        } else {
            log.debug("WebSocket session {}: frame after the session ended, dropped", session.getId());
        }
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        open.remove(session.getId());
        super.afterConnectionClosed(session, closeStatus);
    }
}
