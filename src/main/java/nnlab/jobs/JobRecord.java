package nnlab.jobs;

import java.time.Instant;
import nnlab.engine.StopReason;

/** A job as stored: its spec and where it got to. */
public record JobRecord(String id, String client, JobSpec spec, JobStatus status, int epochs, int inputs, int epochsDone,
                        StopReason stopReason, String error, Instant createdAt, Instant startedAt,
                        Instant finishedAt) {
}
