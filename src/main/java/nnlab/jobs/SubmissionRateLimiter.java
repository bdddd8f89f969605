package nnlab.jobs;

import java.time.Duration;
import nnlab.platform.PerCallerRateLimit;
import nnlab.platform.RateBuckets;
import org.springframework.stereotype.Component;

/**
 * {@code nnlab.jobs.submissions-per-minute} per client: a burst of the limit, then one submission per
 * 60/limit seconds (see {@link PerCallerRateLimit}).
 */
@Component
public class SubmissionRateLimiter {

    static final String PROPERTY = "nnlab.jobs.submissions-per-minute";

    private final PerCallerRateLimit limit;

    /** Buckets in this JVM. */
    public SubmissionRateLimiter(JobsProperties settings) {
        this(settings, null);
    }

    @org.springframework.beans.factory.annotation.Autowired
    public SubmissionRateLimiter(JobsProperties settings, RateBuckets buckets) {
        this.limit = new PerCallerRateLimit(PROPERTY, settings.submissionsPerMinute(), "client", buckets);
    }

    /** Takes a token for one submission or throws {@link TooManySubmissionsException}. */
    public void acquire(String client) {
        Duration wait = limit.take(client);
        if (!wait.isZero()) {
            throw new TooManySubmissionsException("too many submissions: the limit is " + limit.perMinute()
                    + " jobs per minute per client (" + PROPERTY + ")", PROPERTY, limit.perMinute(), wait);
        }
    }
}
