package nnlab.platform;

import java.net.URI;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A caller sends faster than a rate limit allows: HTTP 429 with Retry-After until its next token, naming
 * the configuration property of the limit.
 */
public class TooManyRequestsException extends RuntimeException implements ErrorResponse {

    private static final URI TOO_MANY_REQUESTS = URI.create("/problems/too-many-requests");

    private final URI type;
    private final String title;
    private final String limitName;
    private final int limit;
    private final Duration retryAfter;

    public TooManyRequestsException(String message, String limitName, int limit, Duration retryAfter) {
        this(TOO_MANY_REQUESTS, "Too many requests", message, limitName, limit, retryAfter);
    }

    /** A refusal of a particular kind of request, with its own problem type and title. */
    protected TooManyRequestsException(URI type, String title, String message, String limitName, int limit,
                                       Duration retryAfter) {
        super(message);
        this.type = type;
        this.title = title;
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

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public HttpHeaders getHeaders() {
        return Problems.retryAfter(retryAfterSeconds());
    }

    @Override
    public ProblemDetail getBody() {
        long seconds = retryAfterSeconds();
        return Problems.limited(HttpStatus.TOO_MANY_REQUESTS, type, title,
                getMessage() + "; the next is allowed in " + seconds + " s", limitName, limit, seconds);
    }
}
