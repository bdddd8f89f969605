package nnlab.jobs;

import java.util.List;
import java.util.function.Consumer;

/**
 * Jobs waiting for a worker, in order, with a bound. The in-process implementation keeps ids in
 * memory and runs workers on local threads; a broker-backed one (RabbitMQ) would carry the same ids to
 * worker instances. The job's spec and state live in the {@link JobRepository}, never only here.
 */
public interface JobQueue {

    /** Adds a job at the end; throws {@link QueueFullException} when the bound is reached. */
    void enqueue(String jobId);

    /**
     * Puts a job that already ran and was paused (parked) back at the front, past the bound: it was
     * admitted once, and a step or resume should answer within one running epoch, not after the whole
     * queue. Ignored after {@link #stop()}.
     */
    void requeue(String jobId);

    /** Takes a waiting job out (cancelled before it started); false if it was not waiting. */
    boolean remove(String jobId);

    /** 1 = next to start; 0 if the job is not waiting. */
    int position(String jobId);

    /** The waiting jobs in order. */
    List<String> waiting();

    int capacity();

    /** Jobs that can run side by side. */
    int workers();

    /**
     * Starts the workers: each takes the next job and hands it to {@code run}; {@code positionsChanged}
     * is told when waiting jobs moved up.
     */
    void start(Consumer<String> run, Runnable positionsChanged);

    /** Stops taking jobs and interrupts running ones. */
    void stop();
}
