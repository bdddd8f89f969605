package nnlab.jobs;

import java.lang.ref.SoftReference;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import nnlab.data.PreparedDataset;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Model;
import nnlab.engine.ModelSummary;
import nnlab.engine.NetworkSpec;
import nnlab.engine.StopReason;
import nnlab.engine.Weights;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Service;

/**
 * The jobs of this instance: accepts specs, queues them, runs them on the queue's workers, answers
 * for their state and history (live jobs from memory, finished ones from the database), and passes
 * controls to running jobs. At start it recovers what a previous run of the server left behind.
 */
@Service
public class JobService implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(JobService.class);
    static final int LIST_LIMIT = 200;

    private final JobSpecMapper mapper;
    private final JobRepository repository;
    private final JobQueue queue;
    private final MetricPublisher publisher;
    private final JobMetrics metrics;
    private final JobsProperties settings;
    private final LimitsProperties limits;
    private final LiveProperties liveSettings;
    private final JobWatchers watchers;
    private final SubmissionRateLimiter rateLimiter;
    private final Map<String, Job> live = new ConcurrentHashMap<>();
    /** Heap reserved by started jobs, and what each waiting or live job will reserve. */
    private final MemoryLedger memory;
    private final Map<String, MemoryEstimate> estimates = new ConcurrentHashMap<>();
    /**
     * Finished jobs' data (their scalers, feature and class names), prepared again on demand. Held softly: no
     * job's memory reservation covers them, so the collector may take them back before a running job runs short.
     */
    private final Map<String, SoftReference<PreparedJob>> finishedData = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SoftReference<PreparedJob>> eldest) {
                    return size() > 4;
                }
            });
    private final ObjectProvider<JobListener> listenerBeans;
    private volatile List<JobListener> listeners = List.of();
    private volatile boolean running;
    private static final long SWEEP_MILLIS = 250;
    private ScheduledExecutorService sweeper;

    public JobService(JobSpecMapper mapper, JobRepository repository, JobQueue queue, MetricPublisher publisher,
                      JobMetrics metrics, JobsProperties settings, LimitsProperties limits,
                      LiveProperties liveSettings, JobWatchers watchers,
                      SubmissionRateLimiter rateLimiter, ObjectProvider<JobListener> listeners) {
        this.mapper = mapper;
        this.repository = repository;
        this.queue = queue;
        this.publisher = telling(publisher);
        this.listenerBeans = listeners;
        this.metrics = metrics;
        this.settings = settings;
        this.limits = limits;
        this.liveSettings = liveSettings;
        this.watchers = watchers;
        this.rateLimiter = rateLimiter;
        this.memory = MemoryLedger.forHeap(Runtime.getRuntime().maxMemory(),
                limits.memoryReserve().toBytes());
        metrics.gauge("nnlab.jobs.memory.reserved", "heap bytes reserved by started jobs", memory::reserved);
        metrics.gauge("nnlab.jobs.queued", "jobs waiting for a worker", () -> count(JobStatus.QUEUED));
        metrics.gauge("nnlab.jobs.running", "jobs training now", () -> count(JobStatus.RUNNING));
        metrics.gauge("nnlab.jobs.paused", "jobs paused (parked in memory, holding no worker)",
                () -> count(JobStatus.PAUSED));
    }

    /** Publishes, then tells the listeners of status changes and epochs with the job's owner. */
    private MetricPublisher telling(MetricPublisher publisher) {
        return message -> {
            publisher.publish(message);
            List<JobListener> listeners = this.listeners;
            if (listeners.isEmpty() || message instanceof JobMessage.Progress) return;
            Job job = live.get(message.jobId());
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

    // ---- lifecycle -------------------------------------------------------------------------------

    @Override
    public void start() {
        // looked up now, not in the constructor: listeners may need the job service themselves
        listeners = listenerBeans.orderedStream().toList();
        recover();
        queue.start(this::runJob, this::publishPositions, this::mayStart);
        sweeper = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "nnlab-paused-sweeper");
            t.setDaemon(true);
            return t;
        });
        sweeper.scheduleWithFixedDelay(() -> {
            sweepParked();
            sweepIdle();
        }, SWEEP_MILLIS, SWEEP_MILLIS, TimeUnit.MILLISECONDS);
        running = true;
    }

    /**
     * Ends parked jobs that nobody will continue: past the time limit (FAILED, as a running job) or idle
     * longer than {@code nnlab.jobs.paused-timeout} (CANCELLED with an error saying why). Either way the
     * training state is freed and the owner sees the status and the error.
     */
    void sweepParked() {
        try {
            long now = System.nanoTime();
            long idleCutoff = now - settings.pausedTimeout().toNanos();
            for (Job job : live.values()) {
                JobRunner r = job.runner();
                if (r == null) continue;
                if (r.pastDeadline(now) && job.unparkToEnd()) {
                    r.endParkedTimedOut();
                } else if (job.unparkIfIdleSince(idleCutoff)) {
                    log.info("job {} was paused longer than {}: cancelled", job.id, settings.pausedTimeout());
                    r.endParked(JobStatus.CANCELLED, "the job was paused for longer than "
                            + settings.pausedTimeout() + " (nnlab.jobs.paused-timeout) without a step"
                            + " or resume; it was cancelled to free its memory. Its history up to epoch "
                            + job.epochsDone() + " and its weights are kept");
                }
            }
        } catch (RuntimeException e) {
            log.error("sweeping paused jobs failed", e);
        }
    }

    /**
     * Cancels jobs that nobody has looked at for {@code nnlab.jobs.idle-timeout} (no live-stream
     * subscriber, no read of the job or its metrics): their worker and memory go to someone who is
     * watching. The error says why; history and weights so far are kept.
     */
    void sweepIdle() {
        try {
            Duration timeout = settings.idleTimeout();
            if (timeout.isZero() || timeout.isNegative()) return;
            long cutoff = System.nanoTime() - timeout.toNanos();
            for (Job job : live.values()) {
                if (job.status().finished() || job.isCancelled() || !watchers.unwatchedSince(job.id, cutoff)) continue;
                log.info("job {}: nobody looked at it for {}: cancelled", job.id, timeout);
                cancel(job, "nobody looked at the job for " + timeout + " (nnlab.jobs.idle-timeout: no live stream"
                        + " subscriber, no read of the job or its metrics), so it was stopped to free its worker;"
                        + " its history and weights up to then are kept");
            }
            watchers.forgetUnless(live::containsKey);
        } catch (RuntimeException e) {
            log.error("sweeping idle jobs failed", e);
        }
    }

    @Override
    public void stop() {
        running = false;
        if (sweeper != null) sweeper.shutdownNow();
        queue.stop();
        // waiting jobs stay QUEUED in the database and are queued again at the next start
        List<String> waiting = queue.waiting(); // no worker takes these any more
        for (Job job : live.values()) {
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
     * Jobs that were running or paused when the server stopped are marked INTERRUPTED (their history
     * stays); jobs that were waiting are queued again, as far as the queue allows.
     */
    void recover() {
        for (JobRecord r : repository.withStatus(List.of(JobStatus.RUNNING, JobStatus.PAUSED))) {
            repository.updateStatus(r.id(), JobStatus.INTERRUPTED, r.epochsDone(), null,
                    "the server stopped while the job was " + r.status().name().toLowerCase()
                            + "; its history up to epoch " + r.epochsDone() + " is kept");
            log.info("job {} was {} when the server stopped: marked INTERRUPTED", r.id(), r.status());
        }
        for (JobRecord r : repository.withStatus(List.of(JobStatus.QUEUED))) {
            Job job = new Job(r.id(), r.client(), r.spec(), r.epochs(), r.inputs(), r.createdAt());
            try {
                live.put(job.id, job);
                queue.enqueue(job.id, job.client);
                log.info("job {} was waiting when the server stopped: queued again", r.id());
            } catch (QueueFullException e) {
                live.remove(job.id);
                repository.updateStatus(r.id(), JobStatus.INTERRUPTED, 0, null,
                        "the server stopped while the job was queued, and the queue is full now");
            }
        }
    }

    // ---- submitting ------------------------------------------------------------------------------

    /** As {@link #submit(JobSpec, String, Long)} outside a class. */
    public JobView submit(JobSpec submitted, String client) {
        return submit(submitted, client, null);
    }

    /**
     * Checks the client's submission rate and the spec completely, then queues it.
     *
     * @param client  the owner key the job is stored under (and the per-client limit counts)
     * @param classId the owner's class, recorded with the job; null outside a class
     */
    public JobView submit(JobSpec submitted, String client, Long classId) {
        rateLimiter.acquire(client);
        JobSpec spec = mapper.withSeed(submitted);
        CheckedJob checked = mapper.check(spec);
        refuseIfTooLarge(checked.memory());
        int max = settings.maxActivePerClient();
        long active = live.values().stream().filter(j -> j.client.equals(client) && !j.status().finished()).count();
        if (active >= max) {
            throw new QueueFullException("you have " + active + " unfinished jobs, the limit is " + max
                    + " per client: wait for one to finish or cancel one", "nnlab.jobs.max-active-per-client", max,
                    settings.retryAfter());
        }
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, client, spec, checked.config().epochs(), checked.data().inputs(), Instant.now());
        repository.insert(new JobRecord(id, client, spec, JobStatus.QUEUED, job.epochs, job.inputs, 0, null, null,
                job.createdAt, null, null), classId);
        estimates.put(id, checked.memory());
        live.put(id, job);
        watchers.looked(id);
        try {
            queue.enqueue(id, client);
        } catch (QueueFullException e) {
            live.remove(id);
            estimates.remove(id);
            repository.delete(id);
            throw e;
        }
        publishStatus(job);
        return view(job, true);
    }

    /** A job that could never fit the heap, even alone, is refused (400 naming the limit). */
    private void refuseIfTooLarge(MemoryEstimate estimate) {
        if (memory.fitsAlone(estimate)) return;
        throw new InvalidSpecException(estimate.dataBytes() > estimate.jobBytes() ? "dataset" : "model",
                "the job would need about " + MemoryEstimate.mib(estimate.total()) + " MB of memory, the server has "
                        + (memory.budget() >> 20) + " MB for jobs (its heap less nnlab.limits.memory-reserve): "
                        + "use fewer examples or a smaller network");
    }

    /**
     * Whether the queue may start a job now: it reserves the job's estimated memory if that fits next to
     * the running jobs' reservations (see {@link MemoryLedger}). A job the ledger knows nothing of (queued
     * again after a restart) is estimated now; one that cannot be estimated starts and fails with its reason.
     */
    private boolean mayStart(String id) {
        Job job = live.get(id);
        if (job == null) return true;
        MemoryEstimate estimate = estimates.computeIfAbsent(id, k -> estimate(job));
        if (estimate == null) return true;
        // too large since a configuration change: it runs only on an otherwise empty server
        if (!memory.fitsAlone(estimate)) return memory.reserved() == 0;
        return memory.tryReserve(id, estimate);
    }

    private MemoryEstimate estimate(Job job) {
        try {
            return mapper.check(job.spec).memory();
        } catch (RuntimeException e) {
            return null;
        }
    }

    private void runJob(String id) {
        Job job = live.get(id);
        if (job == null) return;
        JobRunner r = job.runner();
        if (r == null) {
            r = new JobRunner(job, mapper, repository, publisher, metrics, settings, liveSettings, this::statusChanged);
            job.runner(r);
        }
        r.run();
    }

    private void statusChanged(Job job) {
        publishStatus(job);
        if (job.status().finished()) {
            live.remove(job.id);
            estimates.remove(job.id);
            if (memory.release(job.id)) queue.recheck();
        }
    }

    private void publishPositions() {
        for (String id : queue.waiting()) {
            Job job = live.get(id);
            if (job != null) publishStatus(job);
        }
    }

    /**
     * Read and published under the job's lock, so that a queue-position broadcast that read QUEUED cannot be
     * published after the worker's RUNNING (both threads publish a job's status).
     */
    private void publishStatus(Job job) {
        synchronized (job) {
            publisher.publish(statusMessage(job));
        }
    }

    JobMessage.Status statusMessage(Job job) {
        int position = job.status() == JobStatus.QUEUED ? queue.position(job.id) : 0;
        return new JobMessage.Status(job.id, job.status(), job.epochsDone(), job.epochs,
                position > 0 ? position : null, job.stopReason(), job.error());
    }

    // ---- the one door to a job --------------------------------------------------------------------

    /**
     * The job with this id, if the caller may reach it (their own; every job for instructors; anonymous
     * callers' jobs for anyone with the id). Every operation on one job takes what this returns.
     *
     * @param caller who asks; null counts as an anonymous caller who may reach no signed-in user's job
     * @throws JobNotFoundException                for an unknown job (404)
     * @throws InsufficientAuthenticationException when an anonymous caller reaches a signed-in user's job (401)
     * @throws AccessDeniedException               for someone else's job (403)
     */
    public ReachableJob reach(JobCaller caller, String id) {
        String owner = owner(id);
        if (caller != null && caller.mayReach(owner)) return new ReachableJob(id);
        if (caller == null || !caller.authenticated()) {
            throw new InsufficientAuthenticationException("job " + id + " belongs to a signed-in user: sign in as"
                    + " them, or as an instructor");
        }
        throw new AccessDeniedException("job " + id + " is not yours");
    }

    // ---- reading ---------------------------------------------------------------------------------

    public JobView get(ReachableJob reached) {
        return get(reached.id());
    }

    private JobView get(String id) {
        watchers.looked(id);
        Job job = live.get(id);
        if (job != null) return view(job, true);
        return view(record(id), true);
    }

    public List<JobView> list(JobStatus status) {
        return list(status, null, null);
    }

    /** The newest jobs, with any of a status, an owner key and a class (null = any). */
    public List<JobView> list(JobStatus status, String client, Long classId) {
        List<JobView> views = new ArrayList<>();
        for (JobRecord r : repository.list(LIST_LIMIT, status, client, classId)) {
            Job job = live.get(r.id());
            views.add(job != null ? view(job, false) : view(r, false));
        }
        return views;
    }

    /** The owner key the job is stored under (its {@code client}): what checks of the caller's reach compare. */
    public String owner(String id) {
        Job job = live.get(id);
        return job != null ? job.client : record(id).client();
    }

    /** Every epoch so far, in order. */
    public List<JobMessage.Epoch> history(ReachableJob reached) {
        String id = reached.id();
        watchers.looked(id);
        Job job = live.get(id);
        if (job != null) return job.history();
        JobRecord r = record(id);
        return repository.epochs(id, r.epochs());
    }

    /**
     * Hands {@code register} the job's current status and its history so far, under the job's lock, so
     * that a subscriber it registers misses no epoch published afterwards (it may see some twice:
     * drop epochs it already has). Returns false when the job has finished: the history is complete
     * and nothing more will be published.
     */
    public boolean follow(ReachableJob reached, BiConsumer<JobMessage.Status, List<JobMessage.Epoch>> register) {
        String id = reached.id();
        Job job = live.get(id);
        if (job != null) {
            synchronized (job.lock()) {
                if (!job.status().finished()) {
                    register.accept(statusMessage(job), job.history());
                    return true;
                }
            }
        }
        JobRecord r = record(id);
        register.accept(status(id), repository.epochs(id, r.epochs()));
        return false;
    }

    /** The live job, if it is live on this instance. */
    Optional<Job> live(String id) {
        return Optional.ofNullable(live.get(id));
    }

    JobRecord record(String id) {
        return repository.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    /** The current status as a live message, for a subscriber's first message. */
    private JobMessage.Status status(String id) {
        Job job = live.get(id);
        if (job != null) return statusMessage(job);
        JobRecord r = record(id);
        return new JobMessage.Status(id, r.status(), r.epochsDone(), r.epochs(), null, r.stopReason(), r.error());
    }

    private JobView view(Job job, boolean full) {
        int position = job.status() == JobStatus.QUEUED ? queue.position(job.id) : 0;
        Double lr = job.requestedLearningRate();
        JobMessage.Epoch last = job.lastEpoch();
        double learningRate = lr != null ? lr : learningRate(job.spec);
        Instant started = job.startedAt();
        return new JobView(job.id, job.status(), job.spec.seed(), job.epochs, job.epochsDone(),
                position > 0 ? position : null, job.pauseRequested() && job.status() == JobStatus.RUNNING, last,
                learningRate, job.stopReason(), job.error(), job.createdAt, started, null,
                full ? summary(job.spec, job.inputs) : null, full ? job.spec : null);
    }

    private JobView view(JobRecord r, boolean full) {
        JobMessage.Epoch last = full && r.epochsDone() > 0 ? repository.lastEpoch(r.id(), r.epochs()).orElse(null)
                : null;
        double lr = last != null ? last.learningRate() : learningRate(r.spec());
        return new JobView(r.id(), r.status(), r.spec().seed(), r.epochs(), r.epochsDone(), null, false, last, lr,
                r.stopReason(), r.error(), r.createdAt(), r.startedAt(), r.finishedAt(),
                full ? summary(r.spec(), r.inputs()) : null, full ? r.spec() : null);
    }

    private static double learningRate(JobSpec spec) {
        return spec.training().learningRate() == null ? 0.01 : spec.training().learningRate();
    }

    private ModelSummary summary(JobSpec spec, int inputs) {
        return ModelSummary.of(mapper.network(spec.model(), inputs));
    }

    private long count(JobStatus status) {
        return live.values().stream().filter(j -> j.status() == status).count();
    }

    // ---- controls --------------------------------------------------------------------------------

    public JobView pause(ReachableJob reached) {
        String id = reached.id();
        Job job = liveOrConflict(id, "pause");
        job.pause();
        if (job.status() == JobStatus.QUEUED) publishStatus(job);
        return view(job, true);
    }

    public JobView resume(ReachableJob reached) {
        String id = reached.id();
        Job job = liveOrConflict(id, "resume");
        if (job.resume()) queue.requeue(id, job.client);
        return view(job, true);
    }

    /** Runs exactly one more epoch of a paused job, which then pauses again. */
    public JobView step(ReachableJob reached) {
        String id = reached.id();
        Job job = liveOrConflict(id, "step");
        if (!job.pauseRequested()) {
            throw new JobStateException(job.status(), "step runs one epoch of a paused job; job " + id + " is "
                    + job.status() + ": pause it first");
        }
        if (job.step()) queue.requeue(id, job.client);
        return view(job, true);
    }

    public JobView learningRate(ReachableJob reached, double lr) {
        String id = reached.id();
        InvalidSpecException.require(Double.isFinite(lr) && lr > 0 && lr <= 100, "learningRate",
                "must be a finite number in (0, 100], was " + lr);
        Job job = liveOrConflict(id, "change the learning rate of");
        job.learningRate(lr);
        return view(job, true);
    }

    /**
     * Cancels a job: a queued one at once, a running one before its next batch, a paused one at once
     * (on this thread: a paused job holds no worker). A finished job is left as it is.
     */
    public JobView cancel(ReachableJob reached) {
        String id = reached.id();
        Job job = live.get(id);
        if (job == null) return get(id);
        cancel(job, null);
        return view(job, true);
    }

    /** @param reason the job's error when the server cancels it; null when its owner does */
    private void cancel(Job job, String reason) {
        boolean wasParked = job.cancel(reason);
        JobRunner runner = job.runner();
        String error = job.cancelReason();
        if (wasParked) {
            runner.endParked(JobStatus.CANCELLED, error);
        } else if (queue.remove(job.id)) {
            if (runner != null) {
                // resumed or stepped, waiting for a worker again: its training is ours to end
                runner.endParked(JobStatus.CANCELLED, error);
            } else {
                job.finish(JobStatus.CANCELLED, StopReason.CANCELLED, error);
                repository.updateStatus(job.id, JobStatus.CANCELLED, 0, StopReason.CANCELLED, error);
                metrics.finished(JobStatus.CANCELLED);
                statusChanged(job);
            }
            publishPositions();
        }
    }

    /** The live job for a control (which counts as looking at it), or 409 naming its status. */
    private Job liveOrConflict(String id, String what) {
        watchers.looked(id);
        Job job = live.get(id);
        if (job != null && !job.status().finished()) return job;
        JobRecord r = record(id);
        throw new JobStateException(r.status(), "cannot " + what + " job " + id + ": it is " + r.status());
    }

    // ---- the model -------------------------------------------------------------------------------

    /** The model: live jobs' latest weights, finished jobs' stored final weights. */
    public TrainedModel model(ReachableJob reached) {
        String id = reached.id();
        Job job = live.get(id);
        if (job != null) {
            Model m = job.model();
            PreparedJob p = job.prepared();
            if (m == null || p == null) {
                throw new JobStateException(job.status(), "job " + id + " has no weights yet: it is " + job.status());
            }
            return new TrainedModel(id, job.spec, p.data(), m, p.config().loss(), job.epochsDone());
        }
        JobRecord r = record(id);
        Weights w = repository.weights(id).orElseThrow(() -> new JobStateException(r.status(),
                "job " + id + " has no weights: it is " + r.status()));
        PreparedJob p = finishedData(r);
        NetworkSpec network = p.network();
        return new TrainedModel(id, r.spec(), p.data(), Model.of(network, w), p.config().loss(), r.epochsDone());
    }

    private PreparedJob finishedData(JobRecord r) {
        SoftReference<PreparedJob> kept = finishedData.get(r.id());
        PreparedJob p = kept != null ? kept.get() : null;
        if (p == null) {
            p = mapper.prepare(r.spec());
            finishedData.put(r.id(), new SoftReference<>(p));
        }
        return p;
    }

    /** Outputs (and classes, for classifiers) of the job's current model for rows of inputs or 2-D points. */
    public Prediction predict(ReachableJob reached, PredictRequest request) {
        String id = reached.id();
        TrainedModel m = model(reached);
        PreparedDataset data = m.data();
        boolean hasInputs = request.inputs() != null;
        boolean hasPoints = request.points() != null;
        InvalidSpecException.require(hasInputs != hasPoints, hasInputs ? "points" : "inputs",
                "give either inputs (rows of the data set's features: " + data.featureNames()
                        + ") or points (rows of x1, x2 for 2-D data sets), not both or neither");
        List<double[]> rows = hasInputs ? request.inputs() : request.points();
        String field = hasInputs ? "inputs" : "points";
        int maxRows = limits.maxPredictRows();
        InvalidSpecException.require(!rows.isEmpty() && rows.size() <= maxRows, field,
                "must have between 1 and " + maxRows + " rows (nnlab.limits.max-predict-rows), has " + rows.size());
        if (hasPoints) {
            InvalidSpecException.require(data.plane() != null, "points",
                    "points are for 2-D data sets; " + data.name() + " takes inputs");
        }
        int width = hasInputs ? data.inputs() : 2;
        double[][] x = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            String f = field + "[" + r + "]";
            InvalidSpecException.require(row != null && row.length == width, f,
                    "must have " + width + " values" + (hasInputs ? " (" + data.featureNames() + ")" : " (x1, x2)")
                            + ", has " + (row == null ? 0 : row.length));
            for (int c = 0; c < width; c++) {
                InvalidSpecException.require(Double.isFinite(row[c]), f + "[" + c + "]", "must be a finite number");
            }
            float[] in;
            if (hasPoints) {
                in = data.inputsAt(row[0], row[1]);
            } else {
                in = new float[width];
                for (int c = 0; c < width; c++) in[c] = (float) row[c];
                data.scaler().applyInPlace(in);
            }
            x[r] = new double[in.length];
            for (int c = 0; c < in.length; c++) x[r][c] = in[c];
        }
        double[][] outputs = m.model().predict(x);
        int[] classes = null;
        List<String> labels = null;
        if (data.isClassification()) {
            classes = m.model().classify(x, m.loss());
            labels = new ArrayList<>();
            for (int c : classes) labels.add(c < data.classNames().size() ? data.classNames().get(c) : String.valueOf(c));
        }
        return new Prediction(id, m.epochs(), outputs, classes, labels);
    }
}
