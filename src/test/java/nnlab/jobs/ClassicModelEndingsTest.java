package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import nnlab.jobs.classic.ClassicKind;
import nnlab.jobs.classic.ClassicModel;
import nnlab.jobs.classic.ClassicModelStore;
import org.junit.jupiter.api.Test;

/** A classic job's model is stored however the job's run ends: before its final status is set, and at a shutdown. */
class ClassicModelEndingsTest {

    private final FakeClock clock = new FakeClock();

    record Saved(String jobId, ClassicKind kind, int steps, ClassicModel model, JobStatus statusThen) {
    }

    /** Records what would be stored, and the job's status at that moment. */
    private final class Recording extends ClassicModelStore {
        final List<Saved> saved = new ArrayList<>();
        Job job;

        Recording() {
            super(null, null);
        }

        @Override
        public long save(String jobId, ClassicKind kind, int steps, ClassicModel model) {
            saved.add(new Saved(jobId, kind, steps, model, job.status()));
            return 0;
        }
    }

    private final Recording store = new Recording();

    private JobRunner runner(Job job) {
        store.job = job;
        JobRunner r = new JobRunner(job, JobFixtures.MAPPER, new NoStorage(), m -> { },
                new JobMetrics(new SimpleMeterRegistry()), JobSpecMapperTest.defaults("nnlab.jobs", JobsProperties.class),
                JobSpecMapperTest.defaults("nnlab.live", LiveProperties.class), j -> { }, clock,
                new FinishedClassicModels(store));
        job.runner(r);
        return r;
    }

    private Job adaboost(String id, boolean paused) {
        return JobFixtures.job(id, JobFixtures.read("{\"dataset\": {\"name\": \"playground\", \"kind\": \"xor\"},"
                + " \"model\": {\"kind\": \"adaboost\", \"rounds\": 4}, \"training\": {}, \"seed\": 1,"
                + " \"startPaused\": " + paused + "}"), clock);
    }

    @Test
    void aFinishingJobsModelIsStoredBeforeItsFinalStatusIsSet() {
        Job job = adaboost("done", false);
        runner(job).run();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(store.saved).hasSize(1);
        Saved s = store.saved.get(0);
        assertThat(s.jobId()).isEqualTo("done");
        assertThat(s.kind()).isEqualTo(ClassicKind.ADABOOST);
        assertThat(s.steps()).isEqualTo(4);
        assertThat(s.model()).isSameAs(job.classicModel());
        assertThat(s.statusThen()).as("not yet shown as finished").isEqualTo(JobStatus.RUNNING);
    }

    @Test
    void aPausedJobsModelIsStoredWhenTheServerShutsDown() {
        Job job = adaboost("parked", true);
        job.step();
        JobRunner r = runner(job);
        r.run();
        assertThat(job.isParked()).isTrue();
        assertThat(store.saved).isEmpty();

        r.freeOnShutdown();
        assertThat(store.saved).singleElement().satisfies(s -> {
            assertThat(s.steps()).isEqualTo(1);
            assertThat(s.model()).isSameAs(job.classicModel());
        });
    }

    @Test
    void aNetworkStoresNoClassicModel() {
        Job job = JobFixtures.job("net", JobFixtures.xor(2, false), clock);
        runner(job).run();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(store.saved).isEmpty();
    }
}
