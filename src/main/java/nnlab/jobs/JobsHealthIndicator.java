package nnlab.jobs;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.stereotype.Component;

/** {@code /actuator/health} component "jobs": up while the job service runs, with the queue's fill. */
@Component("jobs")
public class JobsHealthIndicator implements HealthIndicator {

    private final JobService jobs;
    private final JobQueue queue;

    public JobsHealthIndicator(JobService jobs, JobQueue queue) {
        this.jobs = jobs;
        this.queue = queue;
    }

    @Override
    public Health health() {
        Health.Builder b = jobs.isRunning() ? Health.up() : Health.down();
        return b.withDetail("workers", queue.workers()).withDetail("queued", queue.waiting().size())
                .withDetail("queueCapacity", queue.capacity()).build();
    }
}
