package nnlab.jobs;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import nnlab.engine.ModelSummary;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.InsufficientAuthenticationException;
import org.springframework.stereotype.Component;

/**
 * Reads jobs: live ones from memory, finished ones from the database, never mapping a spec again (the model
 * summary is stored with the job). Every read of one job counts as looking at it.
 */
@Component
class JobQueries {

    static final int LIST_LIMIT = 200;

    private final ActiveJobs live;
    private final JobRepository repository;
    private final JobWatchers watchers;
    private final JobSpecMapper mapper;

    JobQueries(ActiveJobs live, JobRepository repository, JobWatchers watchers, JobSpecMapper mapper) {
        this.live = live;
        this.repository = repository;
        this.watchers = watchers;
        this.mapper = mapper;
    }

    /** See {@link JobService#reach(JobCaller, String)}. */
    ReachableJob reach(JobCaller caller, String id) {
        String owner = owner(id);
        if (caller != null && caller.mayReach(owner)) return new ReachableJob(id);
        if (caller == null || !caller.authenticated()) {
            throw new InsufficientAuthenticationException("job " + id + " belongs to a signed-in user: sign in as"
                    + " them, or as an instructor");
        }
        throw new AccessDeniedException("job " + id + " is not yours");
    }

    JobView get(String id) {
        watchers.looked(id);
        Job job = live.get(id);
        if (job != null) return view(job, true);
        return view(record(id), true);
    }

    /** The newest jobs, with any of a status, an owner key and a class (null = any). */
    List<JobView> list(JobStatus status, String client, Long classId) {
        List<JobView> views = new ArrayList<>();
        for (JobRecord r : repository.list(LIST_LIMIT, status, client, classId)) {
            Job job = live.get(r.id());
            views.add(job != null ? view(job, false) : view(r, false));
        }
        return views;
    }

    String owner(String id) {
        Job job = live.get(id);
        return job != null ? job.client : record(id).client();
    }

    List<JobMessage.Epoch> history(String id) {
        watchers.looked(id);
        Job job = live.get(id);
        if (job != null) return job.history();
        JobRecord r = record(id);
        return repository.epochs(id, r.epochs());
    }

    /** See {@link JobService#follow(ReachableJob, BiConsumer)}. */
    boolean follow(String id, BiConsumer<JobMessage.Status, List<JobMessage.Epoch>> register) {
        Job job = live.get(id);
        if (job != null) {
            synchronized (job.lock()) {
                if (!job.status().finished()) {
                    register.accept(live.statusMessage(job), job.history());
                    return true;
                }
            }
        }
        JobRecord r = record(id);
        register.accept(status(id), repository.epochs(id, r.epochs()));
        // on a shared queue another instance may train it: its messages come through the broker
        return live.queue instanceof SharedJobQueue && !r.status().finished();
    }

    boolean runsHere(String id) {
        Job job = live.get(id);
        return job != null && !job.status().finished();
    }

    JobRecord record(String id) {
        return repository.find(id).orElseThrow(() -> new JobNotFoundException(id));
    }

    /** The current status as a live message, for a subscriber's first message. */
    private JobMessage.Status status(String id) {
        Job job = live.get(id);
        if (job != null) return live.statusMessage(job);
        JobRecord r = record(id);
        return new JobMessage.Status(id, r.status(), r.epochsDone(), r.epochs(), waitingPosition(r), r.stopReason(),
                r.error());
    }

    JobView view(Job job, boolean full) {
        int position = live.position(job);
        Double lr = job.requestedLearningRate();
        JobMessage.Epoch last = job.lastEpoch();
        double learningRate = lr != null ? lr : job.plan.config() == null ? 0 : job.plan.config().optimizer().learningRate();
        Instant started = job.startedAt();
        return new JobView(job.id, job.status(), job.spec.seed(), job.epochs, job.epochsDone(),
                position > 0 ? position : null, job.pauseRequested() && job.status() == JobStatus.RUNNING, last,
                learningRate, job.stopReason(), job.error(), job.createdAt, started, null,
                full ? job.plan.summary() : null, full ? job.spec : null);
    }

    private JobView view(JobRecord r, boolean full) {
        JobMessage.Epoch last = full && r.epochsDone() > 0 ? repository.lastEpoch(r.id(), r.epochs()).orElse(null)
                : null;
        double lr = last != null ? last.learningRate()
                : mapper.defaults().number(SpecDefaults.LEARNING_RATE, r.spec().training().learningRate());
        return new JobView(r.id(), r.status(), r.spec().seed(), r.epochs(), r.epochsDone(), waitingPosition(r), false,
                last, lr,
                r.stopReason(), r.error(), r.createdAt(), r.startedAt(), r.finishedAt(),
                full ? summary(r) : null, full ? r.spec() : null);
    }

    /** A job waiting in the shared queue has a place in it; null otherwise. */
    private Integer waitingPosition(JobRecord r) {
        if (r.status() != JobStatus.QUEUED || !(live.queue instanceof SharedJobQueue)) return null;
        int position = live.queue.position(r.id());
        return position > 0 ? position : null;
    }

    /** The stored summary; a job stored before summaries were is mapped once and its summary stored. */
    private ModelSummary summary(JobRecord r) {
        if (r.summary() != null || !r.spec().model().isNetwork()) return r.summary();
        ModelSummary s = ModelSummary.of(mapper.network(r.spec().model(), r.inputs()));
        repository.saveSummary(r.id(), s);
        return s;
    }
}
