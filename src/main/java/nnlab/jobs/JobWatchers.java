package nnlab.jobs;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import org.springframework.stereotype.Component;

/**
 * Who is looking at which job: live-stream subscribers (STOMP topic, SSE stream) are counted while
 * they last, a read of the job or its metrics counts as a look. The web layer reports here; the job
 * service stops jobs that nobody has looked at for {@code nnlab.jobs.idle-timeout}.
 */
@Component
public class JobWatchers {

    /** @param lastSeen the clock's milliseconds at the last look, or when the last subscriber left */
    private record Watch(int subscribers, long lastSeen) {
    }

    private final Map<String, Watch> watches = new ConcurrentHashMap<>();
    private final Clock clock;
    /** Whether someone looked at a job on another instance since a time (a shared queue); none by default. */
    private volatile BiPredicate<String, Long> lookedElsewhere = (id, since) -> false;

    public JobWatchers(Clock clock) {
        this.clock = clock;
    }

    /** A live stream of the job opened. */
    public void subscribed(String jobId) {
        long now = clock.millis();
        watches.merge(jobId, new Watch(1, now), (w, one) -> new Watch(w.subscribers + 1, now));
    }

    /** A live stream of the job closed. */
    public void unsubscribed(String jobId) {
        long now = clock.millis();
        watches.computeIfPresent(jobId, (id, w) -> new Watch(Math.max(0, w.subscribers - 1), now));
    }

    /** Someone read the job (its state, its metrics). */
    public void looked(String jobId) {
        long now = clock.millis();
        watches.merge(jobId, new Watch(0, now), (w, look) -> new Watch(w.subscribers, now));
    }

    public int subscribers(String jobId) {
        Watch w = watches.get(jobId);
        return w == null ? 0 : w.subscribers;
    }

    /**
     * True when the job has no subscriber and was last looked at before {@code cutoffMillis}. A job never
     * seen here counts as seen now: its clock starts.
     */
    boolean unwatchedSince(String jobId, long cutoffMillis) {
        Watch w = watches.computeIfAbsent(jobId, id -> new Watch(0, clock.millis()));
        return w.subscribers == 0 && w.lastSeen < cutoffMillis && !lookedElsewhere.test(jobId, cutoffMillis);
    }

    /** Asks also whether someone looked at a job on another instance (several instances share the jobs). */
    void alsoAsk(BiPredicate<String, Long> lookedElsewhereSince) {
        this.lookedElsewhere = lookedElsewhereSince;
    }

    /** The jobs with a subscriber here now, or looked at here since {@code sinceMillis}. */
    List<String> watchedSince(long sinceMillis) {
        return watches.entrySet().stream().filter(e -> e.getValue().subscribers > 0 || e.getValue().lastSeen >= sinceMillis)
                .map(Map.Entry::getKey).toList();
    }

    /**
     * Forgets jobs that are not live here, have no subscriber left and were not looked at within
     * {@link #KEEP_LOOKS_MILLIS}. A job trained on another instance is never live here: its looks stay long enough
     * for this instance's heartbeats to report them to the database (several instances sharing the queue).
     */
    void forgetUnless(Predicate<String> live) {
        long recent = clock.millis() - KEEP_LOOKS_MILLIS;
        watches.entrySet().removeIf(e -> e.getValue().subscribers == 0 && e.getValue().lastSeen < recent
                && !live.test(e.getKey()));
    }

    /** Longer than the window a heartbeat reports looks from (twice {@code nnlab.jobs.shared.heartbeat}). */
    static final long KEEP_LOOKS_MILLIS = 60_000;
}
