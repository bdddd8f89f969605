package nnlab.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import nnlab.engine.ModelSummary;
import nnlab.engine.StopReason;

/**
 * A job as the REST API shows it.
 *
 * @param queuePosition 1 = next to start; null unless QUEUED
 * @param pauseRequested a running job that will pause after its current epoch
 * @param last          the last epoch's metrics (train, validation, test), null before the first epoch
 * @param learningRate  the learning rate now in force (it can be changed while the job runs)
 * @param summary       parameter counts per layer and in total, as Keras's model.summary()
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record JobView(String id, JobStatus status, long seed, int epochs, int epochsDone, Integer queuePosition,
                      boolean pauseRequested, JobMessage.Epoch last, double learningRate, StopReason stopReason,
                      String error, Instant createdAt, Instant startedAt, Instant finishedAt, ModelSummary summary,
                      JobSpec spec) {
}
