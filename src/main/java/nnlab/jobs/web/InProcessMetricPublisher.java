package nnlab.jobs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import nnlab.jobs.JobMessage;
import nnlab.jobs.MetricPublisher;
import nnlab.platform.RelayProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.simp.SimpMessageType;
import org.springframework.messaging.simp.SimpMessagingTemplate;
import org.springframework.messaging.support.MessageBuilder;
import org.springframework.stereotype.Component;
import org.springframework.util.MimeTypeUtils;

/**
 * Publishes on this instance (to the shared broker through the relay, when there is one): training threads put messages in a bounded queue and go on; one
 * dispatcher thread serialises each message once and hands it to the STOMP broker (topic
 * {@code /topic/jobs/{id}}) and to the SSE streams. Neither blocks on a subscriber: the broker gives
 * each WebSocket session its own bounded buffer, the SSE streams each subscriber its own queue. Only
 * when the dispatcher itself is {@value #CAPACITY} messages behind does a training thread wait (so no
 * epoch is dropped silently). Each STOMP message carries the time it was published, in microseconds
 * since 1970 (header {@value #PUBLISHED_AT}), so a client can measure how long it took to arrive.
 */
@Component
public class InProcessMetricPublisher implements MetricPublisher, SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(InProcessMetricPublisher.class);
    static final int CAPACITY = 10_000;
    public static final String PUBLISHED_AT = "nnlab-published-at";

    private record Pending(JobMessage message, long publishedMicros) {
    }

    private final BlockingQueue<Pending> queue = new ArrayBlockingQueue<>(CAPACITY);
    private final SimpMessagingTemplate stomp;
    private final SseStreams sse;
    private final ObjectMapper json;
    private volatile Thread dispatcher;

    private final PublishedEpochs published;
    private final boolean relayed;

    public InProcessMetricPublisher(SimpMessagingTemplate stomp, SseStreams sse, ObjectMapper json,
                                    PublishedEpochs published, RelayProperties relay) {
        this.stomp = stomp;
        this.published = published;
        this.relayed = relay.enabled();
        this.sse = sse;
        this.json = json;
    }

    @Override
    public void publish(JobMessage m) {
        Instant now = Instant.now();
        Pending message = new Pending(m, now.getEpochSecond() * 1_000_000 + now.getNano() / 1000);
        try {
            if (!queue.offer(message)) {
                // the dispatcher is far behind: wait for it rather than lose the message
                while (!queue.offer(message, 1, TimeUnit.SECONDS)) {
                    if (dispatcher == null) return;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        while (true) {
            Pending pending;
            try {
                pending = queue.take();
            } catch (InterruptedException e) {
                return;
            }
            JobMessage m = pending.message();
            try {
                String text = json.writeValueAsString(m);
                SimpMessageHeaderAccessor headers = SimpMessageHeaderAccessor.create(SimpMessageType.MESSAGE);
                headers.setContentType(MimeTypeUtils.APPLICATION_JSON);
                headers.setNativeHeader(PUBLISHED_AT, Long.toString(pending.publishedMicros()));
                headers.setLeaveMutable(true);
                Message<byte[]> message = MessageBuilder.createMessage(text.getBytes(StandardCharsets.UTF_8),
                        headers.getMessageHeaders());
                published.publishing(m);
                stomp.send(new LiveDestination.JobTopic(m.jobId()).destination(), message);
                // with a shared broker the SSE streams follow the topic there, wherever the job runs
                if (!relayed) sse.deliver(m, text);
            } catch (JsonProcessingException | RuntimeException e) {
                log.warn("could not deliver a {} message of job {}: {}", m.type(), m.jobId(), e.toString());
            }
        }
    }

    @Override
    public synchronized void start() {
        Thread t = new Thread(this::dispatch, "nnlab-live");
        t.setDaemon(true);
        dispatcher = t;
        t.start();
    }

    @Override
    public synchronized void stop() {
        Thread t = dispatcher;
        dispatcher = null;
        if (t != null) t.interrupt();
    }

    @Override
    public boolean isRunning() {
        return dispatcher != null;
    }

    /** Started before the job service (whose phase is lower) and stopped after it. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 2048;
    }
}
