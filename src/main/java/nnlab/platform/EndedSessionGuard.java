package nnlab.platform;

import java.util.Map;
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
 * forgotten the session then and would log a stack trace for a routine event. A frame being handled and the
 * session's end take turns (one lock per session), so a frame cannot pass the check and then meet a session
 * that ended while it was on its way to STOMP's handler.
 */
final class EndedSessionGuard extends WebSocketHandlerDecorator {

    private static final Logger log = LoggerFactory.getLogger(EndedSessionGuard.class);

    /** The open sessions' ids, each with the lock its frames and its end take turns on. */
    private final Map<String, Object> open = new ConcurrentHashMap<>();

    EndedSessionGuard(WebSocketHandler delegate) {
        super(delegate);
    }

    @Override
    public void afterConnectionEstablished(WebSocketSession session) throws Exception {
        open.put(session.getId(), new Object());
        super.afterConnectionEstablished(session);
    }

    @Override
    public void handleMessage(WebSocketSession session, WebSocketMessage<?> message) throws Exception {
        Object turn = open.get(session.getId());
        if (turn != null) {
            synchronized (turn) {
                if (open.containsKey(session.getId())) {
                    super.handleMessage(session, message);
                    return;
                }
            }
        }
        log.debug("WebSocket session {}: frame after the session ended, dropped", session.getId());
    }

    @Override
    public void afterConnectionClosed(WebSocketSession session, CloseStatus closeStatus) throws Exception {
        Object turn = open.get(session.getId());
        if (turn != null) {
            synchronized (turn) {
                open.remove(session.getId());
            }
        }
        super.afterConnectionClosed(session, closeStatus);
    }
}
