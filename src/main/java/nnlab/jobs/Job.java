package nnlab.jobs;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nnlab.engine.Model;
import nnlab.engine.StopReason;
import nnlab.engine.Training;
import nnlab.jobs.classic.ClassicModel;

/**
 * A job that is queued, running or paused on this instance: its live state, its history so far and
 * the controls (pause, step, resume, cancel, learning rate) that reach its training thread.
 *
 * <p>Appending an epoch and publishing it happen under {@link #lock()}, and so does a new subscriber's
 * snapshot of the history: whoever joins late gets every epoch up to the snapshot and every later one
 * live, with duplicates (never gaps) to drop by epoch number.
 */
final class Job {

    final String id;
    final String client;
    /** The spec mapped once, at submit (or at recovery after a restart). */
    final JobPlan plan;
    final JobSpec spec;
    final int epochs;
    final int inputs;
    final Instant createdAt;
    private final Clock clock;
    private final Object lock = new Object();
    private final List<JobMessage.Epoch> history = new ArrayList<>();

    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile StopReason stopReason;
    private volatile String error;
    private volatile Model model;
    private volatile ClassicModel classicModel;
    private volatile Training training;
    private volatile PreparedJob prepared;
    private volatile Double learningRate;
    private volatile Instant startedAt;

    /** Runs only up to the epoch granted (spec.pace), waiting for more with no worker. */
    final boolean paced;

    // pause/step/grants/cancel/parking, guarded by 'this'
    private boolean paused;
    /** A paced job's grant: the epoch it may run up to. */
    private int granted;
    /** Epochs begun on workers (turns taken), which a paced job's grant bounds. */
    private int turns;
    private int stepsGranted;
    private boolean cancelled;
    /** Why the server cancelled it (idle, paused too long); null when its owner did. */
    private String cancelReason;
    /** Paused between epochs with no worker: whoever unparks it (resume, step, cancel, sweep) owns its runner. */
    private boolean parked;
    /** The clock's milliseconds when it parked. */
    private long parkedSince;
    /** The job's training state across workers; set by the first worker to take the job. */
    private JobRunner runner;
    /** On a shared queue: the clock's milliseconds after which its lease may have run out; 0 = no lease. */
    private volatile long leaseValidUntil;
    /** Taken back from this instance (shared queue): it stops and writes or says nothing more. */
    private volatile boolean lost;

    Job(String id, String client, JobPlan plan, Instant createdAt, Clock clock) {
        this.id = id;
        this.client = client;
        this.plan = plan;
        this.spec = plan.spec();
        this.epochs = plan.epochs();
        this.inputs = plan.inputs();
        this.createdAt = createdAt;
        this.clock = clock;
        this.paused = spec.pausedAtStart();
        this.paced = spec.paced();
        this.granted = paced ? Math.min(spec.pace().epochs(), epochs) : 0;
    }

    Object lock() {
        return lock;
    }

    JobStatus status() {
        return status;
    }

    void status(JobStatus s) {
        status = s;
    }

    StopReason stopReason() {
        return stopReason;
    }

    String error() {
        return error;
    }

    void finish(JobStatus s, StopReason stop, String err) {
        stopReason = stop;
        error = err;
        status = s;
    }

    /** Appends under the lock; returns the history size. */
    int append(JobMessage.Epoch epoch) {
        history.add(epoch);
        return history.size();
    }

    /** A copy; call under the lock to pair it with a subscription. */
    List<JobMessage.Epoch> history() {
        synchronized (lock) {
            return List.copyOf(history);
        }
    }

    int epochsDone() {
        synchronized (lock) {
            return history.size();
        }
    }

    JobMessage.Epoch lastEpoch() {
        synchronized (lock) {
            return history.isEmpty() ? null : history.get(history.size() - 1);
        }
    }

    Model model() {
        return model;
    }

    void model(Model m) {
        model = m;
    }

    /** A classic model's latest step; null for a network. */
    ClassicModel classicModel() {
        return classicModel;
    }

    void classicModel(ClassicModel m) {
        classicModel = m;
    }

    Training training() {
        return training;
    }

    PreparedJob prepared() {
        return prepared;
    }

    Instant startedAt() {
        return startedAt;
    }

    /**
     * Called by the runner once the training exists (null for a classic model, which has no learning rate and
     * stops between steps); applies a learning rate set while queued.
     */
    void started(PreparedJob p, Training t) {
        prepared = p;
        startedAt = clock.instant();
        if (t == null) return;
        Double lr = learningRate;
        if (lr != null) t.setLearningRate(lr);
        training = t;
        if (isCancelled()) t.cancel();
    }

    void released() {
        training = null;
    }

    void learningRate(double lr) {
        learningRate = lr;
        Training t = training;
        if (t != null) t.setLearningRate(lr);
    }

    Double requestedLearningRate() {
        return learningRate;
    }

    synchronized void pause() {
        paused = true;
        stepsGranted = 0;
    }

    synchronized boolean pauseRequested() {
        return paused;
    }

    /** Resumes; true when the job was parked and must be queued again to continue (the caller does that). */
    synchronized boolean resume() {
        paused = false;
        stepsGranted = 0;
        return parked && !mustPark() && unpark();
    }

    /** Grants one epoch; true when the job was parked and must be queued again (the caller does that). */
    synchronized boolean step() {
        stepsGranted++;
        if (paced) granted = Math.max(granted, Math.min(turns + 1, epochs));
        return unpark();
    }

    /**
     * A paced job may run up to epoch {@code until} (absolute: a grant below the current one changes nothing, so
     * granting twice is harmless; past the spec's epochs it is the last one). True when the job was parked waiting
     * for it and must be queued again (the caller does that).
     */
    synchronized boolean grant(int until) {
        granted = Math.max(granted, Math.min(until, epochs));
        return parked && !mustPark() && unpark();
    }

    synchronized int granted() {
        return granted;
    }

    /** A paced job that has run all it was granted. */
    synchronized boolean waitsForGrant() {
        return paced && turns >= granted && !cancelled;
    }

    private boolean mustPark() {
        return (paused && stepsGranted == 0 || paced && turns >= granted) && !cancelled;
    }

    /** Cancelled by its owner. */
    synchronized boolean cancel() {
        return cancel(null);
    }

    /**
     * Marks the job cancelled; a running one stops before its next batch. True when it was parked: then
     * no worker has it and the caller must end it (through {@link #runner()}).
     */
    synchronized boolean cancel(String reason) {
        if (!cancelled) cancelReason = reason;
        cancelled = true;
        boolean wasParked = unpark();
        Training t = training;
        if (t != null && !wasParked) t.cancel();
        return wasParked;
    }

    private boolean unpark() {
        boolean was = parked;
        parked = false;
        return was;
    }

    /**
     * Called by the worker between epochs: parks the job (the worker then lets it go) if it must wait (paused
     * with no step granted, or paced with nothing granted), and reports whether it did. Otherwise takes a turn,
     * using up a granted step if paused.
     */
    synchronized boolean parkOrTakeTurn() {
        if (mustPark()) {
            parked = true;
            parkedSince = clock.millis();
            return true;
        }
        if (paused && stepsGranted > 0) stepsGranted--;
        turns++;
        return false;
    }

    /** Takes a job parked since {@code cutoffMillis} or before out of its parking (the caller then ends it). */
    synchronized boolean unparkIfIdleSince(long cutoffMillis) {
        if (!parked || parkedSince > cutoffMillis) return false;
        parked = false;
        cancelled = true;
        return true;
    }

    /** Takes a parked job out of its parking to end it (time limit, shutdown). */
    synchronized boolean unparkToEnd() {
        if (!parked) return false;
        parked = false;
        cancelled = true;
        return true;
    }

    void leaseValidUntil(long millis) {
        leaseValidUntil = millis;
    }

    /** Whether this instance claimed it from a shared queue (a job only submitted here waits in the database). */
    boolean leased() {
        return leaseValidUntil > 0;
    }

    /** Whether its lease may have run out (another instance may take the job): it must stop training. */
    boolean leaseLapsed(long nowMillis) {
        long until = leaseValidUntil;
        return until > 0 && nowMillis > until;
    }

    /**
     * Marks the job taken back from this instance: it stops before its next batch and its end is neither stored nor
     * published (the database says what became of it). True when it was parked: the caller frees its runner.
     */
    boolean lose() {
        lost = true;
        return cancel("taken back from this instance");
    }

    boolean isLost() {
        return lost;
    }

    synchronized boolean isParked() {
        return parked;
    }

    synchronized JobRunner runner() {
        return runner;
    }

    synchronized void runner(JobRunner r) {
        runner = r;
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** The error a cancelled job ends with: null when its owner cancelled it. */
    synchronized String cancelReason() {
        return cancelReason;
    }

    /** True when the job would wait before its next epoch (paused with no step granted). */
    synchronized boolean mustWait() {
        return paused && stepsGranted == 0 && !cancelled;
    }
}
