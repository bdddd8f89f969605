package nnlab.platform;

import java.time.Duration;

/**
 * A caller sends faster than a rate limit allows: HTTP 429 with Retry-After until its next token, naming
 * the configuration property of the limit.
 */
public class TooManyRequestsException extends RuntimeException {

    private final String limitName;
    private final int limit;
    private final Duration retryAfter;

    public TooManyRequestsException(String message, String limitName, int limit, Duration retryAfter) {
        super(message);
        this.limitName = limitName;
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** The configuration property that sets the rate. */
    public String limitName() {
        return limitName;
    }

    public int limit() {
        return limit;
    }

    /** Until the next request is allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }

    /** Whole seconds until the next request is allowed, at least one. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
