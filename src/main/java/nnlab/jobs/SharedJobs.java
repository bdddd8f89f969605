package nnlab.jobs;

import java.time.Clock;
import java.util.function.Consumer;
import nnlab.engine.InvalidSpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * This instance's side of the shared queue ({@link SharedJobQueue}): at start it takes back only its own claims
 * of a previous run (other instances' jobs run on), then renews its leases and reads the controls sent to its
 * jobs; it takes in each job it claims (planned from the stored spec, with the controls sent before the claim);
 * at stop its jobs go back to the queue for another instance.
 */
@Component
class SharedJobs {

    private static final Logger log = LoggerFactory.getLogger(SharedJobs.class);

    private final ActiveJobs live;
    private final JobSpecMapper mapper;
    private final JobRepository repository;
    private final JobMetrics metrics;
    private final ControlPoller controls;
    private final SharedQueueProperties settings;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final JobWatchers watchers;
    private volatile boolean stopping;

    SharedJobs(ActiveJobs live, JobSpecMapper mapper, JobRepository repository, JobMetrics metrics,
               ControlPoller controls, SharedQueueProperties settings, Clock clock, TransactionTemplate tx, JobWatchers watchers) {
        this.tx = tx;
        this.watchers = watchers;
        this.live = live;
        this.mapper = mapper;
        this.repository = repository;
        this.metrics = metrics;
        this.controls = controls;
        this.settings = settings;
        this.clock = clock;
    }

    /** @param run trains a job this instance holds in memory */
    void start(SharedJobQueue queue, Consumer<String> run) {
        JobLeases leases = queue.leases();
        repository.fence(leases.instance(), tx);
        leases.takeBackOwn("restarted");
        leases.watch(live::all, this::lost);
        leases.reportLooks(watchers::watchedSince);
        watchers.alsoAsk(leases::lookedSince);
        queue.onClaim(id -> adopt(queue, id, run));
        leases.start();
        controls.start(leases.instance(), Math.max(1, settings.controlPoll().toMillis()));
    }

    /** This instance's jobs stop here without a word and go back to the queue (or are interrupted, if paced). */
    void stop(SharedJobQueue queue) {
        stopping = true;
        JobLeases leases = queue.leases();
        controls.stop();
        leases.stop(false);
        queue.stopTaking();
        for (Job job : live.all()) lost(job);
        queue.stop();
        // after the workers have gone: nothing of this instance writes to these jobs any more
        try {
            leases.takeBackOwn("shut down");
        } catch (RuntimeException e) {
            log.warn("could not put this instance's jobs back in the queue; their leases will run out: {}",
                    e.getMessage());
        }
        leases.stop(true);
        live.clear();
    }

    private void adopt(SharedJobQueue queue, String id, Consumer<String> run) {
        JobRecord r = repository.find(id).orElse(null);
        if (r == null) return;
        JobPlan plan;
        try {
            plan = mapper.plan(r.spec());
        } catch (InvalidSpecException e) {
            // no longer within this server's limits: it fails as it would have at its start
            repository.updateStatus(id, JobStatus.FAILED, 0, null, e.getMessage());
            metrics.finished(JobStatus.FAILED);
            live.publisher.publish(new JobMessage.Status(id, JobStatus.FAILED, 0, r.epochs(), null, null,
                    e.getMessage()));
            return;
        }
        Job job = new Job(id, r.client(), plan, r.createdAt(), clock);
        job.leaseValidUntil(queue.leases().validUntil(clock.millis()));
        live.add(job);
        if (stopping) {
            live.remove(job); // claimed as this instance stopped: taken back with the rest
            return;
        }
        controls.applyPending(id);
        while (!live.mayStart(id)) {
            if (job.isLost() || stopping) {
                live.remove(job);
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                live.remove(job);
                Thread.currentThread().interrupt();
                return;
            }
        }
        run.accept(id);
    }

    /** Stops a job taken back from this instance: one on a worker before its next batch, a waiting one at once. */
    private void lost(Job job) {
        boolean parked = job.lose();
        if (parked || live.queue.remove(job.id)) {
            JobRunner r = job.runner();
            if (r != null) r.freeOnShutdown();
            job.finish(JobStatus.INTERRUPTED, null, null);
            live.statusChanged(job);
        }
    }
}
