package nnlab.jobs.web;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import nnlab.platform.InboundStompInterceptor;
import nnlab.platform.OutboundStompInterceptor;
import nnlab.platform.RelayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.messaging.Message;
import org.springframework.messaging.MessageChannel;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompHeaderAccessor;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.messaging.support.MessageHeaderAccessor;
import org.springframework.stereotype.Component;
import org.springframework.web.socket.messaging.SessionDisconnectEvent;

/**
 * With a shared broker, a client's SUBSCRIBE to a job's topic travels to the broker while its snapshot request
 * ({@code /app/jobs/{id}}) is answered here: the snapshot waits until the broker confirmed the subscription, so
 * that no epoch is published in between. Each such SUBSCRIBE asks the broker for a receipt, which is kept
 * from the client unless it asked for one itself.
 */
@Component
public class SubscriptionReceipts implements InboundStompInterceptor, OutboundStompInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionReceipts.class);
    private static final String OURS = "nnlab-subscribed-";
    static final long WAIT_MILLIS = 5000;

    private record Key(String session, String jobId) {
    }

    private final boolean relayed;
    private final Map<Key, CompletableFuture<Void>> confirmed = new ConcurrentHashMap<>();
    private final Map<String, Key> byReceipt = new ConcurrentHashMap<>();

    public SubscriptionReceipts(RelayProperties relay) {
        this.relayed = relay.enabled();
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (!relayed) return message;
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null) return message;
        if (stomp.getCommand() == StompCommand.RECEIPT) return received(message, stomp);
        if (stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getSessionId() == null
                || !(LiveDestination.parse(stomp.getDestination()).orElse(null) instanceof LiveDestination.JobTopic t)) {
            return message;
        }
        Key key = new Key(stomp.getSessionId(), t.jobId());
        confirmed.put(key, new CompletableFuture<>());
        String receipt = stomp.getReceipt();
        if (receipt != null) {
            byReceipt.put(receipt, key);
            return message;
        }
        StompHeaderAccessor asking = StompHeaderAccessor.wrap(message);
        receipt = OURS + UUID.randomUUID();
        asking.setReceipt(receipt);
        byReceipt.put(receipt, key);
        return MessageBuilder.createMessage(message.getPayload(), asking.getMessageHeaders());
    }

    private Message<?> received(Message<?> message, StompHeaderAccessor stomp) {
        String receipt = stomp.getReceiptId();
        Key key = receipt == null ? null : byReceipt.remove(receipt);
        if (key != null) {
            CompletableFuture<Void> done = confirmed.get(key);
            if (done != null) done.complete(null);
        }
        return receipt != null && receipt.startsWith(OURS) ? null : message;
    }

    /** Waits until the broker confirmed this session's subscription to the job's topic, if it made one. */
    void awaitSubscribed(String session, String jobId) {
        if (!relayed || session == null) return;
        CompletableFuture<Void> done = confirmed.get(new Key(session, jobId));
        if (done == null) return;
        try {
            done.get(WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            log.warn("the broker did not confirm session {}'s subscription to job {} in {} ms", session, jobId,
                    WAIT_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @EventListener
    public void disconnected(SessionDisconnectEvent event) {
        String session = event.getSessionId();
        confirmed.keySet().removeIf(k -> k.session().equals(session));
        byReceipt.values().removeIf(k -> k.session().equals(session));
    }
}
