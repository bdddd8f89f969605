package nnlab.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nnlab.engine.Model;
import nnlab.engine.StopReason;
import nnlab.engine.Training;

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
    final JobSpec spec;
    final int epochs;
    final int inputs;
    final Instant createdAt;
    private final Object lock = new Object();
    private final List<JobMessage.Epoch> history = new ArrayList<>();

    private volatile JobStatus status = JobStatus.QUEUED;
    private volatile StopReason stopReason;
    private volatile String error;
    private volatile Model model;
    private volatile Training training;
    private volatile PreparedJob prepared;
    private volatile Double learningRate;
    private volatile Instant startedAt;

    // pause/step/cancel, guarded by 'this'
    private boolean paused;
    private int stepsGranted;
    private boolean cancelled;

    Job(String id, String client, JobSpec spec, int epochs, int inputs, Instant createdAt) {
        this.id = id;
        this.client = client;
        this.spec = spec;
        this.epochs = epochs;
        this.inputs = inputs;
        this.createdAt = createdAt;
        this.paused = spec.pausedAtStart();
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

    Training training() {
        return training;
    }

    PreparedJob prepared() {
        return prepared;
    }

    Instant startedAt() {
        return startedAt;
    }

    /** Called by the runner once the training exists; applies a learning rate set while queued. */
    void started(PreparedJob p, Training t) {
        prepared = p;
        startedAt = Instant.now();
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

    synchronized void resume() {
        paused = false;
        stepsGranted = 0;
        notifyAll();
    }

    synchronized void step() {
        stepsGranted++;
        notifyAll();
    }

    synchronized void cancel() {
        cancelled = true;
        notifyAll();
        Training t = training;
        if (t != null) t.cancel();
    }

    synchronized boolean isCancelled() {
        return cancelled;
    }

    /** True when the job would wait before its next epoch (paused with no step granted). */
    synchronized boolean mustWait() {
        return paused && stepsGranted == 0 && !cancelled;
    }

    /**
     * Blocks until the next epoch may run: not paused, or a step granted (which it uses up). False when
     * cancelled or when the deadline passed while waiting.
     */
    synchronized boolean awaitTurn(long deadlineNanos) throws InterruptedException {
        while (paused && stepsGranted == 0 && !cancelled) {
            long left = deadlineNanos - System.nanoTime();
            if (left <= 0) return false;
            long ms = Math.max(1, left / 1_000_000);
            wait(Math.min(ms, 60_000));
        }
        if (cancelled) return false;
        if (paused) stepsGranted--;
        return true;
    }
}
