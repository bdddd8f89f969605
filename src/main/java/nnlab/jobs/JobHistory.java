package nnlab.jobs;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;

/**
 * What other features may read of the stored jobs (the classroom's dashboard), so that the repository stays
 * the jobs' own. Live changes reach them through {@link JobListener}.
 */
@Service
public class JobHistory {

    private final JobRepository repository;

    public JobHistory(JobRepository repository) {
        this.repository = repository;
    }

    /** How many jobs each owner of the class has submitted, by owner key. */
    public Map<String, Long> countByOwnerInClass(long classId) {
        return repository.countByClient(classId);
    }

    /** The class's newest jobs first, at most {@code limit}. */
    public List<JobRecord> newestInClass(long classId, int limit) {
        return repository.list(limit, null, null, classId);
    }

    /** The last epoch a job stored, if any. */
    public Optional<JobMessage.Epoch> lastEpoch(String jobId, int epochs) {
        return repository.lastEpoch(jobId, epochs);
    }
}
