package nnlab.jobs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
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
 * from the client unless it asked for one itself. Until its snapshot is taken, the first live epoch the broker
 * sends the session on that subscription is noted: the snapshot's history must reach the one before it.
 */
@Component
public class SubscriptionReceipts implements InboundStompInterceptor, OutboundStompInterceptor {

    private static final Logger log = LoggerFactory.getLogger(SubscriptionReceipts.class);
    private static final String OURS = "nnlab-subscribed-";
    static final long WAIT_MILLIS = 5000;

    private record Key(String session, String jobId) {
    }

    private record Subscription(String session, String id) {
    }

    private final boolean relayed;
    private final Map<Key, CompletableFuture<Void>> confirmed = new ConcurrentHashMap<>();
    private final Map<String, Key> byReceipt = new ConcurrentHashMap<>();
    /** The job topic subscriptions whose snapshot is not taken yet, and their first live epoch. */
    private final Map<Subscription, Key> bySubscription = new ConcurrentHashMap<>();
    private final Map<Key, CompletableFuture<Integer>> firstLive = new ConcurrentHashMap<>();
    private final ObjectMapper json;

    public SubscriptionReceipts(RelayProperties relay, ObjectMapper json) {
        this.relayed = relay.enabled();
        this.json = json;
    }

    @Override
    public Message<?> preSend(Message<?> message, MessageChannel channel) {
        if (!relayed) return message;
        StompHeaderAccessor stomp = MessageHeaderAccessor.getAccessor(message, StompHeaderAccessor.class);
        if (stomp == null) return message;
        if (stomp.getCommand() == StompCommand.RECEIPT) return received(message, stomp);
        if (stomp.getCommand() == StompCommand.MESSAGE) {
            live(message, stomp);
            return message;
        }
        if (stomp.getCommand() != StompCommand.SUBSCRIBE || stomp.getSessionId() == null
                || !(LiveDestination.parse(stomp.getDestination()).orElse(null) instanceof LiveDestination.JobTopic t)) {
            return message;
        }
        Key key = new Key(stomp.getSessionId(), t.jobId());
        confirmed.put(key, new CompletableFuture<>());
        // only a relayed snapshot is taken up to the first live epoch (without a broker it is taken in step)
        if (relayed) {
            firstLive.put(key, new CompletableFuture<>());
            if (stomp.getSubscriptionId() != null) {
                bySubscription.put(new Subscription(stomp.getSessionId(), stomp.getSubscriptionId()), key);
            }
        }
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

    /** Notes the first live epoch of a job topic subscription whose snapshot is not taken yet. */
    private void live(Message<?> message, StompHeaderAccessor stomp) {
        if (bySubscription.isEmpty() || stomp.getSessionId() == null || stomp.getSubscriptionId() == null) return;
        Key key = bySubscription.get(new Subscription(stomp.getSessionId(), stomp.getSubscriptionId()));
        CompletableFuture<Integer> first = key == null ? null : firstLive.get(key);
        if (first == null || first.isDone() || !(message.getPayload() instanceof byte[] body)) return;
        try {
            JsonNode m = json.readTree(body);
            if ("epoch".equals(m.path("type").asText())) first.complete(m.path("epoch").asInt());
        } catch (IOException e) {
            // not a job message: nothing to note
        }
    }

    /**
     * The first live epoch the broker sent this session on its subscription to the job's topic (completed when it
     * comes); a future never completed when the session made no such subscription.
     */
    CompletableFuture<Integer> firstLive(String session, String jobId) {
        CompletableFuture<Integer> first = session == null ? null : firstLive.get(new Key(session, jobId));
        return first != null ? first : new CompletableFuture<>();
    }

    /** The session's snapshot of the job is taken: its live epochs need no more noting. */
    void snapshotTaken(String session, String jobId) {
        if (session == null) return;
        Key key = new Key(session, jobId);
        firstLive.remove(key);
        bySubscription.values().removeIf(key::equals);
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
        firstLive.keySet().removeIf(k -> k.session().equals(session));
        bySubscription.keySet().removeIf(k -> k.session().equals(session));
    }
}
