package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A job that fails on an error of the server fails alone, and its owner reads plain words, no Java name. */
class JobRunnerErrorsTest {

    private static Job runWith(Error errorOrNull, RuntimeException exceptionOrNull) {
        JobSpecMapper failing = new JobSpecMapper(JobSpecMapperTest.defaults()) {
            @Override
            public PreparedJob prepare(JobPlan plan) {
                if (errorOrNull != null) throw errorOrNull;
                throw exceptionOrNull;
            }
        };
        FakeClock clock = new FakeClock();
        Job job = JobFixtures.job("j1", JobFixtures.read(nnlab.support.Specs.mnist(60_000, 10_000, 32, 1, null)), clock);
        List<JobStatus> seen = new ArrayList<>();
        new JobRunner(job, failing, new NoStorage(), message -> { }, new JobMetrics(new SimpleMeterRegistry()),
                JobSpecMapperTest.defaults("nnlab.jobs", JobsProperties.class),
                JobSpecMapperTest.defaults("nnlab.live", LiveProperties.class), j -> seen.add(j.status()), clock,
                new FinishedClassicModels(null)).run();
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
