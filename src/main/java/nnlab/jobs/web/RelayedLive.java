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
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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
 * to it is read from the database, everything after arrives live, so nothing falls in between. When no answer
 * comes in time, the first live epoch of the subscription shows how far the history must reach. The questions
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
    /** How long a late subscriber that no instance answered for waits for its first live epoch (none while paused). */
    static final long FIRST_LIVE_MILLIS = 3000;

    private record Feed(String key, Set<Consumer<String>> listeners, CompletableFuture<Void> ready) {
    }

    private final BrokerLink link;
    private final PublishedEpochs published;
    private final ObjectMapper json;
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();
    private final Map<String, CompletableFuture<Integer>> questions = new ConcurrentHashMap<>();
    private volatile boolean running;
    /** False to let questions go unanswered, as an instance too busy to answer in time would (for tests). */
    volatile boolean answers = true;
    private final ExecutorService filling = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "nnlab-gap-fill");
        t.setDaemon(true);
        return t;
    });

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
     * As {@link JobService#follow}, with a job running on another instance too: its history up to where the live
     * messages of a subscription confirmed before this call begin, read from the database (which has each epoch
     * within about a second). Where that is comes from the instance running the job (which epoch it last
     * published) or, when none answers in time, from the first live epoch the subscription brought
     * ({@code firstLive}): the history must reach the one before it. True while the job is unfinished. (Only with
     * a broker: without one, the job service's own follow registers in step with the publisher.)
     */
    boolean snapshot(JobService jobs, ReachableJob job, CompletableFuture<Integer> firstLive,
                     BiConsumer<JobMessage.Status, List<JobMessage.Epoch>> register) {
        Stored stored = new Stored(jobs, job);
        // running here: taken in step with its messages; otherwise stored, or running elsewhere. Asked before the
        // snapshot: a job claimed here in between is answered for by this instance's own published epochs below.
        // (follow's answer is no guide: with a shared queue it is true for a job unfinished anywhere.)
        boolean here = jobs.runsHere(job);
        stored.read();
        if (!here && !stored.finished() && stored.status().status() != JobStatus.QUEUED) {
            OptionalInt last = lastPublished(job.id());
            Integer first = firstLive.getNow(null);
            // (a PAUSED one too: its stored status may lag a resume)
            if (last.isEmpty() && first == null) {
                first = await(firstLive, FIRST_LIVE_MILLIS, null);
            }
            int target = Math.max(last.orElse(0), first == null ? 0 : first - 1);
            if (last.isEmpty() && first != null && lastEpoch(stored.history()) < target) {
                log.info("job {}: no instance said which epoch it last published; a late follower's history is read"
                        + " up to epoch {}, the one before its first live epoch", job.id(), target);
            }
            stored.readUpTo(target);
        }
        register.accept(stored.status(), stored.history());
        return !stored.finished();
    }

    /** A job's status and history as this instance reads them (its own, or the database's). */
    private static final class Stored {
        private final JobService jobs;
        private final ReachableJob job;
        private JobMessage.Status status;
        private List<JobMessage.Epoch> history;

        Stored(JobService jobs, ReachableJob job) {
            this.jobs = jobs;
            this.job = job;
        }

        void read() {
            jobs.follow(job, (s, h) -> {
                status = s;
                history = h;
            });
        }

        /** Reads again while the history ends before {@code epoch}, up to {@link #STORED_MILLIS}. */
        void readUpTo(int epoch) {
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(STORED_MILLIS);
            while (lastEpoch(history) < epoch && !finished() && System.nanoTime() < deadline) {
                sleep();
                read();
            }
            if (lastEpoch(history) < epoch && !finished()) {
                log.warn("job {}: epochs up to {} were published but only {} are stored yet", job.id(), epoch,
                        lastEpoch(history));
            }
        }

        JobMessage.Status status() {
            return status;
        }

        List<JobMessage.Epoch> history() {
            return history;
        }

        boolean finished() {
            return status.status().finished();
        }
    }

    /**
     * Reads the job's stored epochs after {@code after} up to {@code upTo} (waiting, up to {@link #STORED_MILLIS},
     * for them to be stored), away from the calling thread, then hands them over: for a stream whose live epochs
     * began later than its history ended. Never on a broker thread: those must not wait.
     */
    void fillLater(JobService jobs, ReachableJob job, int after, int upTo, Consumer<List<JobMessage.Epoch>> then) {
        filling.execute(() -> {
            Stored stored = new Stored(jobs, job);
            List<JobMessage.Epoch> missing = List.of();
            try {
                stored.read();
                stored.readUpTo(upTo);
                missing = stored.history().stream().filter(e -> e.epoch() > after && e.epoch() <= upTo).toList();
                log.info("job {}: a live stream's history ended at epoch {} and its live epochs began at {}; epochs {}"
                        + " to {} were read from the database to fill the gap ({} found)", job.id(), after, upTo + 1,
                        after + 1, upTo, missing.size());
            } catch (RuntimeException e) {
                log.warn("job {}: epochs {} to {} missing from a live stream could not be read: {}", job.id(),
                        after + 1, upTo, e.getMessage());
            } finally {
                then.accept(missing);
            }
        });
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
            if (last.isEmpty() || !answers) return;
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
