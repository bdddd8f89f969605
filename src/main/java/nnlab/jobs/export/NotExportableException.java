package nnlab.jobs.export;

import java.net.URI;
import nnlab.platform.Problems;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A job, or a part of its export, that cannot be given as asked: a model that is not a neural network (409), or a
 * file this job's export does not have, e.g. a CSV for data the script loads from its public source (404).
 */
public class NotExportableException extends RuntimeException implements ErrorResponse {

    private static final URI NOT_EXPORTABLE = URI.create("/problems/not-exportable");

    private final HttpStatus status;

    private NotExportableException(HttpStatus status, String message) {
        super(message);
        this.status = status;
    }

    static NotExportableException notANetwork(String jobId) {
        return new NotExportableException(HttpStatus.CONFLICT, "job " + jobId + " is not a neural network (its"
                + " model has no layers): only networks export as Keras or PyTorch code");
    }

    static NotExportableException noSuchFile(String message) {
        return new NotExportableException(HttpStatus.NOT_FOUND, message);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return status;
    }

    @Override
    public ProblemDetail getBody() {
        return Problems.of(status, NOT_EXPORTABLE, "Not exportable", getMessage());
    }
}
