package nnlab.jobs;

import nnlab.engine.InvalidSpecException;
import nnlab.engine.StopReason;
import org.springframework.stereotype.Component;

/** Pause, step, resume, learning rate and cancel, passed to live jobs; a control counts as looking at the job. */
@Component
class JobControls {

    private final ActiveJobs live;
    private final JobQueries queries;
    private final JobRepository repository;
    private final JobMetrics metrics;
    private final JobWatchers watchers;
    private final SpecDefaults defaults;

    JobControls(ActiveJobs live, JobQueries queries, JobRepository repository, JobMetrics metrics, JobWatchers watchers,
                JobSpecMapper mapper) {
        this.live = live;
        this.queries = queries;
        this.repository = repository;
        this.metrics = metrics;
        this.watchers = watchers;
        this.defaults = mapper.defaults();
    }

    JobView pause(String id) {
        Job job = liveOrConflict(id, "pause");
        job.pause();
        if (job.status() == JobStatus.QUEUED) live.publishStatus(job);
        return queries.view(job, true);
    }

    JobView resume(String id) {
        Job job = liveOrConflict(id, "resume");
        if (job.resume()) live.queue.requeue(id, job.client);
        return queries.view(job, true);
    }

    JobView step(String id) {
        Job job = liveOrConflict(id, "step");
        if (!job.pauseRequested()) {
            throw new JobStateException(job.status(), "step runs one epoch of a paused job; job " + id + " is "
                    + job.status() + ": pause it first");
        }
        if (job.step()) live.queue.requeue(id, job.client);
        return queries.view(job, true);
    }

    /**
     * Lets a paced job run up to epoch {@code until} (absolute, idempotent; capped at its epochs); a job waiting
     * for it is queued again. 409 for a job that is not paced or not live.
     */
    JobView advance(String id, Integer until) {
        grant(id, until);
        Job job = live.get(id);
        return job != null ? queries.view(job, true) : queries.get(id);
    }

    /** As {@link #advance} without the answer: the live path, many times a second per page. */
    void grant(String id, Integer until) {
        InvalidSpecException.require(until != null && until >= 0, "until",
                "is required: the epoch the job may run up to, 0 or more" + (until == null ? "" : ", was " + until));
        Job job = liveOrConflict(id, "advance");
        if (!job.paced) {
            throw new JobStateException(job.status(), "job " + id + " is not paced: only a job submitted with"
                    + " \"pace\" waits for grants; the others run as fast as they go");
        }
        if (job.grant(until)) live.queue.requeue(id, job.client);
    }

    /** The same bounds as a submitted training.learningRate, from the defaults table. */
    JobView learningRate(String id, double lr) {
        defaults.field(SpecDefaults.LEARNING_RATE).check(lr, "learningRate");
        Job job = liveOrConflict(id, "change the learning rate of");
        InvalidSpecException.require(job.spec.model().isNetwork(), "learningRate",
                "job " + id + " is a " + job.spec.model().kind() + " model: it has no learning rate to change");
        job.learningRate(lr);
        return queries.view(job, true);
    }

    JobView cancel(String id) {
        Job job = live.get(id);
        if (job == null) return queries.get(id);
        cancel(job, null);
        return queries.view(job, true);
    }

    /**
     * Cancels a job: a queued one at once, a running one before its next batch, a paused one at once (on this
     * thread: a paused job holds no worker). A finished job is left as it is.
     *
     * @param reason the job's error when the server cancels it; null when its owner does
     */
    void cancel(Job job, String reason) {
        boolean wasParked = job.cancel(reason);
        JobRunner runner = job.runner();
        String error = job.cancelReason();
        if (wasParked) {
            runner.endParked(JobStatus.CANCELLED, error);
        } else if (live.queue.remove(job.id)) {
            if (runner != null) {
                // resumed or stepped, waiting for a worker again: its training is ours to end
                runner.endParked(JobStatus.CANCELLED, error);
            } else {
                job.finish(JobStatus.CANCELLED, StopReason.CANCELLED, error);
                repository.updateStatus(job.id, JobStatus.CANCELLED, 0, StopReason.CANCELLED, error);
                metrics.finished(JobStatus.CANCELLED);
                live.statusChanged(job);
            }
            live.publishPositions();
        }
    }

    /** The live job for a control (which counts as looking at it), or 409 naming its status. */
    private Job liveOrConflict(String id, String what) {
        watchers.looked(id);
        Job job = live.get(id);
        if (job != null && !job.status().finished()) return job;
        JobRecord r = queries.record(id);
        throw new JobStateException(r.status(), "cannot " + what + " job " + id + ": it is " + r.status());
    }
}
