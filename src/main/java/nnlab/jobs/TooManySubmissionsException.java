package nnlab.jobs;

import java.net.URI;
import java.time.Duration;
import nnlab.platform.TooManyRequestsException;

/** A client submits faster than its rate limit allows: HTTP 429 with Retry-After until its next token. */
public class TooManySubmissionsException extends TooManyRequestsException {

    private static final URI TOO_MANY_SUBMISSIONS = URI.create("/problems/too-many-submissions");

    public TooManySubmissionsException(String message, String limitName, int limit, Duration retryAfter) {
        super(TOO_MANY_SUBMISSIONS, "Too many submissions", message, limitName, limit, retryAfter);
    }
}
