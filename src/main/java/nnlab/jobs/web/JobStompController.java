package nnlab.jobs.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.JobService;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;

/**
 * STOMP: subscribing to {@code /app/jobs/{id}} answers once, to the subscriber only, with the job's
 * status and history. A late subscriber first subscribes to {@code /topic/jobs/{id}}, then to this,
 * and drops live epochs it already got in the snapshot: no epoch is missed in between. The job is reached
 * through the same door as over REST, with the caller who opened the WebSocket.
 */
@Controller
public class JobStompController {

    private final JobService jobs;

    public JobStompController(JobService jobs) {
        this.jobs = jobs;
    }

    /** @param error set (and the rest empty) for an unknown job or one the subscriber may not reach */
    public record Snapshot(JobMessage.Status status, List<JobMessage.Epoch> history, String error) {
    }

    @SubscribeMapping("/jobs/{id}")
    public Snapshot snapshot(@DestinationVariable String id, Principal user) {
        List<Snapshot> result = new ArrayList<>(1);
        try {
            jobs.follow(jobs.reach(ReachableJobResolver.caller(user), id),
                    (status, history) -> result.add(new Snapshot(status, history, null)));
        } catch (JobNotFoundException | AccessDeniedException | AuthenticationException e) {
            return new Snapshot(null, List.of(), e.getMessage());
        }
        return result.get(0);
    }
}
