package nnlab.jobs.web;

import java.util.ArrayList;
import java.util.List;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.JobService;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.stereotype.Controller;

/**
 * STOMP: subscribing to {@code /app/jobs/{id}} answers once, to the subscriber only, with the job's
 * status and history. A late subscriber first subscribes to {@code /topic/jobs/{id}}, then to this,
 * and drops live epochs it already got in the snapshot: no epoch is missed in between.
 */
@Controller
public class JobStompController {

    private final JobService jobs;

    public JobStompController(JobService jobs) {
        this.jobs = jobs;
    }

    /** @param error set (and the rest empty) for an unknown job */
    public record Snapshot(JobMessage.Status status, List<JobMessage.Epoch> history, String error) {
    }

    @SubscribeMapping("/jobs/{id}")
    public Snapshot snapshot(@DestinationVariable String id) {
        List<Snapshot> result = new ArrayList<>(1);
        try {
            jobs.follow(id, (status, history) -> result.add(new Snapshot(status, history, null)));
        } catch (JobNotFoundException e) {
            return new Snapshot(null, List.of(), e.getMessage());
        }
        return result.get(0);
    }
}
