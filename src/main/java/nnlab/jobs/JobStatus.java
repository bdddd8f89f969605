package nnlab.jobs;

/** Where a job is in its life. The last four are final. */
public enum JobStatus {
    QUEUED, RUNNING, PAUSED,
    SUCCEEDED,
    /** The run stopped with an error: diverged, exceeded its time limit, or the data could not be prepared. */
    FAILED,
    CANCELLED,
    /** The server stopped while the job was running or paused; its history up to then is kept. */
    INTERRUPTED;

    public boolean finished() {
        return ordinal() >= SUCCEEDED.ordinal();
    }
}
