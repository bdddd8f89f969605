package nnlab.jobs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobService;
import nnlab.jobs.JobStatus;
import nnlab.jobs.ReachableJob;
import nnlab.platform.BrokerLink;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Live messages between instances sharing a broker. An instance that serves SSE streams of a job follows the
 * job's topic on the broker itself, wherever the job runs. A late subscriber of a job running on another
 * instance asks, once its subscription is confirmed, which epoch that instance last published: the history up
 * to it is read from the database, everything after arrives live, so nothing falls in between. The questions
 * travel on {@value #QUESTIONS} and the answers on {@value #ANSWERS}{instance}: no client may subscribe to
 * either (they are no {@link LiveDestination}).
 */
@Component
public class RelayedLive implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(RelayedLive.class);
    static final String QUESTIONS = "/topic/nnlab.last-epoch.questions";
    static final String ANSWERS = "/topic/nnlab.last-epoch.answers.";
    /** How long the instance running a job has to answer; none answers when the job runs nowhere. */
    static final long ANSWER_MILLIS = 1500;
    /** How long a subscription may take to be confirmed before a stream goes on without waiting. */
    static final long CONFIRM_MILLIS = 5000;
    /** How long stored epochs may lag those published (the runner stores them at least once a second). */
    static final long STORED_MILLIS = 5000;

    private record Feed(String key, Set<Consumer<String>> listeners, CompletableFuture<Void> ready) {
    }

    private final BrokerLink link;
    private final PublishedEpochs published;
    private final ObjectMapper json;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Integer>> questions = new ConcurrentHashMap<>();
    private volatile boolean running;

    public RelayedLive(BrokerLink link, PublishedEpochs published, ObjectMapper json) {
        this.link = link;
        this.published = published;
        this.json = json;
    }

    public boolean enabled() {
        return link.enabled();
    }

    /** Follows a job's topic on the broker; returns once the broker confirmed it (or after a bounded wait). */
    Runnable follow(String jobId, Consumer<String> listener) {
        Feed feed;
        synchronized (feeds) {
            feed = feeds.computeIfAbsent(jobId, id -> {
                CompletableFuture<Void> ready = new CompletableFuture<>();
                Set<Consumer<String>> listeners = new CopyOnWriteArraySet<>();
                String key = link.subscribe(new LiveDestination.JobTopic(id).destination(),
                        (h, body) -> {
                            String text = new String(body, StandardCharsets.UTF_8);
                            listeners.forEach(l -> l.accept(text));
                        }, ready);
                return new Feed(key, listeners, ready);
            });
            feed.listeners().add(listener);
        }
        await(feed.ready(), CONFIRM_MILLIS, "the broker to confirm the subscription to job " + jobId);
        return () -> {
            synchronized (feeds) {
                feed.listeners().remove(listener);
                if (feed.listeners().isEmpty() && feeds.remove(jobId, feed)) link.unsubscribe(feed.key());
            }
        };
    }

    /**
     * As {@link JobService#follow}, with a job running on another instance too: its history up to the last epoch
     * that instance published (read from the database, which has it within about a second), so that with a
     * subscription confirmed before this call nothing is missed. True while the job is unfinished. (Only with a
     * broker: without one, the job service's own follow registers in step with the publisher.)
     */
    boolean snapshot(JobService jobs, ReachableJob job, BiConsumer<JobMessage.Status, List<JobMessage.Epoch>> register) {
        List<JobMessage.Status> status = new ArrayList<>(1);
        List<List<JobMessage.Epoch>> history = new ArrayList<>(1);
        BiConsumer<JobMessage.Status, List<JobMessage.Epoch>> keep = (s, h) -> {
            status.add(0, s);
            history.add(0, h);
        };
        // running here: taken in step with its messages; otherwise stored, or running elsewhere. Asked before the
        // snapshot: a job claimed here in between is answered for by this instance's own published epochs below.
        // (follow's answer is no guide: with a shared queue it is true for a job unfinished anywhere.)
        boolean here = jobs.runsHere(job);
        jobs.follow(job, keep);
        if (!here && !status.get(0).status().finished() && status.get(0).status() != JobStatus.QUEUED) {
            OptionalInt last = lastPublished(job.id());
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STORED_MILLIS);
            while (last.isPresent() && lastEpoch(history.get(0)) < last.getAsInt()
                    && !status.get(0).status().finished() && System.nanoTime() < deadline) {
                sleep();
                jobs.follow(job, keep);
            }
            if (last.isPresent() && lastEpoch(history.get(0)) < last.getAsInt()) {
                log.warn("job {}: epochs up to {} were published but only {} are stored yet", job.id(),
                        last.getAsInt(), lastEpoch(history.get(0)));
            }
        }
        register.accept(status.get(0), history.get(0));
        return !status.get(0).status().finished();
    }

    private static int lastEpoch(List<JobMessage.Epoch> history) {
        return history.isEmpty() ? 0 : history.get(history.size() - 1).epoch();
    }

    private static void sleep() {
        try {
            Thread.sleep(40);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The last epoch the instance running the job published; empty when no instance answered in time. */
    OptionalInt lastPublished(String jobId) {
        OptionalInt here = published.last(jobId);
        if (here.isPresent()) return here;
        String question = UUID.randomUUID().toString();
        CompletableFuture<Integer> answer = new CompletableFuture<>();
        questions.put(question, answer);
        try {
            byte[] body = json.writeValueAsBytes(Map.of("question", question, "jobId", jobId,
                    "from", link.instance()));
            if (!link.send(QUESTIONS, Map.of("content-type", "application/json"), body)) return OptionalInt.empty();
            Integer epoch = await(answer, ANSWER_MILLIS, null);
            return epoch == null ? OptionalInt.empty() : OptionalInt.of(epoch);
        } catch (IOException e) {
            return OptionalInt.empty();
        } finally {
            questions.remove(question);
        }
    }

    private void asked(byte[] body) {
        try {
            JsonNode q = json.readTree(body);
            OptionalInt last = published.last(q.path("jobId").asText());
            if (last.isEmpty()) return;
            link.send(ANSWERS + q.path("from").asText(), Map.of("content-type", "application/json"),
                    json.writeValueAsBytes(Map.of("question", q.path("question").asText(), "epoch", last.getAsInt())));
        } catch (IOException e) {
            log.debug("a question could not be read: {}", e.toString());
        }
    }

    private void answered(byte[] body) {
        try {
            JsonNode a = json.readTree(body);
            CompletableFuture<Integer> waiting = questions.get(a.path("question").asText());
            if (waiting != null) waiting.complete(a.path("epoch").asInt());
        } catch (IOException e) {
            log.debug("an answer could not be read: {}", e.toString());
        }
    }

    private static <T> T await(CompletableFuture<T> future, long millis, String what) {
        try {
            return future.get(millis, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            if (what != null) log.warn("waited {} ms for {}; going on", millis, what);
            return null;
        } catch (ExecutionException e) {
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        }
    }

    private final CompletableFuture<Void> asking = new CompletableFuture<>();
    private final CompletableFuture<Void> answering = new CompletableFuture<>();

    /** True once this instance hears the others' questions and answers (always, without a broker). */
    public boolean ready() {
        return !link.enabled() || (asking.isDone() && answering.isDone());
    }

    @Override
    public void start() {
        running = true;
        if (!link.enabled()) return;
        link.subscribe(QUESTIONS, (h, body) -> asked(body), answering);
        link.subscribe(ANSWERS + link.instance(), (h, body) -> answered(body), asking);
    }

    @Override
    public void stop() {
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 4000;
    }
}
