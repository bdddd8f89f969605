package nnlab.jobs;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import nnlab.engine.EpochReport;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Model;
import nnlab.engine.StopReason;
import nnlab.engine.Training;
import nnlab.engine.TrainingListener;
import nnlab.engine.Weights;
import nnlab.jobs.classic.ClassicTraining;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Trains one job, epoch by epoch, on whichever worker thread runs it, publishing each epoch live and
 * storing it in batches. While the job is paused it holds no thread: {@link #run()} returns with the
 * training kept here (parked) and is called again when the job is queued again. Never throws: every
 * ending is a status, and ending frees the training.
 */
final class JobRunner {

    private static final Logger log = LoggerFactory.getLogger(JobRunner.class);
    /** Stored epochs are written at least this often (and at every status change). */
    private static final long FLUSH_NANOS = 1_000_000_000L;
    private static final int FLUSH_ROWS = 500;
    /** Rows of unsent epochs kept for the next message at most (a few frames' worth at full speed). */
    private static final int MAX_UNSENT = 2000;
    static final String OUT_OF_MEMORY =
            "the server ran out of memory for this job: try fewer examples or a smaller network";
    static final String INTERNAL_ERROR = "the job stopped on an error in the server; its log has the details";

    private final Job job;
    private final JobSpecMapper mapper;
    private final JobRepository repository;
    private final MetricPublisher publisher;
    private final JobMetrics metrics;
    private final JobsProperties settings;
    private final LiveProperties live;
    private final Consumer<Job> onStatus;
    private final Clock clock;
    private final FinishedClassicModels classicModels;
    private final List<JobMessage.Epoch> pending = new ArrayList<>();
    private long lastFlush = System.nanoTime();
    private long lastSnapshot;
    private long lastEpochMessage;
    /** A paced job's epochs not sent on their own since its last message (their rows go with the next). */
    private final List<Float[]> unsent = new ArrayList<>();
    /** One snapshot's size in bytes, about: estimated from the first. */
    private double snapshotBytes;
    private long lastProgress;
    private double elapsed;
    private GridMaps grids;
    private volatile boolean timedOut;
    // kept while the job is parked; used by one thread at a time (handed over through the job and the queue)
    private PreparedJob prepared;
    private Training training;
    /** A classic model's training instead of a network's (the seam: each of its steps runs as an epoch). */
    private ClassicTraining classic;
    private TrainingListener listener;
    /** The clock's milliseconds after which the job has used up its time (nnlab.jobs.max-duration). */
    private long deadline;

    JobRunner(Job job, JobSpecMapper mapper, JobRepository repository, MetricPublisher publisher, JobMetrics metrics,
              JobsProperties settings, LiveProperties live, Consumer<Job> onStatus, Clock clock,
              FinishedClassicModels classicModels) {
        this.job = job;
        this.classicModels = classicModels;
        this.mapper = mapper;
        this.repository = repository;
        this.publisher = publisher;
        this.metrics = metrics;
        this.settings = settings;
        this.live = live;
        this.onStatus = onStatus;
        this.clock = clock;
    }

    /**
     * Trains on the calling worker until the job ends or parks: when it must wait (paused, no step
     * granted) its training stays with this runner and the worker is let go; a resume or step queues
     * the job again and the next worker continues here from the next epoch.
     */
    void run() {
        try {
            if (training == null && classic == null) {
                if (job.isCancelled()) {
                    end(JobStatus.CANCELLED, StopReason.CANCELLED, job.cancelReason());
                    return;
                }
                status(JobStatus.RUNNING);
                deadline = clock.millis() + settings.maxDuration().toMillis();
                prepared = mapper.prepare(job.plan);
                if (prepared.classic() != null) {
                    classic = ClassicTraining.start(prepared.classic(), prepared.data(), prepared.seed());
                    job.started(prepared, null);
                } else {
                    training = Training.create(prepared.network(), prepared.config(), prepared.data().split(),
                            prepared.seed(), mapper.engineLimits());
                    job.started(prepared, training);
                    job.model(training.snapshot());
                }
            }
            train();
        } catch (InvalidSpecException e) {
            end(JobStatus.FAILED, null, e.getMessage());
        } catch (InterruptedException e) {
            end(JobStatus.INTERRUPTED, null, shutDown());
        } catch (OutOfMemoryError e) {
            // this job's references go with it (close), so the others can carry on
            close();
            log.error("job {} ran out of memory", job.id, e);
            end(JobStatus.FAILED, null, OUT_OF_MEMORY);
        } catch (RuntimeException e) {
            log.error("job {} failed", job.id, e);
            end(JobStatus.FAILED, null, INTERNAL_ERROR);
        }
    }

    /** Ends a parked job that the caller took out of its parking (it owns this runner now). */
    void endParked(JobStatus s, String error) {
        end(s, s == JobStatus.CANCELLED ? StopReason.CANCELLED : null, error);
    }

    /** Ends a parked job past its time limit. */
    void endParkedTimedOut() {
        end(JobStatus.FAILED, null, timeLimit());
    }

    /** Frees a parked job's training at shutdown; its status is written by the service. */
    void freeOnShutdown() {
        try {
            flush();
            repository.whileHeld(job.id, () -> classicModels.store(job));
        } catch (RuntimeException e) {
            log.warn("job {}: could not store its last epochs", job.id, e);
        }
        close();
    }

    boolean pastDeadline(long nowMillis) {
        return (training != null || classic != null) && nowMillis > deadline;
    }

    private void train() throws InterruptedException {
        if (listener == null) {
            listener = new TrainingListener() {
                @Override
                public void onBatch(int epoch, int batch, int batches, double runningLoss) {
                    long now = System.nanoTime();
                    if (clock.millis() > deadline) {
                        timedOut = true;
                        training.cancel();
                    }
                    if (job.leaseLapsed(clock.millis())) job.lose();
                    if (Thread.currentThread().isInterrupted()) training.cancel();
                    double perSecond = live.maxProgressPerSecond();
                    if (perSecond > 0 && batch < batches && now - lastProgress >= 1e9 / perSecond) {
                        lastProgress = now;
                        publisher.publish(new JobMessage.Progress(job.id, epoch, batch, batches,
                                MetricsView.value(runningLoss)));
                    }
                }
            };
        }
        while (true) {
            if (job.isCancelled()) {
                end(JobStatus.CANCELLED, StopReason.CANCELLED, job.cancelReason());
                return;
            }
            if (clock.millis() > deadline) {
                end(JobStatus.FAILED, null, timeLimit());
                return;
            }
            if (job.mustWait()) {
                flush();
                if (job.status() != JobStatus.PAUSED) status(JobStatus.PAUSED);
            } else if (job.waitsForGrant() && System.nanoTime() - lastFlush >= FLUSH_NANOS) {
                flush(); // a paced job between grants stays RUNNING: no status message for every wait
            }
            if (job.parkOrTakeTurn()) return; // parked: a resume or step queues it again
            if (Thread.currentThread().isInterrupted()) throw new InterruptedException();
            if (job.status() != JobStatus.RUNNING) status(JobStatus.RUNNING);
            lastProgress = System.nanoTime();
            EpochReport report = classic != null ? classic.step() : training.runEpoch(listener);
            if (report == null) {
                end(JobStatus.SUCCEEDED, StopReason.COMPLETED, null);
                return;
            }
            Model model = classic != null ? null : training.snapshot();
            if (classic != null) job.classicModel(classic.model());
            else job.model(model);
            elapsed += report.seconds();
            JobStatus after = report.stop() == null ? (job.mustWait() ? JobStatus.PAUSED : JobStatus.RUNNING)
                    : finalStatus(report.stop());
            JobMessage.Epoch message = JobMessage.Epoch.of(job.id, job.epochs, report, elapsed, after);
            if (classic != null && classic.figures() != null) message = message.withFigures(classic.figures());
            boolean waits = job.mustWait() || job.waitsForGrant();
            boolean send = sendEpoch(report.stop() != null || waits);
            JobMessage.Epoch live = send ? withSnapshot(message, prepared, model, report.stop() != null || job.mustWait())
                    : null;
                if (send && !unsent.isEmpty()) {
                live = live.withEarlier(List.copyOf(unsent));
                unsent.clear();
            } else if (!send && unsent.size() < MAX_UNSENT) {
                unsent.add(message.row());
            }
            synchronized (job.lock()) {
                job.append(message);
                if (send) publisher.publish(live);
            }
            metrics.epoch();
            pending.add(message);
            long now = System.nanoTime();
            if (pending.size() >= FLUSH_ROWS || now - lastFlush >= FLUSH_NANOS) flush();
            if (report.stop() != null) {
                if (Thread.currentThread().isInterrupted() && !job.isCancelled() && !timedOut) {
                    throw new InterruptedException();
                }
                end(after, report.stop(), errorFor(report));
                return;
            }
        }
    }

    private JobStatus finalStatus(StopReason stop) {
        return switch (stop) {
            case COMPLETED, EARLY_STOPPED -> JobStatus.SUCCEEDED;
            case DIVERGED -> JobStatus.FAILED;
            case CANCELLED -> timedOut ? JobStatus.FAILED
                    : job.isCancelled() ? JobStatus.CANCELLED : JobStatus.INTERRUPTED;
        };
    }

    private String errorFor(EpochReport report) {
        return switch (report.stop()) {
            case DIVERGED -> "diverged at epoch " + report.epoch()
                    + ": the loss or a weight became NaN or infinite (is the learning rate too high?)";
            case CANCELLED -> timedOut ? timeLimit()
                    : job.isCancelled() ? job.cancelReason() : shutDown();
            default -> null;
        };
    }

    private String shutDown() {
        return "the server shut down while the job was running; its history up to epoch " + job.epochsDone()
                + " is kept";
    }

    private String timeLimit() {
        return "the job exceeded its time limit of " + settings.maxDuration()
                + " (nnlab.jobs.max-duration), pauses included";
    }

    /**
     * Whether this epoch goes out live: every epoch of a job without a pace; of a paced job at most
     * maxEpochMessagesPerSecond a second, and always the one it stops or waits at (what the page shows then).
     */
    private boolean sendEpoch(boolean stopsOrWaits) {
        long now = System.nanoTime();
        double perSecond = live.maxEpochMessagesPerSecond();
        boolean due = !job.paced || stopsOrWaits || perSecond <= 0 || now - lastEpochMessage >= 1e9 / perSecond;
        if (due) lastEpochMessage = now;
        return due;
    }

    /**
     * Adds weights and grids, at most maxSnapshotsPerSecond times a second and within maxSnapshotBytesPerSecond,
     * and always when forced.
     */
    private JobMessage.Epoch withSnapshot(JobMessage.Epoch message, PreparedJob p, Model model, boolean force) {
        if (!p.wantsSnapshots()) return message;
        long now = System.nanoTime();
        double perSecond = live.maxSnapshotsPerSecond();
        double bytesPerSecond = live.maxSnapshotBytesPerSecond();
        double interval = Math.max(perSecond > 0 ? 1e9 / perSecond : 0,
                bytesPerSecond > 0 ? 1e9 * snapshotBytes / bytesPerSecond : 0);
        boolean due = lastSnapshot == 0 || (perSecond > 0 && now - lastSnapshot >= interval);
        if (!due && !force) return message;
        lastSnapshot = now;
        if (p.grid() > 0 && grids == null) grids = new GridMaps(p);
        JobMessage.Grid grid = p.grid() <= 0 ? null : classic != null ? grids.of(classic.model()) : grids.of(model);
        Weights weights = p.sendWeights() ? model.weights() : null;
        if (snapshotBytes == 0) snapshotBytes = estimatedBytes(weights, grid);
        return message.withSnapshot(weights, grid);
    }

    /** About the JSON size of a snapshot: some 20 characters a number, 4/3 of a byte a packed point. */
    static double estimatedBytes(Weights weights, JobMessage.Grid grid) {
        double bytes = 0;
        if (weights != null) {
            for (double[][] k : weights.kernels()) for (double[] row : k) bytes += 20.0 * row.length;
            for (double[] b : weights.biases()) bytes += 20.0 * b.length;
        }
        if (grid != null && grid.layers() != null) {
            for (List<float[]> maps : grid.layers()) for (float[] map : maps) bytes += 8.0 * map.length;
        }
        if (grid != null && grid.packed() != null) {
            for (List<String> maps : grid.packed()) for (String map : maps) bytes += map.length() + 40;
        }
        return bytes;
    }

    private void status(JobStatus s) {
        if (job.isLost()) return;
        flush();
        job.status(s);
        repository.updateStatus(job.id, s, job.epochsDone(), null, null);
        onStatus.accept(job);
    }

    private void end(JobStatus s, StopReason stop, String error) {
        if (job.isLost()) {
            // another instance may run it now: nothing of this run is stored or said
            job.finish(JobStatus.INTERRUPTED, null, null);
            onStatus.accept(job);
            close();
            return;
        }
        try {
            flush();
            Model model = job.model();
            if (model != null) repository.saveWeights(job.id, model.weights());
            // a classic job's model, if it trained a step (not if another instance took the job back meanwhile)
            repository.whileHeld(job.id, () -> classicModels.store(job));
            // stored before it is shown: whoever sees the final status can read the finished row
            repository.updateStatus(job.id, s, job.epochsDone(), stop, error);
            job.finish(s, stop, error);
        } catch (RuntimeException e) {
            log.error("job {}: could not store its end ({})", job.id, s, e);
            job.finish(s, stop, error);
        }
        metrics.finished(s);
        onStatus.accept(job);
        close();
    }

    private void close() {
        Training t = training;
        training = null;
        classic = null;
        job.released();
        if (t != null) {
            try {
                t.close();
            } catch (RuntimeException e) {
                log.warn("job {}: could not free its training", job.id, e);
            }
        }
    }

    private void flush() {
        lastFlush = System.nanoTime();
        if (pending.isEmpty()) return;
        if (job.isLost()) {
            pending.clear();
            return;
        }
        repository.insertEpochs(job.id, pending);
        pending.clear();
        repository.updateStatus(job.id, job.status(), job.epochsDone(), null, null);
    }
}
