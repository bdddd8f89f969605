package nnlab.jobs;

import java.util.List;
import java.util.function.BiConsumer;
import nnlab.data.PreparedDataset;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Service;

/**
 * The jobs of this instance, as other packages and the web layer reach them: submit ({@link JobSubmissions}),
 * reads ({@link JobQueries}), controls ({@link JobControls}), the model ({@link JobModels}). Starting,
 * stopping and recovery are {@link JobLifecycle}'s; the time rules are {@link JobSweeper}'s.
 */
@Service
public class JobService {

    private final JobSubmissions submissions;
    private final JobQueries queries;
    private final JobControls controls;
    private final JobModels models;
    private final JobLifecycle lifecycle;

    JobService(JobSubmissions submissions, JobQueries queries, JobControls controls, JobModels models,
               JobLifecycle lifecycle) {
        this.submissions = submissions;
        this.queries = queries;
        this.controls = controls;
        this.models = models;
        this.lifecycle = lifecycle;
    }

    /** Whether the jobs have started (recovered, workers running). */
    public boolean isRunning() {
        return lifecycle.isRunning();
    }

    // ---- submitting ------------------------------------------------------------------------------

    /** As {@link #submit(JobSpec, String, Long)} outside a class. */
    public JobView submit(JobSpec submitted, String client) {
        return submit(submitted, client, null);
    }

    /**
     * Checks the spec completely (mapping it once into the job's plan), then queues it. The client's submission rate
     * is counted by the web layer for every {@code POST /api/jobs}, before the body is read.
     *
     * @param client  the owner key the job is stored under (and the per-client limit counts)
     * @param classId the owner's class, recorded with the job; null outside a class
     */
    public JobView submit(JobSpec submitted, String client, Long classId) {
        return submissions.submit(submitted, client, classId);
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
        return queries.reach(caller, id);
    }

    // ---- reading ---------------------------------------------------------------------------------

    public JobView get(ReachableJob reached) {
        return queries.get(reached.id());
    }

    public List<JobView> list(JobStatus status) {
        return list(status, null, null);
    }

    /** The newest jobs, with any of a status, an owner key and a class (null = any). */
    public List<JobView> list(JobStatus status, String client, Long classId) {
        return queries.list(status, client, classId);
    }

    /** The owner key the job is stored under (its {@code client}): what checks of the caller's reach compare. */
    public String owner(String id) {
        return queries.owner(id);
    }

    /** Every epoch so far, in order. */
    public List<JobMessage.Epoch> history(ReachableJob reached) {
        return queries.history(reached.id());
    }

    /**
     * Hands {@code register} the job's current status and its history so far, under the job's lock, so
     * that a subscriber it registers misses no epoch published afterwards (it may see some twice:
     * drop epochs it already has). Returns false when the job has finished: the history is complete
     * and nothing more will be published.
     */
    public boolean follow(ReachableJob reached, BiConsumer<JobMessage.Status, List<JobMessage.Epoch>> register) {
        return queries.follow(reached.id(), register);
    }

    /**
     * Whether this instance trains the job now. With a shared queue an unfinished job may train on another
     * instance: then {@link #follow} hands over its history as stored, which may lag its live messages.
     */
    public boolean runsHere(ReachableJob reached) {
        return queries.runsHere(reached.id());
    }

    // ---- controls --------------------------------------------------------------------------------

    public JobView pause(ReachableJob reached) {
        return controls.pause(reached.id());
    }

    public JobView resume(ReachableJob reached) {
        return controls.resume(reached.id());
    }

    /** Runs exactly one more epoch of a paused job, which then pauses again. */
    public JobView step(ReachableJob reached) {
        return controls.step(reached.id());
    }

    /** A paced job may run up to epoch {@code until} (absolute; a smaller grant than before changes nothing). */
    public JobView advance(ReachableJob reached, Integer until) {
        return controls.advance(reached.id(), until);
    }

    /** As {@link #advance}, answering nothing (the live path). */
    public void grant(ReachableJob reached, Integer until) {
        controls.grant(reached.id(), until);
    }

    public JobView learningRate(ReachableJob reached, double lr) {
        return controls.learningRate(reached.id(), lr);
    }

    /**
     * Cancels a job: a queued one at once, a running one before its next batch, a paused one at once
     * (on this thread: a paused job holds no worker). A finished job is left as it is.
     */
    public JobView cancel(ReachableJob reached) {
        return controls.cancel(reached.id());
    }

    // ---- the model -------------------------------------------------------------------------------

    /** The model: live jobs' latest weights, finished jobs' stored final weights. */
    /** The data set of the job (network or classic), for its points. */
    public PreparedDataset data(ReachableJob reached) {
        return models.data(reached.id());
    }

    public TrainedModel model(ReachableJob reached) {
        return models.model(reached.id());
    }

    /** Outputs (and classes, for classifiers) of the job's current model for rows of inputs or 2-D points. */
    public Prediction predict(ReachableJob reached, PredictRequest request) {
        return models.predict(reached.id(), request);
    }
}
