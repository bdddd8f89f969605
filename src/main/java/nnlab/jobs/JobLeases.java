package nnlab.jobs;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claims of one instance on the shared queue: its heartbeat renews the leases of the jobs it holds (and says
 * it is alive, with its workers); a job whose lease ran out is taken back by whichever instance sees it first.
 * Taking back: a paced job, or one claimed {@code max-attempts} times, is marked INTERRUPTED (its history kept);
 * any other goes back in the queue to start again from its first epoch (its epochs so far are deleted). The
 * job's error says which, naming the instance and the epoch.
 *
 * <p>An instance that cannot renew stops its jobs itself before their leases can run out (each job knows how long
 * its lease holds and stops training past it), so a job taken back is never still running elsewhere.
 */
public class JobLeases {

    private static final Logger log = LoggerFactory.getLogger(JobLeases.class);

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobRepository repository;
    private final MetricPublisher publisher;
    private final SharedQueueProperties settings;
    private final String instance;
    private final InstanceProperties.Role role;
    private final int workers;
    private final Clock clock;
    private final long startedAt;
    private ScheduledExecutorService beats;
    private Supplier<Collection<Job>> localJobs = List::of;
    private Consumer<Job> onLost = j -> {
    };
    private volatile long lastRenewed;
    private java.util.function.LongFunction<List<String>> watchedSince = since -> List.of();

    public JobLeases(JdbcClient jdbc, TransactionTemplate tx, JobRepository repository, MetricPublisher publisher,
                     SharedQueueProperties settings, String instance, InstanceProperties.Role role, int workers,
                     Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.repository = repository;
        this.publisher = publisher;
        this.settings = settings;
        this.instance = instance;
        this.role = role;
        this.workers = workers;
        this.clock = clock;
        this.startedAt = clock.millis();
    }

    /** The name this instance claims jobs under. */
    public String instance() {
        return instance;
    }

    /** The jobs this instance holds, and what to do with one it no longer holds (stop it without a word). */
    void watch(Supplier<Collection<Job>> jobs, Consumer<Job> lost) {
        this.localJobs = jobs;
        this.onLost = lost;
    }

    /** The jobs someone looked at here since a time: each heartbeat stores when, for the instance training them. */
    void reportLooks(java.util.function.LongFunction<List<String>> watched) {
        this.watchedSince = watched;
    }

    /** Whether someone looked at the job on any instance since then, as the heartbeats stored it. */
    boolean lookedSince(String jobId, long sinceMillis) {
        return jdbc.sql("select count(*) from job where id = :id and looked_at >= :since").param("id", jobId)
                .param("since", sinceMillis).query(Long.class).single() > 0;
    }

    /** How long a newly claimed job may train before its first renewal (a margin of one heartbeat). */
    long validUntil(long claimedAt) {
        return claimedAt + settings.lease().toMillis() - settings.heartbeat().toMillis();
    }

    synchronized void start() {
        lastRenewed = clock.millis();
        beat();
        beats = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nnlab-job-leases");
            t.setDaemon(true);
            return t;
        });
        long every = Math.max(1, settings.heartbeat().toMillis());
        beats.scheduleWithFixedDelay(this::beat, every, every, TimeUnit.MILLISECONDS);
    }

    /** Stops the heartbeat; with {@code leave}, this instance is struck from the instances' table. */
    synchronized void stop(boolean leave) {
        if (beats != null) {
            beats.shutdownNow();
            try {
                beats.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            beats = null;
        }
        if (leave) {
            try {
                jdbc.sql("delete from job_instance where id = :me").param("me", instance).update();
            } catch (RuntimeException e) {
                log.warn("could not strike instance {} from the instances' table: {}", instance, e.getMessage());
            }
        }
    }

    /** Renews, notices lost jobs, takes back expired ones. Never throws (it runs on a schedule). */
    void beat() {
        long now = clock.millis();
        try {
            renew(now);
            lastRenewed = now;
        } catch (RuntimeException e) {
            log.warn("instance {} could not renew its leases: {}", instance, e.getMessage());
            if (now - lastRenewed >= settings.lease().toMillis() - settings.heartbeat().toMillis()) {
                for (Job job : localJobs.get()) if (job.leased()) lose(job, "its lease could not be renewed");
            }
            return;
        }
        try {
            List<String> looked = watchedSince.apply(now - settings.heartbeat().toMillis() * 2);
            if (!looked.isEmpty()) {
                jdbc.sql("update job set looked_at = :now where id in (:ids)").param("now", now).param("ids", looked)
                        .update();
            }
            takeBackExpired(now);
            jdbc.sql("delete from job_instance where seen_at < :old").param("old", now - 10 * settings.lease().toMillis())
                    .update();
        } catch (RuntimeException e) {
            log.warn("instance {} could not take back expired jobs: {}", instance, e.getMessage());
        }
    }

    private void renew(long now) {
        if (jdbc.sql("update job_instance set seen_at = :now, workers = :w where id = :me").param("now", now)
                .param("w", workers).param("me", instance).update() == 0) {
            jdbc.sql("insert into job_instance (id, role, workers, started_at, seen_at) values (:me, :r, :w, :s, :now)")
                    .param("me", instance).param("r", role.name().toLowerCase()).param("w", workers)
                    .param("s", startedAt).param("now", now).update();
        }
        Map<String, Job> mine = localJobs.get().stream().filter(j -> j.leased() && !j.status().finished())
                .collect(Collectors.toMap(j -> j.id, j -> j, (a, b) -> a));
        if (mine.isEmpty()) return;
        jdbc.sql("update job set lease_until = :until where owner_instance = :me and id in (:ids)")
                .param("until", now + settings.lease().toMillis()).param("me", instance).param("ids", mine.keySet())
                .update();
        List<String> held = jdbc.sql("select id from job where owner_instance = :me and id in (:ids)")
                .param("me", instance).param("ids", mine.keySet()).query(String.class).list();
        for (Job job : mine.values()) {
            if (held.contains(job.id)) {
                job.leaseValidUntil(validUntil(now));
            } else if (!repository.find(job.id).map(r -> r.status().finished()).orElse(true)) {
                lose(job, "another instance holds it now");
            }
        }
    }

    private void lose(Job job, String why) {
        log.warn("job {}: {}; instance {} stops it here", job.id, why, instance);
        onLost.accept(job);
    }

    /** The workers of the instances seen within a lease. */
    int workersEverywhere() {
        return jdbc.sql("select coalesce(sum(workers), 0) from job_instance where seen_at >= :since")
                .param("since", clock.millis() - settings.lease().toMillis()).query(Integer.class).single();
    }

    void takeBackExpired(long now) {
        takeBack("owner_instance is not null and lease_until < :now", null, now,
                "stopped renewing its lease");
    }

    /**
     * Takes back what this instance held when it stopped or restarted (only its own claims: other instances' jobs
     * run on).
     */
    void takeBackOwn(String why) {
        takeBack("owner_instance = :me", instance, clock.millis(), why);
    }

    private record Claim(String id, String owner, int attempts, int epochsDone, int epochs) {
    }

    /** Expired claims that a run is writing to are skipped (taken back at the next beat); one's own are waited for. */
    private void takeBack(String which, String me, long now, String why) {
        List<JobMessage.Status> said = tx.execute(status -> {
            var q = jdbc.sql("select id, owner_instance, attempts, epochs_done, epochs from job where " + which
                    + " and status in " + SharedJobQueue.UNFINISHED + " for update" + (me == null ? " skip locked" : ""));
            if (which.contains(":now")) q = q.param("now", now);
            if (me != null) q = q.param("me", me);
            List<Claim> claims = q.query((rs, n) -> new Claim(rs.getString(1), rs.getString(2), rs.getInt(3),
                    rs.getInt(4), rs.getInt(5))).list();
            return claims.stream().map(c -> takeBack(c, now, why)).toList();
        });
        for (JobMessage.Status s : said) publisher.publish(s);
    }

    private JobMessage.Status takeBack(Claim c, long now, String why) {
        boolean paced = repository.find(c.id).map(r -> r.spec().paced()).orElse(false);
        String what = "the server instance running it (" + c.owner + ") " + why + " at epoch " + c.epochsDone;
        if (paced || c.attempts >= settings.maxAttempts()) {
            String error = "interrupted: " + what + (paced
                    ? "; a paced job does not start again on its own: start it again from its page"
                    : "; it was started " + c.attempts + " times (nnlab.jobs.shared.max-attempts)")
                    + "; its history up to epoch " + c.epochsDone + " is kept";
            jdbc.sql("update job set status = 'INTERRUPTED', error = :e, finished_at = :now, owner_instance = null,"
                            + " lease_until = null where id = :id").param("e", error).param("now", now)
                    .param("id", c.id).update();
            log.info("job {}: {}", c.id, error);
            return new JobMessage.Status(c.id, JobStatus.INTERRUPTED, c.epochsDone, c.epochs, null, null, error);
        }
        String error = "queued again from the start: " + what + " (start " + (c.attempts + 1) + " of at most "
                + settings.maxAttempts() + ")";
        jdbc.sql("delete from job_epoch where job_id = :id").param("id", c.id).update();
        jdbc.sql("""
                update job set status = 'QUEUED', owner_instance = null, lease_until = null, epochs_done = 0,
                  started_at = null, stop_reason = null, error = :e, weights = null
                where id = :id""").param("e", error).param("id", c.id).update();
        log.info("job {}: {}", c.id, error);
        return new JobMessage.Status(c.id, JobStatus.QUEUED, 0, c.epochs, null, null, error);
    }
}
