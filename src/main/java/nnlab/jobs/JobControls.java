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
    private final ControlMail mail;

    JobControls(ActiveJobs live, JobQueries queries, JobRepository repository, JobMetrics metrics, JobWatchers watchers,
                JobSpecMapper mapper, ControlMail mail) {
        this.mail = mail;
        this.live = live;
        this.queries = queries;
        this.repository = repository;
        this.metrics = metrics;
        this.watchers = watchers;
        this.defaults = mapper.defaults();
    }

    JobView pause(String id) {
        if (elsewhere(id, "pause")) {
            mail.post(id, ControlMail.Command.PAUSE, null);
            mail.paused(id, true);
            return queries.get(id);
        }
        Job job = liveOrConflict(id, "pause");
        job.pause();
        if (shared()) mail.paused(id, true);
        if (job.status() == JobStatus.QUEUED) live.publishStatus(job);
        return queries.view(job, true);
    }

    JobView resume(String id) {
        if (elsewhere(id, "resume")) {
            mail.post(id, ControlMail.Command.RESUME, null);
            mail.paused(id, false);
            return queries.get(id);
        }
        Job job = liveOrConflict(id, "resume");
        if (shared()) mail.paused(id, false);
        if (job.resume()) live.queue.requeue(id, job.client);
        return queries.view(job, true);
    }

    JobView step(String id) {
        if (elsewhere(id, "step")) {
            JobRecord r = queries.record(id);
            Boolean paused = mail.paused(id);
            if (!(paused != null ? paused : r.spec().pausedAtStart())) {
                throw new JobStateException(r.status(), "step runs one epoch of a paused job; job " + id + " is "
                        + r.status() + ": pause it first");
            }
            mail.post(id, ControlMail.Command.STEP, null);
            return queries.get(id);
        }
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
        if (elsewhere(id, "advance")) {
            JobRecord r = queries.record(id);
            if (!r.spec().paced()) throw notPaced(id, r.status());
            mail.post(id, ControlMail.Command.GRANT, until.doubleValue());
            return;
        }
        Job job = liveOrConflict(id, "advance");
        if (!job.paced) throw notPaced(id, job.status());
        if (job.grant(until)) live.queue.requeue(id, job.client);
    }

    private static JobStateException notPaced(String id, JobStatus status) {
        return new JobStateException(status, "job " + id + " is not paced: only a job submitted with"
                + " \"pace\" waits for grants; the others run as fast as they go");
    }

    /** The same bounds as a submitted training.learningRate, from the defaults table. */
    JobView learningRate(String id, double lr) {
        defaults.field(SpecDefaults.LEARNING_RATE).check(lr, "learningRate");
        if (elsewhere(id, "change the learning rate of")) {
            mail.post(id, ControlMail.Command.LEARNING_RATE, lr);
            return queries.get(id);
        }
        Job job = liveOrConflict(id, "change the learning rate of");
        InvalidSpecException.require(job.spec.model().isNetwork(), "learningRate",
                "job " + id + " is a " + job.spec.model().kind() + " model: it has no learning rate to change");
        job.learningRate(lr);
        return queries.view(job, true);
    }

    JobView cancel(String id) {
        Job job = live.get(id);
        if (job == null) {
            if (live.queue instanceof SharedJobQueue shared && !queries.record(id).status().finished()) {
                cancelElsewhere(shared, id);
            }
            return queries.get(id);
        }
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

    /** A job waiting in the shared queue is cancelled in the database; one that an instance holds is sent a cancel. */
    private void cancelElsewhere(SharedJobQueue shared, String id) {
        if (shared.cancelWaiting(id, null)) {
            metrics.finished(JobStatus.CANCELLED);
            JobRecord r = queries.record(id);
            live.publisher.publish(new JobMessage.Status(id, JobStatus.CANCELLED, 0, r.epochs(), null,
                    StopReason.CANCELLED, null));
            live.publishPositions();
        } else {
            mail.post(id, ControlMail.Command.CANCEL, null);
        }
    }

    private boolean shared() {
        return live.queue instanceof SharedJobQueue;
    }

    /**
     * Whether a control goes to another instance: the queue is shared and the job is not in this instance's memory
     * (waiting in the database, or held elsewhere). Counts as looking at the job; 409 for a finished job.
     */
    private boolean elsewhere(String id, String what) {
        if (!shared() || live.get(id) != null) return false;
        watchers.looked(id);
        JobRecord r = queries.record(id);
        if (r.status().finished()) {
            throw new JobStateException(r.status(), "cannot " + what + " job " + id + ": it is " + r.status());
        }
        return true;
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
