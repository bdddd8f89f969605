package nnlab.jobs;

import java.time.Clock;
import java.util.List;
import nnlab.engine.InvalidSpecException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Starts and stops the jobs of this instance: at start it recovers what a previous run of the server left
 * behind, starts the queue's workers (each runs a job through its {@link JobRunner}) and the sweeper; at
 * stop it marks what was running as interrupted.
 */
@Component
class JobLifecycle implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobLifecycle.class);

    private final ActiveJobs live;
    private final JobSweeper sweeper;
    private final JobSpecMapper mapper;
    private final JobRepository repository;
    private final JobMetrics metrics;
    private final JobsProperties settings;
    private final LiveProperties liveSettings;
    private final Clock clock;
    private final SharedJobs shared;
    private volatile boolean running;

    JobLifecycle(ActiveJobs live, JobSweeper sweeper, JobSpecMapper mapper, JobRepository repository,
                 JobMetrics metrics, JobsProperties settings, LiveProperties liveSettings, Clock clock,
                 SharedJobs shared) {
        this.shared = shared;
        this.live = live;
        this.sweeper = sweeper;
        this.mapper = mapper;
        this.repository = repository;
        this.metrics = metrics;
        this.settings = settings;
        this.liveSettings = liveSettings;
        this.clock = clock;
    }

    @Override
    public void start() {
        live.findListeners();
        if (live.queue instanceof SharedJobQueue queue) {
            shared.start(queue, this::runJob);
        } else {
            recover();
        }
        live.queue.start(this::runJob, live::publishPositions, live::mayStart);
        sweeper.start();
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        sweeper.stop();
        if (live.queue instanceof SharedJobQueue queue) {
            shared.stop(queue);
            return;
        }
        live.queue.stop();
        // waiting jobs stay QUEUED in the database and are queued again at the next start
        List<String> waiting = live.queue.waiting(); // no worker takes these any more
        for (Job job : live.all()) {
            JobRunner r = job.runner();
            // parked, or resumed and still waiting for a worker: nobody else holds its training
            if (r != null && (job.unparkToEnd() || waiting.contains(job.id))) r.freeOnShutdown();
            JobStatus s = job.status();
            if (s == JobStatus.RUNNING || s == JobStatus.PAUSED) {
                repository.updateStatus(job.id, JobStatus.INTERRUPTED, job.epochsDone(), null,
                        "the server shut down while the job was " + s.name().toLowerCase()
                                + "; its history up to epoch " + job.epochsDone() + " is kept");
            }
        }
        live.clear();
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stop before the web server and the database go away. */
    @Override
    public int getPhase() {
        return SmartLifecycle.DEFAULT_PHASE - 1024;
    }

    /**
     * Jobs that were running or paused when the server stopped are marked INTERRUPTED (their history stays);
     * jobs that were waiting are planned again (the limits may have changed) and queued again, as far as the
     * queue allows.
     */
    void recover() {
        for (JobRecord r : repository.withStatus(List.of(JobStatus.RUNNING, JobStatus.PAUSED))) {
            repository.updateStatus(r.id(), JobStatus.INTERRUPTED, r.epochsDone(), null,
                    "the server stopped while the job was " + r.status().name().toLowerCase()
                            + "; its history up to epoch " + r.epochsDone() + " is kept");
            log.info("job {} was {} when the server stopped: marked INTERRUPTED", r.id(), r.status());
        }
        for (JobRecord r : repository.withStatus(List.of(JobStatus.QUEUED))) {
            JobPlan plan;
            try {
                plan = mapper.plan(r.spec());
            } catch (InvalidSpecException e) {
                // no longer within this server's limits: it fails as it would have at its start
                repository.updateStatus(r.id(), JobStatus.FAILED, 0, null, e.getMessage());
                metrics.finished(JobStatus.FAILED);
                continue;
            }
            Job job = new Job(r.id(), r.client(), plan, r.createdAt(), clock);
            try {
                live.add(job);
                live.queue.enqueue(job.id, job.client);
                log.info("job {} was waiting when the server stopped: queued again", r.id());
            } catch (QueueFullException e) {
                live.remove(job.id);
                repository.updateStatus(r.id(), JobStatus.INTERRUPTED, 0, null,
                        "the server stopped while the job was queued, and the queue is full now");
            }
        }
    }

    private void runJob(String id) {
        Job job = live.get(id);
        if (job == null) return;
        JobRunner r = job.runner();
        if (r == null) {
            r = new JobRunner(job, mapper, repository, live.publisher, metrics, settings, liveSettings, live::statusChanged, clock,
                    live.finishedClassic);
            job.runner(r);
        }
        r.run();
    }
}
