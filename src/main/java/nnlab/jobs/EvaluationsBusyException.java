package nnlab.jobs;

import java.net.URI;
import nnlab.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * As many evaluations as the server allows are being computed right now: a full queue of a kind, but the
 * server's, not the caller's, so HTTP 503 (with Retry-After, naming the property of the bound).
 */
public class EvaluationsBusyException extends QueueFullException {

    private static final URI SERVER_BUSY = URI.create("/problems/server-busy");
    /** An evaluation takes up to a second: by then a slot is likely free. */
    static final long RETRY_SECONDS = 1;

    public EvaluationsBusyException(String message, String limitName, int limit) {
        super(message, limitName, limit, RETRY_SECONDS);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.SERVICE_UNAVAILABLE;
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.limited(getStatusCode(), SERVER_BUSY, "Server busy", getMessage() + "; try again in "
                + RETRY_SECONDS + " s", limitName(), limit(), RETRY_SECONDS);
    }
}
