package nnlab.jobs;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Job ids waiting in turns by owner ({@link OwnerTurns}), with bounds on the whole queue and on each
 * owner's waiting jobs, and a fixed set of worker threads, one job per thread.
 */
public class InProcessJobQueue implements JobQueue {

    private static final Logger log = LoggerFactory.getLogger(InProcessJobQueue.class);

    /**
     * How owners share the workers.
     *
     * @param maxRunningPerOwner jobs of one owner on workers at once (while others wait, see workConserving)
     * @param maxQueuedPerOwner  jobs of one owner waiting for a worker
     * @param workConserving     whether an idle worker may take an owner's job past maxRunningPerOwner
     *                           when no other owner's job waits
     */
    public record Sharing(int maxRunningPerOwner, int maxQueuedPerOwner, boolean workConserving) {
        public Sharing {
            if (maxRunningPerOwner < 1 || maxQueuedPerOwner < 0) {
                throw new IllegalArgumentException("maxRunningPerOwner >= 1 and maxQueuedPerOwner >= 0");
            }
        }
    }

    private final int capacity;
    private final int workers;
    private final Sharing sharing;
    /** What a refusal tells the caller to wait ({@code nnlab.jobs.retry-after}). */
    private final Duration retryAfter;
    private final OwnerTurns turns;
    private final WorkerThreads threads = new WorkerThreads();
    private boolean stopped;
    private Predicate<String> mayStart = id -> true;
    /** The waiting order and positions, played forward once per change (a status broadcast asks for every job's). */
    private List<String> order;
    private Map<String, Integer> positions;

    /** Owners take turns, with no per-owner bounds beyond the queue's. */
    public InProcessJobQueue(int capacity, int workers) {
        this(capacity, workers, new Sharing(workers, capacity, true));
    }

    public InProcessJobQueue(int capacity, int workers, Sharing sharing) {
        this(capacity, workers, sharing, Duration.ofSeconds(10));
    }

    public InProcessJobQueue(int capacity, int workers, Sharing sharing, Duration retryAfter) {
        if (capacity < 0 || workers < 1) throw new IllegalArgumentException("capacity >= 0 and workers >= 1");
        this.capacity = capacity;
        this.workers = workers;
        this.sharing = sharing;
        this.retryAfter = retryAfter;
        this.turns = new OwnerTurns(sharing.maxRunningPerOwner(), sharing.workConserving());
    }

    @Override
    public synchronized void enqueue(String jobId, String owner) {
        if (turns.size() >= capacity) {
            throw new QueueFullException("the job queue is full (" + capacity + " waiting jobs)",
                    "nnlab.jobs.queue-capacity", capacity, retryAfter);
        }
        int mine = turns.waitingOf(owner);
        if (mine >= sharing.maxQueuedPerOwner()) {
            throw new QueueFullException("you have " + mine + " jobs waiting for a worker, the limit is "
                    + sharing.maxQueuedPerOwner() + " per client: wait for one to start or cancel one",
                    "nnlab.jobs.max-queued-per-client", sharing.maxQueuedPerOwner(), retryAfter);
        }
        turns.add(jobId, owner);
        changed();
    }

    @Override
    public synchronized void requeue(String jobId, String owner) {
        if (stopped) return;
        turns.addResumed(jobId, owner);
        changed();
    }

    @Override
    public synchronized boolean remove(String jobId) {
        boolean removed = turns.remove(jobId);
        if (removed) changed();
        return removed;
    }

    @Override
    public synchronized int position(String jobId) {
        if (positions == null) {
            positions = new HashMap<>();
            List<String> o = waiting();
            for (int i = 0; i < o.size(); i++) positions.put(o.get(i), i + 1);
        }
        return positions.getOrDefault(jobId, 0);
    }

    @Override
    public synchronized List<String> waiting() {
        if (order == null) order = List.copyOf(turns.order(workers));
        return order;
    }

    /** Wakes the workers and forgets the played-forward order. */
    private void changed() {
        order = null;
        positions = null;
        notifyAll();
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int workers() {
        return workers;
    }

    private synchronized String take() throws InterruptedException {
        String id = null;
        while (!stopped && (id = turns.start(mayStart)) == null) wait();
        if (id != null) changed();
        return id;
    }

    private synchronized void finished(String id) {
        turns.finished(id);
        changed(); // its owner may be under its limit again
    }

    @Override
    public synchronized void recheck() {
        notifyAll();
    }

    @Override
    public synchronized void start(Consumer<String> run, Runnable positionsChanged, Predicate<String> mayStart) {
        this.mayStart = mayStart;
        threads.start(workers, () -> work(run, positionsChanged));
    }

    private void work(Consumer<String> run, Runnable positionsChanged) {
        while (true) {
            String id;
            try {
                id = take();
            } catch (InterruptedException e) {
                return;
            }
            if (id == null) return;
            try {
                positionsChanged.run();
                run.accept(id);
            } catch (RuntimeException | Error e) {
                log.error("job {} ended with an unexpected error", id, e);
            } finally {
                finished(id);
            }
            if (Thread.interrupted() && isStopped()) return;
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    @Override
    public void stop() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        threads.stop();
    }
}
