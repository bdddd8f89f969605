package nnlab.jobs;

import java.time.Duration;
import nnlab.platform.TooManyRequestsException;

/** A client submits faster than its rate limit allows: HTTP 429 with Retry-After until its next token. */
public class TooManySubmissionsException extends TooManyRequestsException {

    public TooManySubmissionsException(String message, String limitName, int limit, Duration retryAfter) {
        super(message, limitName, limit, retryAfter);
    }
}
