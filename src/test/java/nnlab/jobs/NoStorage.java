package nnlab.jobs;

import java.util.List;
import nnlab.engine.StopReason;
import nnlab.engine.Weights;

/** Stores nothing: for unit tests of a runner's own behaviour. */
final class NoStorage extends JobRepository {

    NoStorage() {
        super(null, null, null);
    }

    @Override
    public void updateStatus(String id, JobStatus status, int epochsDone, StopReason stop, String error) {
    }

    @Override
    public void saveWeights(String id, Weights weights) {
    }

    @Override
    public void insertEpochs(String jobId, List<JobMessage.Epoch> epochs) {
    }
}
