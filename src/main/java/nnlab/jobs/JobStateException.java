package nnlab.jobs;

import java.net.URI;
import nnlab.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/** The request does not fit the job's status, e.g. step on a running job (HTTP 409, naming the status). */
public class JobStateException extends RuntimeException implements ErrorResponse {

    private static final URI WRONG_STATE = URI.create("/problems/wrong-state");

    private final JobStatus status;

    public JobStateException(JobStatus status, String message) {
        super(message);
        this.status = status;
    }

    public JobStatus status() {
        return status;
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.CONFLICT;
    }

    @Override
    public ProblemDetail getBody() {
        ProblemDetail p = Problems.of(HttpStatus.CONFLICT, WRONG_STATE, "Not possible in the job's status", getMessage());
        p.setProperty("jobStatus", status);
        return p;
    }
}
