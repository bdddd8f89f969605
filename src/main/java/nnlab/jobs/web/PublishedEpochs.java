package nnlab.jobs.web;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.jobs.JobMessage;
import nnlab.jobs.JobStatus;
import org.springframework.stereotype.Component;

/**
 * The last epoch this instance has published of each job it trains, noted just before the message leaves: what
 * another instance asks when it serves a late subscriber of a job running here. Only the instance training a job
 * publishes its epochs and its RUNNING or PAUSED status; any instance may publish that a job waits in the shared
 * queue or has ended, which says that it trains nowhere (so that an instance which merely queued a job never
 * answers for it).
 */
@Component
public class PublishedEpochs {

    private final Map<String, Integer> last = new ConcurrentHashMap<>();

    void publishing(JobMessage m) {
        if (m instanceof JobMessage.Epoch e) {
            last.merge(e.jobId(), e.epoch(), Math::max);
        } else if (m instanceof JobMessage.Status s) {
            if (s.status() == JobStatus.RUNNING || s.status() == JobStatus.PAUSED) last.putIfAbsent(s.jobId(), 0);
            else last.remove(s.jobId());
        }
    }

    /** Empty when this instance does not train the job. */
    OptionalInt last(String jobId) {
        Integer epoch = last.get(jobId);
        return epoch == null ? OptionalInt.empty() : OptionalInt.of(epoch);
    }
}
