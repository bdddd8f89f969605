package nnlab.platform;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A rate per caller and minute: a token bucket (Bucket4j) per caller key, as many tokens as the limit,
 * refilled evenly over a minute, so a burst of the limit is allowed and then one request per 60/limit
 * seconds. Buckets of the least recently active callers are dropped past {@value #MAX_CALLERS} (such a
 * caller starts with a full bucket again). A limit of 0 or less means no limit. With {@link RateBuckets} shared
 * (several instances on PostgreSQL) the buckets are rows every instance takes from.
 */
public final class PerCallerRateLimit {

    static final int MAX_CALLERS = 10_000;

    private final String property;
    private final int perMinute;
    private final String per;
    /** Buckets every instance shares, or null: in this JVM. */
    private final RateBuckets shared;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_CALLERS;
        }
    };

    /** @param property the configuration property that sets {@code perMinute}, named in refusals */
    public PerCallerRateLimit(String property, int perMinute) {
        this(property, perMinute, "caller");
    }

    /** @param per what a key stands for, as refusals name it ("caller", "address") */
    public PerCallerRateLimit(String property, int perMinute, String per) {
        this(property, perMinute, per, null);
    }

    /** @param buckets where the buckets are kept: in the database when several instances share it */
    public PerCallerRateLimit(String property, int perMinute, String per, RateBuckets buckets) {
        this.shared = buckets != null && buckets.shared() ? buckets : null;
        this.property = property;
        this.perMinute = perMinute;
        this.per = per;
    }

    public String property() {
        return property;
    }

    public int perMinute() {
        return perMinute;
    }

    /** Takes a token for the caller; the wait until the next one when none is left, else zero. */
    public Duration take(String caller) {
        if (perMinute <= 0) return Duration.ZERO;
        Bucket bucket;
        if (shared != null) {
            bucket = shared.bucket(property, caller, () -> BucketConfiguration.builder()
                    .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                    .build());
        } else {
            synchronized (buckets) {
                bucket = buckets.computeIfAbsent(caller, c -> Bucket.builder()
                        .addLimit(limit -> limit.capacity(perMinute).refillGreedy(perMinute, Duration.ofMinutes(1)))
                        .build());
            }
        }
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(Math.max(1, probe.getNanosToWaitForRefill()));
    }

    /**
     * Takes a token for the caller or throws {@link TooManyRequestsException} naming the limit.
     *
     * @param what what is counted, in the plural ("heartbeats")
     */
    public void acquire(String caller, String what) {
        Duration wait = take(caller);
        if (!wait.isZero()) {
            throw new TooManyRequestsException("too many " + what + ": the limit is " + perMinute + " " + what
                    + " per minute per " + per + " (" + property + ")", property, perMinute, wait);
        }
    }
}
