package nnlab.jobs;

import java.time.Duration;
import nnlab.platform.PerCallerRateLimit;
import org.springframework.stereotype.Component;

/**
 * {@code nnlab.jobs.submissions-per-minute} per client: a burst of the limit, then one submission per
 * 60/limit seconds (see {@link PerCallerRateLimit}).
 */
@Component
public class SubmissionRateLimiter {

    static final String PROPERTY = "nnlab.jobs.submissions-per-minute";

    private final PerCallerRateLimit limit;

    public SubmissionRateLimiter(JobsProperties settings) {
        this.limit = new PerCallerRateLimit(PROPERTY, settings.submissionsPerMinute());
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
