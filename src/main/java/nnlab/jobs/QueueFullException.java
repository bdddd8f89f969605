package nnlab.jobs;

import java.net.URI;
import java.time.Duration;
import nnlab.platform.Problems;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/** The queue holds as many jobs as it may: come back later (HTTP 429 with Retry-After). */
public class QueueFullException extends RuntimeException implements ErrorResponse {

    private static final URI TOO_MANY_JOBS = URI.create("/problems/too-many-jobs");

    private final String limitName;
    private final int limit;
    private final long retryAfterSeconds;

    /** @param retryAfter when to come back ({@code nnlab.jobs.retry-after}) */
    public QueueFullException(String message, String limitName, int limit, Duration retryAfter) {
        this(message, limitName, limit, Math.max(1, retryAfter.toSeconds()));
    }

    QueueFullException(String message, String limitName, int limit, long retryAfterSeconds) {
        super(message);
        this.limitName = limitName;
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The configuration property that sets the bound. */
    public String limitName() {
        return limitName;
    }

    public int limit() {
        return limit;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public HttpHeaders getHeaders() {
        return Problems.retryAfter(retryAfterSeconds);
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.limited(getStatusCode(), TOO_MANY_JOBS, "Too many jobs", getMessage() + "; try again in "
                + retryAfterSeconds + " s", limitName, limit, retryAfterSeconds);
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
