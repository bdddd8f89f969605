package nnlab.jobs;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * Jobs waiting for a worker, with a bound, served to their owners in turn: each owner (the job's
 * {@code client} string, as {@code student:42}) has its own first-come queue, and the owners take turns,
 * so one owner's many jobs do not hold up another's single job. The in-process implementation keeps
 * ids in memory and runs workers on local threads; the shared one ({@link SharedJobQueue}) keeps them in
 * PostgreSQL, where the workers of every instance claim them. The job's spec and state live in the
 * {@link JobRepository}, never only here.
 */
public interface JobQueue {

    /**
     * Adds a job at the end of its owner's queue; throws {@link QueueFullException} when the queue's bound
     * or the owner's bound on waiting jobs is reached.
     */
    void enqueue(String jobId, String owner);

    /**
     * Puts a job that already ran and was paused (parked) back at the front, past the bounds: it was
     * admitted once, and a step or resume should answer within one running epoch, not after the whole
     * queue. Ignored after {@link #stop()}.
     */
    void requeue(String jobId, String owner);

    /** Takes a waiting job out (cancelled before it started); false if it was not waiting. */
    boolean remove(String jobId);

    /** 1 = next to start; 0 if the job is not waiting. */
    int position(String jobId);

    /** The waiting jobs in the order they are expected to start. */
    List<String> waiting();

    int capacity();

    /** Jobs that can run side by side. */
    int workers();

    /**
     * Starts the workers: each takes the next job and hands it to {@code run}; {@code positionsChanged}
     * is told when waiting jobs moved up. A job starts only when {@code mayStart} accepts it (the server
     * has memory for it); until then it stays first in line and waits, and no job behind it is taken
     * instead, so nobody is overtaken for being larger. Jobs put back by {@link #requeue} are accepted
     * without asking: they hold what they need already.
     */
    void start(Consumer<String> run, Runnable positionsChanged, Predicate<String> mayStart);

    /** As {@link #start(Consumer, Runnable, Predicate)}, every job may start. */
    default void start(Consumer<String> run, Runnable positionsChanged) {
        start(run, positionsChanged, id -> true);
    }

    /** What {@code mayStart} answers may have changed (a job gave back its memory): ask again. */
    void recheck();

    /** Stops taking jobs and interrupts running ones. */
    void stop();
}
