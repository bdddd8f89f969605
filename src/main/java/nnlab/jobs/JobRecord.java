package nnlab.jobs;

import java.time.Instant;
import nnlab.engine.ModelSummary;
import nnlab.engine.StopReason;

/**
 * A job as stored: its spec, its model summary and where it got to.
 *
 * @param summary the model summary, stored at submit; null for jobs stored before summaries were
 */
public record JobRecord(String id, String client, JobSpec spec, JobStatus status, int epochs, int inputs, int epochsDone,
                        StopReason stopReason, String error, Instant createdAt, Instant startedAt,
                        Instant finishedAt, ModelSummary summary) {

    /** A record without a stored summary. */
    public JobRecord(String id, String client, JobSpec spec, JobStatus status, int epochs, int inputs, int epochsDone,
                     StopReason stopReason, String error, Instant createdAt, Instant startedAt, Instant finishedAt) {
        this(id, client, spec, status, epochs, inputs, epochsDone, stopReason, error, createdAt, startedAt, finishedAt,
                null);
    }
}
