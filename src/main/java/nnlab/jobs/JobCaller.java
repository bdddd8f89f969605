package nnlab.jobs;

/**
 * Whoever calls the job API, as the jobs need to know them: the key their jobs are stored under
 * (the job's {@code client}), and which other callers' jobs they may reach.
 */
public interface JobCaller {

    /** The owner key stored with the jobs this caller submits. */
    String ownerKey();

    /** The class the caller belongs to, recorded with their jobs; null outside a class. */
    Long classId();

    /** True for callers who see and control every job (instructors). */
    boolean seesEveryJob();

    /** True if this caller may see and control a job stored under {@code owner}. */
    boolean mayReach(String owner);

    /** False for callers that only a header or an address tells apart. */
    boolean authenticated();
}
