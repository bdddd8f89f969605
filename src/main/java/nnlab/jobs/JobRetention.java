package nnlab.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import nnlab.data.Datasets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Keeps the stored history from growing without end, every {@code nnlab.jobs.retention-interval}: a finished
 * playground run (a 2-D data set) keeps every epoch up to 1,000 and a log-spaced sample after ({@link EpochSample});
 * a finished job of an anonymous caller is deleted {@code nnlab.jobs.anonymous-retention} after it finished.
 * Jobs of students and instructors are kept. Live jobs are never touched: their history in memory is whole.
 */
@Component
class JobRetention implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobRetention.class);
    /** The owner keys of people (students and instructors, also through their API tokens): their jobs stay. */
    static final List<String> PEOPLE = List.of("student:", "instructor:");
    /** The 2-D data sets the playground and the labs' plane widgets train on. */
    private static final Set<String> PLANE_DATA = Set.of(Datasets.PLAYGROUND, Datasets.XOR, Datasets.SEPARABLE, Datasets.POINTS);

    private final JobRepository repository;
    private final JobRetentionProperties settings;
    private final Clock clock;
    /** Jobs that finished before this (millis) were thinned already. */
    private long thinnedUpTo;
    private ScheduledExecutorService executor;

    JobRetention(JobRepository repository, JobRetentionProperties settings, Clock clock) {
        this.repository = repository;
        this.settings = settings;
        this.clock = clock;
    }

    /** One pass: thins the playground runs that finished since the last pass, then expires anonymous jobs. */
    synchronized void sweep() {
        long now = clock.millis();
        int thinned = 0;
        long rows = 0;
        for (JobRecord job : repository.finishedWithMoreEpochsThan(EpochSample.DENSE, thinnedUpTo)) {
            if (job.spec() == null || job.spec().dataset() == null || !PLANE_DATA.contains(job.spec().dataset().name())) continue;
            rows += repository.thinEpochs(job.id());
            thinned++;
        }
        thinnedUpTo = now;
        Duration keep = settings.anonymousRetention();
        int expired = keep.isZero() || keep.isNegative() ? 0 : repository.deleteFinishedBefore(now - keep.toMillis(), PEOPLE);
        if (rows > 0 || expired > 0) {
            log.info("stored history: {} epoch rows of {} playground runs thinned; {} anonymous jobs older than {} deleted",
                    rows, thinned, expired, keep);
        }
    }

    @Override
    public synchronized void start() {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nnlab-job-retention");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1000, settings.retentionInterval().toMillis());
        executor.scheduleWithFixedDelay(this::sweepLogged, every, every, TimeUnit.MILLISECONDS);
    }

    private void sweepLogged() {
        try {
            sweep();
        } catch (RuntimeException e) {
            log.error("thinning and expiring stored jobs failed", e);
        }
    }

    /** Stops the passes, after a last one, so that the database compacted at shutdown is as small as it gets. */
    @Override
    public synchronized void stop() {
        if (executor == null) return;
        executor.shutdownNow();
        executor = null;
        sweepLogged();
    }

    @Override
    public synchronized boolean isRunning() {
        return executor != null;
    }
}
