package nnlab.jobs;

import java.net.URI;
import nnlab.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/** No job has this id (HTTP 404). */
public class JobNotFoundException extends RuntimeException implements ErrorResponse {

    private static final URI NOT_FOUND = URI.create("/problems/not-found");

    public JobNotFoundException(String id) {
        super("no job with id '" + id + "'");
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.NOT_FOUND;
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.of(HttpStatus.NOT_FOUND, NOT_FOUND, "No such job", getMessage());
    }
}
