package nnlab.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The job queue of several instances, in PostgreSQL: a job waits as a QUEUED row, and a worker of any instance
 * claims it with {@code FOR UPDATE SKIP LOCKED} (two workers never get the same row), becoming its owner under a
 * lease ({@link JobLeases}). The next job follows {@link OwnerTurns}' rule with the database's counts: an owner
 * below its running limit before one at it, then the owner whose last claim is oldest (never served first), then
 * the owner's oldest job. The bounds are counted in the database, one owner's admission at a time.
 *
 * <p>A paused or paced job that waits keeps its training in its instance's memory: a resume, step or grant puts it
 * back in that instance's local line ({@link #requeue}), which its workers serve before claiming new jobs.
 */
public class SharedJobQueue implements JobQueue {

    private static final Logger log = LoggerFactory.getLogger(SharedJobQueue.class);
    static final String UNFINISHED = "('QUEUED', 'RUNNING', 'PAUSED')";
    /** Admitted and waiting for a worker. */
    private static final String WAITING = "status = 'QUEUED' and owner_instance is null and queued_at is not null";

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final JobLeases leases;
    private final JobsProperties limits;
    private final SharedQueueProperties settings;
    private final int workers;
    private final Clock clock;
    private final ArrayDeque<String> resumed = new ArrayDeque<>();
    private final WorkerThreads threads = new WorkerThreads();
    private volatile boolean stopped;
    private boolean wake;
    private Consumer<String> claimed = id -> {
    };

    /** @param workers this instance's workers; 0 for an instance that does not train */
    public SharedJobQueue(JdbcClient jdbc, TransactionTemplate tx, JobLeases leases, JobsProperties limits,
                          SharedQueueProperties settings, int workers, Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.leases = leases;
        this.limits = limits;
        this.settings = settings;
        this.workers = workers;
        this.clock = clock;
    }

    JobLeases leases() {
        return leases;
    }

    /** Who trains a job this instance claimed from the database (it is not in this instance's memory yet). */
    void onClaim(Consumer<String> adopt) {
        this.claimed = adopt;
    }

    /**
     * Admits a stored job: within one owner's lock, the queue's and the owner's bounds are counted in the database;
     * then the job becomes visible to every worker.
     */
    @Override
    public void enqueue(String jobId, String owner) {
        tx.executeWithoutResult(status -> {
            jdbc.sql("select pg_advisory_xact_lock(hashtext(:o))").param("o", "nnlab-queue:" + owner)
                    .query((rs, n) -> 1).list();
            long waiting = count("select count(*) from job where " + WAITING, null, jobId);
            if (waiting >= limits.queueCapacity()) {
                throw new QueueFullException("the job queue is full (" + limits.queueCapacity() + " waiting jobs)",
                        "nnlab.jobs.queue-capacity", limits.queueCapacity(), limits.retryAfter());
            }
            long mine = count("select count(*) from job where " + WAITING + " and client = :o", owner, jobId);
            if (mine >= limits.maxQueuedPerClient()) {
                throw new QueueFullException("you have " + mine + " jobs waiting for a worker, the limit is "
                        + limits.maxQueuedPerClient() + " per client: wait for one to start or cancel one",
                        "nnlab.jobs.max-queued-per-client", limits.maxQueuedPerClient(), limits.retryAfter());
            }
            long active = count("select count(*) from job where status in " + UNFINISHED
                    + " and queued_at is not null and client = :o and id <> :id", owner, jobId);
            if (active >= limits.maxActivePerClient()) {
                throw new QueueFullException("you have " + active + " unfinished jobs, the limit is "
                        + limits.maxActivePerClient() + " per client: wait for one to finish or cancel one",
                        "nnlab.jobs.max-active-per-client", limits.maxActivePerClient(), limits.retryAfter());
            }
            jdbc.sql("update job set queued_at = :now where id = :id").param("now", clock.millis())
                    .param("id", jobId).update();
        });
        wake();
    }

    private long count(String sql, String owner, String id) {
        var q = jdbc.sql(sql);
        if (sql.contains(":o")) q = q.param("o", owner);
        if (sql.contains(":id")) q = q.param("id", id);
        return q.query(Long.class).single();
    }

    @Override
    public synchronized void requeue(String jobId, String owner) {
        if (stopped) return;
        resumed.addFirst(jobId);
        wake = true;
        notifyAll();
    }

    /** Takes a job out of this instance's local line (resumed, not yet on a worker). */
    @Override
    public synchronized boolean remove(String jobId) {
        return resumed.remove(jobId);
    }

    /** Cancels a job that waits in the database, unless a worker claimed it first. */
    boolean cancelWaiting(String jobId, String error) {
        long now = clock.millis();
        boolean done = jdbc.sql("update job set status = 'CANCELLED', stop_reason = 'CANCELLED', error = :e,"
                        + " finished_at = :now where id = :id and " + WAITING)
                .param("e", error, java.sql.Types.VARCHAR).param("now", now).param("id", jobId).update() == 1;
        if (done) wake(); // positions moved
        return done;
    }

    @Override
    public int position(String jobId) {
        int i = waiting().indexOf(jobId);
        return i + 1;
    }

    @Override
    public List<String> waiting() {
        return waitingJobs().stream().map(Waiting::id).toList();
    }

    /** A job waiting in the database, with the epochs it asks for (what a status message says). */
    record Waiting(String id, int epochs) {
    }

    /** The waiting jobs in the order they are expected to start, played forward from the database's counts. */
    List<Waiting> waitingJobs() {
        List<String[]> queued = jdbc.sql("select id, client, epochs from job where " + WAITING
                        + " order by queued_at, id")
                .query((rs, n) -> new String[] {rs.getString(1), owner(rs.getString(2)), rs.getString(3)}).list();
        if (queued.isEmpty()) return List.of();
        OwnerTurns turns = new OwnerTurns(limits.maxRunningPerClient(), limits.workConserving());
        jdbc.sql("select client, max(claimed_at) from job where claimed_at is not null and client in"
                        + " (select client from job where " + WAITING + ") group by client order by 2")
                .query(rs -> {
                    turns.served(owner(rs.getString(1)));
                });
        jdbc.sql("select id, client from job where status = 'RUNNING' and owner_instance is not null"
                + " order by claimed_at").query(rs -> {
                    turns.running(rs.getString(1), owner(rs.getString(2)));
                });
        Map<String, Integer> epochs = new HashMap<>();
        for (String[] q : queued) {
            turns.add(q[0], q[1]);
            epochs.put(q[0], Integer.parseInt(q[2]));
        }
        return turns.order(Math.max(1, leases.workersEverywhere())).stream()
                .map(id -> new Waiting(id, epochs.get(id))).toList();
    }

    private static String owner(String client) {
        return client == null ? "" : client;
    }

    @Override
    public int capacity() {
        return limits.queueCapacity();
    }

    @Override
    public int workers() {
        return workers;
    }

    /**
     * Starts this instance's workers (none for a web instance): each serves the local line first, then claims the
     * next job from the database; {@code run} continues a resumed job, {@link #onClaim} adopts a claimed one.
     * Memory is checked by the adopter, after the claim.
     */
    @Override
    public synchronized void start(Consumer<String> run, Runnable positionsChanged, Predicate<String> mayStart) {
        threads.start(workers, () -> work(run, positionsChanged));
    }

    private void work(Consumer<String> run, Runnable positionsChanged) {
        while (!stopped) {
            String id = takeResumed();
            Consumer<String> runner = run;
            if (id == null && !stopped) {
                id = claimQuietly();
                runner = claimed;
                if (id != null) positionsChanged.run();
            }
            if (id == null) {
                if (!idle()) return;
                continue;
            }
            try {
                runner.accept(id);
            } catch (RuntimeException | Error e) {
                log.error("job {} ended with an unexpected error", id, e);
            }
            if (Thread.interrupted() && stopped) return;
        }
    }

    private synchronized String takeResumed() {
        return resumed.pollFirst();
    }

    /** Waits for a poll interval or a local submission; false when stopped. */
    private synchronized boolean idle() {
        try {
            if (!wake && !stopped) wait(Math.max(1, settings.poll().toMillis()));
        } catch (InterruptedException e) {
            return false;
        }
        wake = false;
        return !stopped;
    }

    private synchronized void wake() {
        wake = true;
        notifyAll();
    }

    private String claimQuietly() {
        try {
            return claim();
        } catch (RuntimeException e) {
            log.warn("could not claim a job from the database: {}", e.getMessage());
            return null;
        }
    }

    /** Claims the next job for this instance, or null when none waits. */
    String claim() {
        long now = clock.millis();
        boolean conserving = limits.workConserving();
        return jdbc.sql("""
                        update job set status = 'RUNNING', owner_instance = :me, lease_until = :until,
                          claimed_at = :now, attempts = attempts + 1
                        where id = (
                          select j.id from job j
                          left join (select client, count(*) n from job
                                     where status = 'RUNNING' and owner_instance is not null group by client) r
                            on r.client = j.client
                          left join (select client, max(claimed_at) t from job
                                     where claimed_at is not null and client in (select client from job where %s)
                                     group by client) s
                            on s.client = j.client
                          where j.%s %s
                          order by case when coalesce(r.n, 0) < :limit then 0 else 1 end, coalesce(s.t, -1),
                            j.queued_at, j.id
                          limit 1
                          for update of j skip locked)
                        and %s
                        returning id""".formatted(WAITING, WAITING.replace(" and ", " and j."),
                        conserving ? "" : "and coalesce(r.n, 0) < :limit", WAITING))
                .param("me", leases.instance()).param("until", now + settings.lease().toMillis()).param("now", now)
                .param("limit", limits.maxRunningPerClient())
                .query(String.class).optional().orElse(null);
    }

    @Override
    public synchronized void recheck() {
        notifyAll();
    }

    /** Takes no more jobs (the workers finish what they hold). */
    synchronized void stopTaking() {
        stopped = true;
        notifyAll();
    }

    @Override
    public void stop() {
        synchronized (this) {
            stopped = true;
            notifyAll();
        }
        threads.stop();
    }

    /** How long a claim holds without a heartbeat. */
    Duration lease() {
        return settings.lease();
    }
}
