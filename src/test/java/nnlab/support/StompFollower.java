package nnlab.support;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.ContainerProvider;
import jakarta.websocket.WebSocketContainer;
import java.io.IOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.springframework.messaging.simp.stomp.StompCommand;
import org.springframework.messaging.simp.stomp.StompFrameHandler;
import org.springframework.messaging.simp.stomp.StompHeaders;
import org.springframework.messaging.simp.stomp.StompSession;
import org.springframework.messaging.simp.stomp.StompSessionHandlerAdapter;
import org.springframework.web.socket.WebSocketHttpHeaders;
import org.springframework.web.socket.client.standard.StandardWebSocketClient;
import org.springframework.web.socket.messaging.WebSocketStompClient;

/** A real STOMP client over WebSocket (Spring's), collecting what a destination sends. */
public final class StompFollower implements AutoCloseable {

    private final WebSocketStompClient client;
    private final StompSession session;

    /** Frames of type ERROR and transport failures: what the server said when it refused something. */
    private final LinkedBlockingQueue<String> errors = new LinkedBlockingQueue<>();

    public StompFollower(int port) {
        this(port, new WebSocketHttpHeaders());
    }

    /** @param handshake headers of the WebSocket handshake, such as a Cookie or an Authorization */
    public StompFollower(int port, WebSocketHttpHeaders handshake) {
        WebSocketContainer container = ContainerProvider.getWebSocketContainer();
        container.setDefaultMaxTextMessageBufferSize(8 * 1024 * 1024);
        container.setDefaultMaxBinaryMessageBufferSize(8 * 1024 * 1024);
        client = new WebSocketStompClient(new StandardWebSocketClient(container));
        client.setInboundMessageSizeLimit(8 * 1024 * 1024);
        try {
            session = client.connectAsync("ws://localhost:" + port + "/ws", handshake, new StompSessionHandlerAdapter() {
                        @Override
                        public Type getPayloadType(StompHeaders headers) {
                            return byte[].class;
                        }

                        @Override
                        public void handleFrame(StompHeaders headers, Object payload) {
                            errors.add(String.valueOf(headers.getFirst("message")));
                        }

                        @Override
                        public void handleException(StompSession s, StompCommand command, StompHeaders headers,
                                                    byte[] payload, Throwable e) {
                            errors.add("exception on " + command + ": " + e);
                        }

                        @Override
                        public void handleTransportError(StompSession s, Throwable e) {
                            errors.add("transport: " + e);
                        }
                    }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("STOMP connect failed", e);
        }
    }

    /** Subscribes and returns the queue its messages arrive in, parsed as JSON. */
    public Subscription subscribe(String destination) {
        Subscription s = new Subscription();
        session.subscribe(destination, new StompFrameHandler() {
            @Override
            public Type getPayloadType(StompHeaders h) {
                return byte[].class;
            }

            @Override
            public void handleFrame(StompHeaders h, Object payload) {
                try {
                    s.messages.add(Api.JSON.readTree((byte[]) payload));
                } catch (IOException e) {
                    s.messages.add(Api.JSON.getNodeFactory().textNode("unparseable: " + e));
                }
            }
        });
        return s;
    }

    /**
     * What a page does to follow a job: subscribe to its topic, then ask for the snapshot (status and
     * history). The server handles a session's frames in order, so once the snapshot is here the topic
     * subscription is in place.
     */
    public Followed follow(String jobId) {
        Subscription topic = subscribe("/topic/jobs/" + jobId);
        JsonNode snapshot = subscribe("/app/jobs/" + jobId).next(Duration.ofSeconds(10));
        return new Followed(topic, snapshot);
    }

    /**
     * The error the server sent (an ERROR frame's message), or null if none came in time. The socket
     * closing after an ERROR frame may be reported before the frame is handled, so transport errors are
     * passed over while an ERROR frame may still come; the first of them is the answer when none does.
     */
    public String error(Duration timeout) {
        long end = System.nanoTime() + timeout.toNanos();
        String transport = null;
        try {
            while (true) {
                long left = end - System.nanoTime();
                String e = left > 0 ? errors.poll(left, TimeUnit.NANOSECONDS) : null;
                if (e == null) return transport;
                if (!e.startsWith("transport: ")) return e;
                if (transport == null) {
                    transport = e;
                    end = Math.min(end, System.nanoTime() + TimeUnit.SECONDS.toNanos(2));
                }
            }
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Sends a SEND frame with a text body, as a page's grant of epochs to a paced job. */
    public void send(String destination, String body) {
        StompHeaders headers = new StompHeaders();
        headers.setDestination(destination);
        headers.setContentType(org.springframework.util.MimeTypeUtils.APPLICATION_JSON);
        session.send(headers, body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public boolean connected() {
        return session.isConnected();
    }

    public record Followed(Subscription topic, JsonNode snapshot) {
    }

    public static final class Subscription {
        final LinkedBlockingQueue<JsonNode> messages = new LinkedBlockingQueue<>();

        public JsonNode next(Duration timeout) {
            try {
                JsonNode m = messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
                if (m == null) throw new AssertionError("no message within " + timeout);
                return m;
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /** Null if nothing arrives in time. */
        public JsonNode poll(Duration timeout) {
            try {
                return messages.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
        }

        /** Collects messages until one matches (inclusive). */
        public List<JsonNode> until(Predicate<JsonNode> last, Duration timeout) {
            List<JsonNode> got = new ArrayList<>();
            long end = System.nanoTime() + timeout.toNanos();
            while (true) {
                long left = end - System.nanoTime();
                if (left <= 0) throw new AssertionError("timed out; got " + got.size() + " messages, last " +
                        (got.isEmpty() ? null : got.get(got.size() - 1)));
                JsonNode m = poll(Duration.ofNanos(left));
                if (m == null) continue;
                got.add(m);
                if (last.test(m)) return got;
            }
        }
    }

    public static Predicate<JsonNode> finalStatus() {
        return m -> m.path("type").asText().equals("status") && List.of("SUCCEEDED", "FAILED", "CANCELLED",
                "INTERRUPTED").contains(m.path("status").asText());
    }

    public static Predicate<JsonNode> status(String status) {
        return m -> m.path("type").asText().equals("status") && m.path("status").asText().equals(status);
    }

    @Override
    public void close() {
        try {
            session.disconnect();
        } catch (RuntimeException e) {
            // already gone
        }
        client.stop();
    }
}
