package nnlab.classroom.dashboard;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.jobs.JobListener;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobStatus;
import org.springframework.stereotype.Component;

/**
 * The latest status and epoch of every unfinished job, as the jobs' messages tell them, so that the
 * dashboard reads them without asking the job service (which would count as someone looking at each
 * job and keep idle jobs alive). A job is forgotten when it finishes: its final state is in the database.
 */
@Component
public class LiveJobs implements JobListener {

    /** @param last the last finished epoch, without weights or grids; null before the first */
    public record State(JobStatus status, int epochsDone, JobMessage.Epoch last) {
    }

    private final Map<String, State> states = new ConcurrentHashMap<>();

    @Override
    public void jobChanged(String owner, JobMessage message) {
        if (message instanceof JobMessage.Status s) {
            if (s.status().finished()) {
                states.remove(s.jobId());
            } else {
                states.compute(s.jobId(), (id, old) -> new State(s.status(), s.epochsDone(),
                        old == null ? null : old.last()));
            }
        } else if (message instanceof JobMessage.Epoch e && !e.status().finished()) {
            // an epoch carries the status its worker set after it: newer than any status message before it
            states.put(e.jobId(), new State(e.status(), e.epoch(), e.withoutSnapshot()));
        }
    }

    public Optional<State> state(String jobId) {
        return Optional.ofNullable(states.get(jobId));
    }
}
