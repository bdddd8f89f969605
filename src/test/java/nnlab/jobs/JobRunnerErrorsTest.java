package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import nnlab.engine.StopReason;
import nnlab.engine.Weights;
import org.junit.jupiter.api.Test;

/** A job that fails on an error of the server fails alone, and its owner reads plain words, no Java name. */
class JobRunnerErrorsTest {

    /** Stores nothing: the runner's own behaviour is under test. */
    private static final class NoStorage extends JobRepository {
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

    private static Job runWith(Error errorOrNull, RuntimeException exceptionOrNull) {
        JobSpecMapper failing = new JobSpecMapper(JobSpecMapperTest.defaults()) {
            @Override
            public PreparedJob prepare(JobSpec spec) {
                if (errorOrNull != null) throw errorOrNull;
                throw exceptionOrNull;
            }
        };
        JobSpec spec;
        try {
            spec = new com.fasterxml.jackson.databind.ObjectMapper().readValue(
                    nnlab.support.Specs.mnist(60_000, 10_000, 32, 1, null), JobSpec.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new AssertionError(e);
        }
        Job job = new Job("j1", "student:1", spec, 1, 784, Instant.now());
        List<JobStatus> seen = new ArrayList<>();
        new JobRunner(job, failing, new NoStorage(), message -> { }, new JobMetrics(new SimpleMeterRegistry()),
                JobSpecMapperTest.defaults(), j -> seen.add(j.status())).run();
        assertThat(seen).endsWith(JobStatus.FAILED);
        return job;
    }

    @Test
    void runningOutOfMemoryFailsTheJobWithPlainWords() {
        Job job = runWith(new OutOfMemoryError("Java heap space"), null);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo(
                "the server ran out of memory for this job: try fewer examples or a smaller network");
    }

    @Test
    void anUnexpectedErrorNamesNoJavaClass() {
        Job job = runWith(null, new IllegalStateException("index 3 out of bounds"));
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).doesNotContainIgnoringCase("java").doesNotContain("Exception")
                .doesNotContain("index 3");
    }
}
