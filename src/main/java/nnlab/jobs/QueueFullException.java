package nnlab.jobs;

/** The queue holds as many jobs as it may: come back later (HTTP 429 with Retry-After). */
public class QueueFullException extends RuntimeException {

    private final String limitName;
    private final int limit;

    public QueueFullException(String message, String limitName, int limit) {
        super(message);
        this.limitName = limitName;
        this.limit = limit;
    }

    /** The configuration property that sets the bound. */
    public String limitName() {
        return limitName;
    }

    public int limit() {
        return limit;
    }
}
