package nnlab.jobs;

import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** Accepts a spec (its client's rate counted at the door, before the body is read): the spec mapped once into the job's plan, its memory, the client's quota. */
@Component
class JobSubmissions {

    private final JobSpecMapper mapper;
    private final ActiveJobs live;
    private final JobQueries queries;
    private final JobRepository repository;
    private final JobWatchers watchers;
    private final JobsProperties settings;
    private final Clock clock;

    JobSubmissions(JobSpecMapper mapper, ActiveJobs live, JobQueries queries, JobRepository repository,
                   JobWatchers watchers, JobsProperties settings, Clock clock) {
        this.mapper = mapper;
        this.live = live;
        this.queries = queries;
        this.repository = repository;
        this.watchers = watchers;
        this.settings = settings;
        this.clock = clock;
    }

    /** See {@link JobService#submit(JobSpec, String, Long)}. */
    JobView submit(JobSpec submitted, String client, Long classId) {
        JobPlan plan = mapper.plan(mapper.withSeed(submitted));
        live.refuseIfTooLarge(plan.memory());
        int max = settings.maxActivePerClient();
        long active = live.unfinished(client);
        if (active >= max) {
            throw new QueueFullException("you have " + active + " unfinished jobs, the limit is " + max
                    + " per client: wait for one to finish or cancel one", "nnlab.jobs.max-active-per-client", max,
                    settings.retryAfter());
        }
        String id = UUID.randomUUID().toString();
        Job job = new Job(id, client, plan, clock.instant(), clock);
        repository.insert(new JobRecord(id, client, plan.spec(), JobStatus.QUEUED, job.epochs, job.inputs, 0, null,
                null, job.createdAt, null, null, plan.summary()), classId);
        live.add(job);
        watchers.looked(id);
        try {
            live.queue.enqueue(id, client);
        } catch (QueueFullException e) {
            live.remove(id);
            repository.delete(id);
            throw e;
        }
        live.publishStatus(job);
        JobView view = queries.view(job, true);
        // on a shared queue the job waits in the database: whichever instance claims it takes it in
        if (live.queue instanceof SharedJobQueue) live.remove(job);
        return view;
    }
}
