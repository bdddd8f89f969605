package nnlab.identity;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nnlab.platform.OutboundStompInterceptor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.MessageHandler;
import org.springframework.messaging.MessageHeaders;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.ExecutorChannelInterceptor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * Delivers {@link StompAccess}'s ERROR frames whole. Spring closes a session right after writing its ERROR frame;
 * if another thread is still writing to the session at that moment (the broker relay's CONNECTED, a message of an
 * earlier subscription), the frame waits in the session's buffer and the close drops it, so the client sees only
 * the connection end. Here a refused session gets nothing more from the broker, and its ERROR frame leaves once the
 * frames already on their way to it are written.
 */
@Component
class RefusalFrames implements OutboundStompInterceptor, ExecutorChannelInterceptor {

    private static final String REFUSAL = "nnlabRefusal";
    private static final long LONGEST_WAIT_SECONDS = 2;

    private static final class Session {
        /** Frames past this interceptor and not yet written (or dropped). */
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicBoolean refused = new AtomicBoolean();
        final AtomicReference<Message<?>> error = new AtomicReference<>();
    }

    private final Map<String, Session> sessions = new ConcurrentHashMap<>();
    private final ObjectProvider<MessageChannel> clientOutbound;

    RefusalFrames(@Qualifier("clientOutboundChannel") ObjectProvider<MessageChannel> clientOutbound) {
        this.clientOutbound = clientOutbound;
    }

    /** Ends the session with an ERROR frame giving the reason, once what is being written to it is written. */
    void refuse(String sessionId, String reason, String receipt) {
        StompHeaderAccessor error = StompHeaderAccessor.create(StompCommand.ERROR);
        error.setMessage(reason);
        error.setSessionId(sessionId);
        if (receipt != null) error.setReceiptId(receipt);
        error.setHeader(REFUSAL, Boolean.TRUE);
        Message<byte[]> frame = MessageBuilder.createMessage(new byte[0], error.getMessageHeaders());
        Session s = sessionId == null ? null : sessions.get(sessionId);
        if (s == null) {
            clientOutbound.getObject().send(frame);
            return;
        }
        s.error.compareAndSet(null, frame);
        s.refused.set(true);
        deliverIfIdle(s);
        // a frame stuck on its way (a client that reads nothing) does not keep the session open
        CompletableFuture.delayedExecutor(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS).execute(() -> deliver(s));
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        MessageHeaders headers = message.getHeaders();
        String id = SimpMessageHeaderAccessor.getSessionId(headers);
        if (id == null) return message;
        Session s = sessions.get(id);
        if (s == null) {
            // a session is followed from its first frame, the answer to its CONNECT, until it ends
            boolean first = SimpMessageHeaderAccessor.getMessageType(headers) == SimpMessageType.CONNECT_ACK
                    || StompHeaderAccessor.wrap(message).getCommand() == StompCommand.CONNECTED;
            if (!first) return message;
            s = sessions.computeIfAbsent(id, k -> new Session());
        }
        // counted before the check, so that a refusal seeing none in flight sees every later frame dropped
        s.inFlight.incrementAndGet();
        if (s.refused.get() && headers.get(REFUSAL) == null) {
            done(s);
            return null;
        }
        return message;
    }

    @Override
    public void afterSendCompletion(Message<?> message, MessageChannel channel, boolean sent, Exception ex) {
        if (!sent || ex != null) done(session(message)); // never handed to the session: no longer on its way
    }

    @Override
    public void afterMessageHandled(Message<?> message, MessageChannel channel, MessageHandler handler,
                                    Exception ex) {
        done(session(message));
    }

    @EventListener
    public void disconnected(SessionDisconnectEvent event) {
        sessions.remove(event.getSessionId());
    }

    private Session session(Message<?> message) {
        String id = SimpMessageHeaderAccessor.getSessionId(message.getHeaders());
        return id == null ? null : sessions.get(id);
    }

    private void done(Session s) {
        if (s != null && s.inFlight.updateAndGet(n -> Math.max(0, n - 1)) == 0) deliverIfIdle(s);
    }

    private void deliverIfIdle(Session s) {
        if (s.inFlight.get() == 0) deliver(s);
    }

    private void deliver(Session s) {
        Message<?> error = s.error.getAndSet(null);
        if (error != null) clientOutbound.getObject().send(error);
    }
}
