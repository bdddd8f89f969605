package nnlab.jobs.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobService;
import nnlab.jobs.JobStatus;
import nnlab.jobs.JobWatchers;
import nnlab.jobs.LiveProperties;
import nnlab.jobs.ReachableJob;
import org.springframework.context.SmartLifecycle;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * Server-Sent Event streams of jobs. A new stream first gets the job's status and its history (after
 * Last-Event-ID, if the client reconnects), then every message live; event ids are epoch numbers.
 * Each subscriber has its own bounded queue drained by a small sender pool, so a slow reader never
 * holds up a job or other readers; one that falls {@code nnlab.live.subscriber-buffer} messages
 * behind is told so and disconnected, and can reconnect with Last-Event-ID without losing an epoch.
 */
@Component
public class SseStreams implements SmartLifecycle {

    /** SSE streams end after this long; clients reconnect (EventSource does so by itself). */
    static final long TIMEOUT_MILLIS = TimeUnit.HOURS.toMillis(6);

    private final ObjectMapper json;
    private final int buffer;
    private final Map<String, Set<Subscriber>> byJob = new ConcurrentHashMap<>();
    private final ThreadPoolExecutor senders;
    private final JobWatchers watchers;

    private final RelayedLive relayed;

    public SseStreams(ObjectMapper json, LiveProperties live, JobWatchers watchers, RelayedLive relayed) {
        this.json = json;
        this.relayed = relayed;
        this.watchers = watchers;
        this.buffer = live.subscriberBuffer();
        AtomicInteger n = new AtomicInteger();
        this.senders = new ThreadPoolExecutor(8, 8, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread t = new Thread(r, "nnlab-sse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        senders.allowCoreThreadTimeOut(true);
    }

    /** Opens a stream of a job its caller may reach. */
    public SseEmitter open(JobService jobs, ReachableJob job, int afterEpoch) {
        if (relayed.enabled()) return openRelayed(jobs, job, afterEpoch);
        String jobId = job.id();
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Subscriber sub = new Subscriber(jobId, emitter, buffer);
        boolean live = jobs.follow(job, (status, history) -> {
            sub.queue.add(item(status, false));
            for (JobMessage.Epoch e : history) {
                if (e.epoch() > afterEpoch) sub.queue.add(item(e, false));
            }
            sub.lastEpoch = Math.max(afterEpoch, history.isEmpty() ? 0 : history.get(history.size() - 1).epoch());
            if (status.status().finished()) {
                sub.queue.add(new Item(null, null, null, true));
            } else {
                byJob.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(sub);
                watchers.subscribed(jobId);
            }
        });
        if (!live) sub.queue.add(new Item(null, null, null, true));
        emitter.onCompletion(() -> remove(sub));
        emitter.onTimeout(() -> remove(sub));
        emitter.onError(e -> remove(sub));
        schedule(sub);
        return emitter;
    }

    /**
     * With a shared broker: the stream follows the job's topic there first (wherever the job runs), then takes
     * the snapshot; live messages that arrive in between wait for it, and epochs it already holds are dropped.
     * Should the first live epoch still come after a gap in the history, the missing epochs are read from the
     * database before it (live messages wait meanwhile).
     */
    private SseEmitter openRelayed(JobService jobs, ReachableJob job, int afterEpoch) {
        String jobId = job.id();
        SseEmitter emitter = new SseEmitter(TIMEOUT_MILLIS);
        Subscriber sub = new Subscriber(jobId, emitter, buffer);
        sub.early = new ArrayList<>();
        sub.firstLive = new CompletableFuture<>();
        sub.fill = (after, upTo) -> relayed.fillLater(jobs, job, after, upTo, epochs -> filled(sub, epochs));
        byJob.computeIfAbsent(jobId, k -> ConcurrentHashMap.newKeySet()).add(sub);
        watchers.subscribed(jobId);
        emitter.onCompletion(() -> remove(sub));
        emitter.onTimeout(() -> remove(sub));
        emitter.onError(e -> remove(sub));
        sub.unfollow = relayed.follow(jobId, text -> relayedMessage(sub, text));
        boolean live = relayed.snapshot(jobs, job, sub.firstLive, (status, history) -> {
            synchronized (sub) {
                sub.queue.add(item(status, false));
                for (JobMessage.Epoch e : history) {
                    if (e.epoch() > afterEpoch) sub.queue.add(item(e, false));
                }
                sub.lastEpoch = Math.max(afterEpoch, history.isEmpty() ? 0 : history.get(history.size() - 1).epoch());
                List<Live> early = sub.early;
                sub.early = null;
                if (status.status().finished()) {
                    sub.queue.add(new Item(null, null, null, true));
                } else {
                    sub.joining = true;
                    release(sub, early);
                }
            }
        });
        if (!live) remove(sub);
        schedule(sub);
        return emitter;
    }

    /**
     * One message as the broker brought it: what a stream needs to know of it, and its text. {@code from}: the
     * first epoch it holds (a paced job's message carries the epochs since its last one, as {@code earlier}).
     */
    private record Live(String type, Integer epoch, int from, boolean last, String text) {
    }

    private void relayedMessage(Subscriber sub, String text) {
        Live m;
        try {
            JsonNode node = json.readTree(text);
            String type = node.path("type").asText();
            boolean epoch = "epoch".equals(type);
            boolean last = "status".equals(type) && JobStatus.valueOf(node.path("status").asText()).finished();
            int number = node.path("epoch").asInt();
            m = new Live(type, epoch ? number : null, number - node.path("earlier").size(), last, text);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            return;
        }
        if (m.epoch() != null) sub.firstLive.complete(m.epoch());
        synchronized (sub) {
            if (sub.early != null) {
                sub.early.add(m);
                return;
            }
            release(sub, List.of(m));
        }
    }

    /**
     * Offers live messages that came after the history, in order. The first live epoch joins the history: if it
     * comes after a gap, it and everything after wait while the missing epochs are read from the database.
     */
    private void release(Subscriber sub, List<Live> messages) {
        synchronized (sub) {
            for (int i = 0; i < messages.size(); i++) {
                Live m = messages.get(i);
                if (sub.joining && m.epoch() != null && m.epoch() > sub.lastEpoch) {
                    sub.joining = false;
                    if (m.from() > sub.lastEpoch + 1) {
                        sub.early = new ArrayList<>(messages.subList(i, messages.size()));
                        sub.fill.accept(sub.lastEpoch, m.from() - 1);
                        return;
                    }
                }
                offer(sub, m);
            }
        }
    }

    /** The epochs a gap was missing: into the stream before the live messages that waited for them. */
    private void filled(Subscriber sub, List<JobMessage.Epoch> missing) {
        synchronized (sub) {
            for (JobMessage.Epoch e : missing) {
                if (e.epoch() <= sub.lastEpoch) continue;
                sub.queue.add(item(e, false));
                sub.lastEpoch = e.epoch();
            }
            List<Live> waiting = sub.early;
            sub.early = null;
            if (waiting != null) release(sub, waiting);
        }
        schedule(sub);
    }

    /** Called by the dispatcher thread for every published message. */
    void deliver(JobMessage m, String text) {
        Set<Subscriber> subs = byJob.get(m.jobId());
        if (subs == null || subs.isEmpty()) return;
        boolean last = m instanceof JobMessage.Status s && s.status().finished();
        Integer epoch = m instanceof JobMessage.Epoch e ? e.epoch() : null;
        Live live = new Live(m.type(), epoch, epoch == null ? 0 : epoch, last, text);
        for (Subscriber sub : subs) offer(sub, live);
    }

    private void offer(Subscriber sub, Live m) {
        if (m.epoch() != null) {
            synchronized (sub) {
                if (m.epoch() <= sub.lastEpoch) return;
                sub.lastEpoch = m.epoch();
            }
        }
        boolean ok = sub.offer(new Item(m.type(), m.epoch() != null ? String.valueOf(m.epoch()) : null, m.text(), false));
        if (ok && m.last()) sub.offer(new Item(null, null, null, true));
        if (!ok) {
            sub.overflowed = true;
            remove(sub);
        }
        schedule(sub);
    }

    private Item item(JobMessage m, boolean last) {
        try {
            return new Item(m.type(), m instanceof JobMessage.Epoch e ? String.valueOf(e.epoch()) : null,
                    json.writeValueAsString(m), last);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void remove(Subscriber sub) {
        Runnable unfollow = sub.unfollow;
        if (unfollow != null) {
            sub.unfollow = null;
            unfollow.run();
        }
        Set<Subscriber> subs = byJob.get(sub.jobId);
        if (subs != null) {
            if (subs.remove(sub)) watchers.unsubscribed(sub.jobId);
            if (subs.isEmpty()) byJob.remove(sub.jobId, subs);
        }
    }

    /** Ends every open stream (at shutdown, so that open streams do not hold the server up). */
    public void closeAll() {
        for (Set<Subscriber> subs : byJob.values()) {
            for (Subscriber sub : subs) {
                sub.closed = true;
                try {
                    sub.emitter.complete();
                } catch (RuntimeException e) {
                    // the connection is gone already
                }
            }
        }
        byJob.clear();
    }

    private volatile boolean running;

    @Override
    public void start() {
        running = true;
    }

    /** Before the web server's graceful shutdown, which would otherwise wait for open streams. */
    @Override
    public void stop() {
        running = false;
        closeAll();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Subscribers open now, all jobs together. */
    public int subscribers() {
        return byJob.values().stream().mapToInt(Set::size).sum();
    }

    private void schedule(Subscriber sub) {
        if (sub.draining.compareAndSet(false, true)) senders.execute(() -> drain(sub));
    }

    private void drain(Subscriber sub) {
        try {
            Item item;
            while (!sub.closed && (item = sub.queue.poll()) != null) {
                if (item.end) {
                    sub.closed = true;
                    sub.emitter.complete();
                    break;
                }
                SseEmitter.SseEventBuilder event = SseEmitter.event();
                if (item.name != null) event.name(item.name);
                if (item.id != null) event.id(item.id);
                sub.emitter.send(event.data(item.json, MediaType.APPLICATION_JSON));
            }
            if (sub.overflowed && !sub.closed) {
                sub.closed = true;
                sub.emitter.send(SseEmitter.event().name("overflow").data(
                        "{\"type\":\"overflow\",\"jobId\":\"" + sub.jobId + "\",\"detail\":\"this stream fell "
                                + buffer + " messages behind; reconnect with Last-Event-ID to resume\"}",
                        MediaType.APPLICATION_JSON));
                sub.emitter.complete();
            }
        } catch (IOException | RuntimeException e) {
            sub.closed = true;
            remove(sub);
        } finally {
            sub.draining.set(false);
        }
        if (!sub.closed && !sub.queue.isEmpty()) schedule(sub);
    }

    private record Item(String name, String id, String json, boolean end) {
        Item {
            // the end marker carries nothing
        }
    }

    private static final class Subscriber {
        final String jobId;
        final SseEmitter emitter;
        /** Unbounded for the first snapshot (the history), bounded for live messages. */
        final LinkedBlockingQueue<Item> queue = new LinkedBlockingQueue<>();
        final int capacity;
        final AtomicBoolean draining = new AtomicBoolean();
        int lastEpoch;
        /**
         * With a shared broker: live messages that came before the snapshot was taken, or while a gap after it is
         * filled (null otherwise).
         */
        List<Live> early;
        /** With a shared broker: the first live epoch that came; its history must reach the one before. */
        CompletableFuture<Integer> firstLive;
        /** With a shared broker: true from the snapshot until the first live epoch after it was offered. */
        boolean joining;
        /** Reads the epochs after the first and up to the second from the database, then calls {@code filled}. */
        java.util.function.BiConsumer<Integer, Integer> fill;
        volatile Runnable unfollow;
        volatile boolean closed;
        volatile boolean overflowed;

        Subscriber(String jobId, SseEmitter emitter, int capacity) {
            this.jobId = jobId;
            this.emitter = emitter;
            this.capacity = capacity;
        }

        /** False when the reader is {@code capacity} messages behind. */
        boolean offer(Item item) {
            if (!item.end && queue.size() >= capacity) return false;
            return queue.offer(item);
        }
    }

    List<String> jobsWithSubscribers() {
        return List.copyOf(byJob.keySet());
    }
}
