package nnlab.jobs;

/**
 * A job that its caller may reach: the handle every operation of the job service on one job takes. Only
 * {@link JobService#reach(JobCaller, String)} makes one, after applying the caller's reach, so no endpoint
 * can get at a job by its id alone.
 */
public final class ReachableJob {

    private final String id;

    ReachableJob(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    @Override
    public String toString() {
        return "job " + id;
    }
}
