package nnlab.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The time rules of live jobs, applied every {@value #SWEEP_MILLIS} ms on the injected {@link Clock}: a paused
 * job past its time limit fails, one paused longer than {@code nnlab.jobs.paused-timeout} is cancelled, and
 * one nobody has looked at for {@code nnlab.jobs.idle-timeout} is cancelled. (A running job checks its time
 * limit itself, between batches.)
 */
@Component
class JobSweeper {

    private static final Logger log = LoggerFactory.getLogger(JobSweeper.class);
    static final long SWEEP_MILLIS = 250;

    private final Supplier<Collection<Job>> jobs;
    private final Predicate<String> isLive;
    private final BiConsumer<Job, String> cancel;
    private final JobWatchers watchers;
    private final JobsProperties settings;
    private final Clock clock;
    private ScheduledExecutorService executor;

    @Autowired
    JobSweeper(ActiveJobs live, JobControls controls, JobWatchers watchers, JobsProperties settings, Clock clock) {
        this(live::all, live::contains, controls::cancel, watchers, settings, clock);
    }

    /**
     * @param cancel cancels a live job with the error given (as its owner's cancel does, with a reason)
     */
    JobSweeper(Supplier<Collection<Job>> jobs, Predicate<String> isLive, BiConsumer<Job, String> cancel,
               JobWatchers watchers, JobsProperties settings, Clock clock) {
        this.jobs = jobs;
        this.isLive = isLive;
        this.cancel = cancel;
        this.watchers = watchers;
        this.settings = settings;
        this.clock = clock;
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nnlab-job-sweeper");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
    }

    void stop() {
        if (executor != null) executor.shutdownNow();
    }

    void sweep() {
        sweepParked();
        sweepIdle();
    }

    /**
     * Ends parked jobs that nobody will continue: past the time limit (FAILED, as a running job) or idle
     * longer than {@code nnlab.jobs.paused-timeout} (CANCELLED with an error saying why). Either way the
     * training state is freed and the owner sees the status and the error.
     */
    void sweepParked() {
        try {
            long now = clock.millis();
            Duration timeout = settings.pausedTimeout();
            long idleCutoff = now - timeout.toMillis();
            for (Job job : jobs.get()) {
                JobRunner r = job.runner();
                if (r == null) continue;
                if (r.pastDeadline(now) && job.unparkToEnd()) {
                    r.endParkedTimedOut();
                } else if (job.unparkIfIdleSince(idleCutoff)) {
                    log.info("job {} was paused longer than {}: cancelled", job.id, timeout);
                    r.endParked(JobStatus.CANCELLED, "the job was paused for longer than " + timeout
                            + " (nnlab.jobs.paused-timeout) without a step or resume; it was cancelled to free its"
                            + " memory. Its history up to epoch " + job.epochsDone() + " and its weights are kept");
                }
            }
        } catch (RuntimeException e) {
            log.error("sweeping paused jobs failed", e);
        }
    }

    /**
     * Cancels jobs that nobody has looked at for {@code nnlab.jobs.idle-timeout} (no live-stream subscriber, no
     * read of the job or its metrics): their worker and memory go to someone who is watching. The error says
     * why; history and weights so far are kept.
     */
    void sweepIdle() {
        try {
            long now = clock.millis();
            Duration timeout = settings.idleTimeout();
            Duration paced = settings.pacedIdleTimeout();
            boolean idleRule = !timeout.isZero() && !timeout.isNegative();
            boolean pacedRule = !paced.isZero() && !paced.isNegative();
            for (Job job : jobs.get()) {
                if (job.status().finished() || job.isCancelled()) continue;
                if (pacedRule && job.paced && watchers.unwatchedSince(job.id, now - paced.toMillis())) {
                    log.info("paced job {}: nobody followed it or granted epochs for {}: cancelled", job.id, paced);
                    cancel.accept(job, "the page that played the job went away: nobody followed it live or granted it"
                            + " epochs for " + paced + " (nnlab.jobs.paced-idle-timeout); its history and weights"
                            + " up to then are kept");
                } else if (idleRule && watchers.unwatchedSince(job.id, now - timeout.toMillis())) {
                    log.info("job {}: nobody looked at it for {}: cancelled", job.id, timeout);
                    cancel.accept(job, "nobody looked at the job for " + timeout + " (nnlab.jobs.idle-timeout: no"
                            + " live stream subscriber, no read of the job or its metrics), so it was stopped to free"
                            + " its worker; its history and weights up to then are kept");
                }
            }
            watchers.forgetUnless(isLive);
        } catch (RuntimeException e) {
            log.error("sweeping idle jobs failed", e);
        }
    }
}
