package nnlab.jobs;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.system.NnlabProperties;
import org.springframework.stereotype.Component;

/**
 * {@code nnlab.jobs.submissions-per-minute} per client: a token bucket (Bucket4j) per client string, as
 * many tokens as the limit, refilled evenly over a minute, so a burst of the limit is allowed and then
 * one submission per 60/limit seconds. Buckets of the least recently active clients are dropped past
 * {@value #MAX_CLIENTS} (such a client starts with a full bucket again).
 */
@Component
public class SubmissionRateLimiter {

    static final String PROPERTY = "nnlab.jobs.submissions-per-minute";
    static final int MAX_CLIENTS = 10_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CLIENTS;
        }
    };

    public SubmissionRateLimiter(NnlabProperties properties) {
        this.perMinute = properties.jobs().submissionsPerMinute();
    }

    /** Takes a token for one submission or throws {@link TooManySubmissionsException}. */
    public void acquire(String client) {
        if (perMinute <= 0) return;
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(client, c -> Bucket.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            Duration wait = Duration.ofNanos(probe.getNanosToWaitForRefill());
            throw new TooManySubmissionsException("too many submissions: the limit is " + perMinute
                    + " jobs per minute per client (" + PROPERTY + ")", PROPERTY, perMinute, wait);
        }
    }
}
