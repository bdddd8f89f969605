package nnlab.jobs;

import java.time.Duration;

/** A client submits faster than its rate limit allows: HTTP 429 with Retry-After until its next token. */
public class TooManySubmissionsException extends RuntimeException {

    private final String limitName;
    private final int limit;
    private final Duration retryAfter;

    public TooManySubmissionsException(String message, String limitName, int limit, Duration retryAfter) {
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

    /** Until the next submission is allowed. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
