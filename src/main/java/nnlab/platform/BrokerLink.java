package nnlab.platform;

import java.lang.reflect.Type;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.converter.SimpleMessageConverter;
import org.springframework.messaging.simp.stomp.ReactorNettyTcpStompClient;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;
import org.springframework.stereotype.Component;

/**
 * This instance's own connection to the shared broker (only with {@code nnlab.live.relay.address}): for
 * subscriptions the server itself needs (a job's messages for the SSE streams it serves, what other instances
 * tell) and for what it tells them. A subscription is ready once the broker confirmed it (a STOMP receipt):
 * from then on nothing published is missed. The connection is made again when it drops; its subscriptions
 * are made again with it.
 */
@Component
public class BrokerLink implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(BrokerLink.class);
    private static final long RETRY_MILLIS = 2000;

    /** A subscription: its destination, what handles its messages, and when the broker confirmed it. */
    private record Wanted(String destination, BiConsumer<StompHeaders, byte[]> handler,
                          CompletableFuture<Void> ready) {
    }

    private final RelayProperties relay;
    /** This instance's name on the broker, for answers meant for it alone. */
    private final String instance = UUID.randomUUID().toString();
    private final Map<String, Wanted> wanted = new ConcurrentHashMap<>();
    private final Map<String, StompSession.Subscription> active = new ConcurrentHashMap<>();
    private ReactorNettyTcpStompClient client;
    private ThreadPoolTaskScheduler scheduler;
    private volatile StompSession session;
    private volatile boolean running;

    public BrokerLink(RelayProperties relay) {
        this.relay = relay;
    }

    public boolean enabled() {
        return relay.enabled();
    }

    public String instance() {
        return instance;
    }

    /**
     * Subscribes until {@link #unsubscribe}; the future completes when the broker confirmed the subscription.
     * @return a key for {@link #unsubscribe}
     */
    public String subscribe(String destination, BiConsumer<StompHeaders, byte[]> handler,
                            CompletableFuture<Void> ready) {
        String key = UUID.randomUUID().toString();
        Wanted w = new Wanted(destination, handler, ready);
        wanted.put(key, w);
        StompSession s = session;
        if (s != null && s.isConnected()) open(s, key, w);
        return key;
    }

    public void unsubscribe(String key) {
        wanted.remove(key);
        StompSession.Subscription sub = active.remove(key);
        if (sub != null) {
            try {
                sub.unsubscribe();
            } catch (RuntimeException e) {
                // the connection is gone: so is the subscription
            }
        }
    }

    /** Sends to every subscriber of the destination, on any instance; false when not connected. */
    public boolean send(String destination, Map<String, String> headers, byte[] body) {
        StompSession s = session;
        if (s == null || !s.isConnected()) return false;
        StompHeaders h = new StompHeaders();
        headers.forEach(h::set);
        h.setDestination(BrokerDestinations.toBroker(destination));
        try {
            s.send(h, body);
            return true;
        } catch (RuntimeException e) {
            log.debug("could not send to {}: {}", destination, e.toString());
            return false;
        }
    }

    private synchronized void open(StompSession s, String key, Wanted w) {
        if (active.containsKey(key) || !wanted.containsKey(key)) return;
        StompHeaders headers = new StompHeaders();
        headers.setDestination(BrokerDestinations.toBroker(w.destination()));
        try {
            StompSession.Subscription sub = s.subscribe(headers, new StompFrameHandler() {
                @Override
                public Type getPayloadType(StompHeaders h) {
                    return byte[].class;
                }

                @Override
                public void handleFrame(StompHeaders received, Object payload) {
                    StompHeaders h = new StompHeaders(); // the received ones are read-only
                    h.putAll(received);
                    h.setDestination(BrokerDestinations.fromBroker(received.getDestination()));
                    try {
                        w.handler().accept(h, (byte[]) payload);
                    } catch (RuntimeException e) {
                        log.warn("a message from {} could not be handled: {}", w.destination(), e.toString());
                    }
                }
            });
            sub.addReceiptTask(() -> w.ready().complete(null));
            sub.addReceiptLostTask(() -> log.warn("the broker did not confirm the subscription to {}", w.destination()));
            active.put(key, sub);
        } catch (RuntimeException e) {
            log.debug("could not subscribe to {}: {}", w.destination(), e.toString());
        }
    }

    private void connect() {
        if (!running) return;
        StompHeaders connect = new StompHeaders();
        connect.setLogin(relay.login());
        connect.setPasscode(relay.passcode());
        client.connectAsync(connect, new StompSessionHandlerAdapter() {
            @Override
            public void afterConnected(StompSession s, StompHeaders connected) {
                s.setAutoReceipt(true);
                synchronized (BrokerLink.this) {
                    session = s;
                    active.clear();
                }
                wanted.forEach((key, w) -> open(s, key, w));
                log.info("connected to the STOMP broker at {}", relay.address());
            }

            @Override
            public void handleException(StompSession s, StompCommand command, StompHeaders headers, byte[] payload,
                                        Throwable e) {
                log.warn("STOMP broker frame could not be handled: {}", e.toString());
            }

            @Override
            public void handleTransportError(StompSession s, Throwable e) {
                if (!s.isConnected()) reconnectLater();
            }
        }).whenComplete((s, e) -> {
            if (e != null) {
                log.warn("could not connect to the STOMP broker at {}: {}", relay.address(), e.toString());
                reconnectLater();
            }
        });
    }

    private void reconnectLater() {
        session = null;
        if (running) scheduler.schedule(this::connect, java.time.Instant.now().plusMillis(RETRY_MILLIS));
    }

    @Override
    public synchronized void start() {
        if (!relay.enabled()) {
            running = true;
            return;
        }
        scheduler = new ThreadPoolTaskScheduler();
        scheduler.setThreadNamePrefix("nnlab-broker-link-");
        scheduler.setDaemon(true);
        scheduler.initialize();
        client = new ReactorNettyTcpStompClient(relay.host(), relay.port());
        client.setMessageConverter(new SimpleMessageConverter()); // bodies as bytes, whatever their content type
        client.setTaskScheduler(scheduler);
        client.setReceiptTimeLimit(TimeUnit.SECONDS.toMillis(15));
        running = true;
        connect();
    }

    @Override
    public synchronized void stop() {
        running = false;
        StompSession s = session;
        session = null;
        if (s != null) {
            try {
                s.disconnect();
            } catch (RuntimeException e) {
                // gone already
            }
        }
        if (client != null) client.shutdown();
        if (scheduler != null) scheduler.shutdown();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Connected before the live publisher and the job service start, closed after they stop. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4096;
    }
}
