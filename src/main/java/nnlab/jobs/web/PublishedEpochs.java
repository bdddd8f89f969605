package nnlab.jobs.web;

import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.jobs.JobMessage;
import org.springframework.stereotype.Component;

/**
 * The last epoch this instance has published of each of its unfinished jobs, noted just before the message
 * leaves: what another instance asks when it serves a late subscriber of a job running here.
 */
@Component
public class PublishedEpochs {

    private final Map<String, Integer> last = new ConcurrentHashMap<>();

    void publishing(JobMessage m) {
        if (m instanceof JobMessage.Epoch e) {
            last.merge(e.jobId(), e.epoch(), Math::max);
        } else if (m instanceof JobMessage.Status s) {
            if (s.status().finished()) last.remove(s.jobId());
            else last.putIfAbsent(s.jobId(), 0);
        }
    }

    /** Empty when no unfinished job of this id published here. */
    OptionalInt last(String jobId) {
        Integer epoch = last.get(jobId);
        return epoch == null ? OptionalInt.empty() : OptionalInt.of(epoch);
    }
}
