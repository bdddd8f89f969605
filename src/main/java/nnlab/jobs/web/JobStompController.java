package nnlab.jobs.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobNotFoundException;
import nnlab.jobs.JobService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import nnlab.jobs.ReachableJob;
import org.springframework.messaging.handler.annotation.DestinationVariable;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.simp.SimpMessageHeaderAccessor;
import org.springframework.messaging.handler.annotation.MessageMapping;
import org.springframework.messaging.Message;
import org.springframework.messaging.simp.annotation.SubscribeMapping;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;

/**
 * STOMP: subscribing to {@code /app/jobs/{id}} answers once, to the subscriber only, with the job's
 * status and history. A late subscriber first subscribes to {@code /topic/jobs/{id}}, then to this,
 * and drops live epochs it already got in the snapshot: no epoch is missed in between. The job is reached
 * through the same door as over REST, with the caller who opened the WebSocket. Sending to the same destination
 * grants a paced job epochs.
 */
@Controller
public class JobStompController {

    private static final Logger log = LoggerFactory.getLogger(JobStompController.class);
    /** A grant is a few bytes: {"until": 123456}. */
    private static final int MAX_GRANT = 256;

    private final JobService jobs;
    private final ObjectMapper json;
    private final RelayedLive relayed;
    private final SubscriptionReceipts receipts;

    public JobStompController(JobService jobs, ObjectMapper json, RelayedLive relayed, SubscriptionReceipts receipts) {
        this.jobs = jobs;
        this.json = json;
        this.relayed = relayed;
        this.receipts = receipts;
    }

    /** @param error set (and the rest empty) for an unknown job or one the subscriber may not reach */
    public record Snapshot(JobMessage.Status status, List<JobMessage.Epoch> history, String error) {
    }

    /**
     * A grant of a paced job: SEND to {@code /app/jobs/{id}} with {@code {"until": E}} (at most the session's
     * message size). Nothing is answered: a grant that cannot be used (a bad body, a job that is not paced or has
     * ended, one the sender may not reach) is ignored, and said so in the log; the job's live messages show
     * what it does.
     */
    @MessageMapping("/jobs/{id}")
    public void grant(@DestinationVariable String id, Message<?> frame, Principal user) {
        Integer until = frame.getPayload() instanceof byte[] body ? until(body) : null;
        if (until == null) {
            log.debug("grant to job {} ignored: the body must be {{\"until\": E}} with E a whole number, 0 or more", id);
            return;
        }
        try {
            jobs.grant(jobs.reach(ReachableJobResolver.caller(user), id), until);
        } catch (RuntimeException e) {
            log.debug("grant to job {} ignored: {}", id, e.getMessage());
        }
    }

    private Integer until(byte[] body) {
        if (body.length == 0 || body.length > MAX_GRANT) return null;
        try {
            JsonNode until = json.readTree(body).path("until");
            return until.isIntegralNumber() && until.canConvertToInt() && until.asInt() >= 0 ? until.asInt() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** The snapshot as this instance has it, for a caller with no STOMP session. */
    public Snapshot snapshot(String id, Principal user) {
        return snapshot(id, user, null);
    }

    @SubscribeMapping("/jobs/{id}")
    public Snapshot snapshot(@DestinationVariable String id, Principal user,
                             @Header(name = SimpMessageHeaderAccessor.SESSION_ID_HEADER, required = false) String session) {
        List<Snapshot> result = new ArrayList<>(1);
        try {
            ReachableJob job = jobs.reach(ReachableJobResolver.caller(user), id);
            if (relayed.enabled()) {
                // the session's topic subscription is on the broker first, then the snapshot is taken
                receipts.awaitSubscribed(session, job.id());
                try {
                    relayed.snapshot(jobs, job, receipts.firstLive(session, job.id()),
                            (status, history) -> result.add(new Snapshot(status, history, null)));
                } finally {
                    receipts.snapshotTaken(session, job.id());
                }
            } else {
                jobs.follow(job, (status, history) -> result.add(new Snapshot(status, history, null)));
            }
        } catch (JobNotFoundException | AccessDeniedException | AuthenticationException e) {
            return new Snapshot(null, List.of(), e.getMessage());
        }
        return result.get(0);
    }
}
