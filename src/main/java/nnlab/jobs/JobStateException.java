package nnlab.jobs;

/** The request does not fit the job's status, e.g. step on a running job (HTTP 409). */
public class JobStateException extends RuntimeException {

    private final JobStatus status;

    public JobStateException(JobStatus status, String message) {
        super(message);
        this.status = status;
    }

    public JobStatus status() {
        return status;
    }
}
