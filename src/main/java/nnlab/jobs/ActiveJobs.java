package nnlab.jobs;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.engine.InvalidSpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The jobs queued, running or paused on this instance, with what they share: the queue, the heap they reserve
 * and the live messages (each status change published, then told to the {@link JobListener}s).
 */
@Component
class ActiveJobs {

    private static final Logger log = LoggerFactory.getLogger(ActiveJobs.class);

    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    /** Classic models of jobs that left, for predictions. */
    final FinishedClassicModels finishedClassic;
    final JobQueue queue;
    final MetricPublisher publisher;
    /** Heap reserved by started jobs. */
    private final MemoryLedger memory;
    private final ObjectProvider<JobListener> listenerBeans;
    private volatile List<JobListener> listeners = List.of();

    ActiveJobs(JobQueue queue, MetricPublisher publisher, JobMetrics metrics, LimitsProperties limits,
             ObjectProvider<JobListener> listeners, FinishedClassicModels finishedClassic) {
        this.queue = queue;
        this.finishedClassic = finishedClassic;
        this.publisher = telling(publisher);
        this.listenerBeans = listeners;
        this.memory = MemoryLedger.forHeap(Runtime.getRuntime().maxMemory(),
                limits.memoryReserve().toBytes());
        metrics.gauge("nnlab.jobs.memory.reserved", "heap bytes reserved by started jobs", memory::reserved);
        metrics.gauge("nnlab.jobs.queued", "jobs waiting for a worker", () -> count(JobStatus.QUEUED));
        metrics.gauge("nnlab.jobs.running", "jobs training now", () -> count(JobStatus.RUNNING));
        metrics.gauge("nnlab.jobs.paused", "jobs paused (parked in memory, holding no worker)",
                () -> count(JobStatus.PAUSED));
    }

    /** Looked up at start, not in the constructor: listeners may need the job service themselves. */
    void findListeners() {
        listeners = listenerBeans.orderedStream().toList();
    }

    /** Publishes, then tells the listeners of status changes and epochs with the job's owner. */
    private MetricPublisher telling(MetricPublisher publisher) {
        return message -> {
            publisher.publish(message);
            List<JobListener> listeners = this.listeners;
            if (listeners.isEmpty() || message instanceof JobMessage.Progress) return;
            Job job = jobs.get(message.jobId());
            if (job == null) return;
            for (JobListener l : listeners) {
                try {
                    l.jobChanged(job.client, message);
                } catch (RuntimeException e) {
                    log.warn("job listener {} failed: {}", l.getClass().getSimpleName(), e.toString());
                }
            }
        };
    }

    Job get(String id) {
        return jobs.get(id);
    }

    boolean contains(String id) {
        return jobs.containsKey(id);
    }

    Collection<Job> all() {
        return jobs.values();
    }

    void add(Job job) {
        jobs.put(job.id, job);
    }

    void remove(String id) {
        jobs.remove(id);
    }

    /** Removes this job object only (another may have taken its id's place since). */
    void remove(Job job) {
        jobs.remove(job.id, job);
    }

    void clear() {
        jobs.clear();
    }

    long count(JobStatus status) {
        return jobs.values().stream().filter(j -> j.status() == status).count();
    }

    long unfinished(String client) {
        return jobs.values().stream().filter(j -> j.client.equals(client) && !j.status().finished()).count();
    }

    /** A job that could never fit the heap, even alone, is refused (400 naming the limit). */
    void refuseIfTooLarge(MemoryEstimate estimate) {
        if (memory.fitsAlone(estimate)) return;
        throw new InvalidSpecException(estimate.dataBytes() > estimate.jobBytes() ? "dataset" : "model",
                "the job would need about " + MemoryEstimate.mib(estimate.total()) + " MB of memory, the server has "
                        + (memory.budget() >> 20) + " MB for jobs (its heap less nnlab.limits.memory-reserve): "
                        + "use fewer examples or a smaller network");
    }

    /**
     * Whether the queue may start a job now: it reserves the job's estimated memory if that fits next to
     * the running jobs' reservations (see {@link MemoryLedger}).
     */
    boolean mayStart(String id) {
        Job job = jobs.get(id);
        if (job == null) return true;
        MemoryEstimate estimate = job.plan.memory();
        // too large since a configuration change: it runs only on an otherwise empty server
        if (!memory.fitsAlone(estimate)) return memory.reserved() == 0;
        return memory.tryReserve(id, estimate);
    }

    /** Publishes a job's new status; a finished job leaves, and its memory goes back to the queue. */
    void statusChanged(Job job) {
        if (!job.isLost()) publishStatus(job);
        if (job.status().finished()) {
            finishedClassic.keep(job);
            jobs.remove(job.id);
            if (memory.release(job.id)) queue.recheck();
        }
    }

    void publishPositions() {
        if (queue instanceof SharedJobQueue shared) {
            List<SharedJobQueue.Waiting> waiting = shared.waitingJobs();
            for (int i = 0; i < waiting.size(); i++) {
                SharedJobQueue.Waiting w = waiting.get(i);
                publisher.publish(new JobMessage.Status(w.id(), JobStatus.QUEUED, 0, w.epochs(), i + 1, null, null));
            }
            return;
        }
        // the waiting order is played forward on a copy: not worth it while no job is queued (paced jobs go on again
        // many times a second)
        if (jobs.values().stream().noneMatch(j -> j.status() == JobStatus.QUEUED)) return;
        for (String id : queue.waiting()) {
            Job job = jobs.get(id);
            // only a queued job has a position; a paused or paced one going on again has nothing new to say
            if (job != null && job.status() == JobStatus.QUEUED) publishStatus(job);
        }
    }

    /**
     * Read and published under the job's lock, so that a queue-position broadcast that read QUEUED cannot be
     * published after the worker's RUNNING (both threads publish a job's status).
     */
    void publishStatus(Job job) {
        synchronized (job) {
            publisher.publish(statusMessage(job));
        }
    }

    JobMessage.Status statusMessage(Job job) {
        int position = position(job);
        return new JobMessage.Status(job.id, job.status(), job.epochsDone(), job.epochs,
                position > 0 ? position : null, job.stopReason(), job.error());
    }

    int position(Job job) {
        return job.status() == JobStatus.QUEUED ? queue.position(job.id) : 0;
    }
}
