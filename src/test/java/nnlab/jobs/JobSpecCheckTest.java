package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import nnlab.engine.InvalidSpecException;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/** Checking a spec reads its data set's shape, never its examples; preparing shares them between jobs. */
class JobSpecCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JobSpecMapper mapper = new JobSpecMapper(JobSpecMapperTest.defaults());

    private static JobSpec spec(String json) throws Exception {
        return JSON.readValue(json, JobSpec.class);
    }

    private static JobSpec lecture(int batchSize, String extra) throws Exception {
        return spec(Specs.mnist(60_000, 10_000, batchSize, 1, extra));
    }

    @Test
    void aBadFullMnistSpecIsRefusedWithoutLoadingTheImages() throws Exception {
        JobSpec zeroBatch = lecture(0, null);
        JobSpec zeroUnits = spec(Specs.mnist(60_000, 10_000, 32, 1, null)
                .replace("{\"units\": 64, \"activation\": \"relu\"}", "{\"units\": 0, \"activation\": \"relu\"}"));
        for (int round = 0; round < 3; round++) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> mapper.plan(zeroBatch)).isInstanceOf(InvalidSpecException.class)
                    .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("training.batchSize"));
            long batchNanos = System.nanoTime() - start;
            start = System.nanoTime();
            assertThatThrownBy(() -> mapper.plan(zeroUnits)).isInstanceOf(InvalidSpecException.class)
                    .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("model.layers[1].units"));
            System.out.printf("refusing full MNIST with batchSize 0: %.2f ms, with a layer of 0 units: %.2f ms%n",
                    batchNanos / 1e6, (System.nanoTime() - start) / 1e6);
        }
        assertThat(mapper.datasets().preparations()).isZero();
    }

    @Test
    void aGoodFullMnistSpecIsCheckedAndEstimatedWithoutLoadingTheImages() throws Exception {
        JobPlan c = mapper.plan(lecture(32, null));
        assertThat(c.data().trainCount()).isEqualTo(60_000);
        assertThat(c.data().testCount()).isEqualTo(10_000);
        assertThat(c.config().evaluateTrain()).isFalse();
        // 70,000 images × (784 pixels + 1 label) × 4 bytes
        assertThat(c.memory().dataBytes()).isBetween(70_000L * 785 * 4, 70_000L * 785 * 4 + 1024);
        assertThat(mapper.datasets().preparations()).isZero();
    }

    @Test
    void jobsWithTheSameMnistShareOnePreparedCopyWhateverTheirSeeds() throws Exception {
        PreparedJob first = mapper.prepare(spec(Specs.mnist(2_000, 500, 32, 1, null)));
        PreparedJob second = mapper.prepare(spec(Specs.mnist(2_000, 500, 32, 1, null).replace("\"seed\": 42",
                "\"seed\": 7")));
        assertThat(second.data()).isSameAs(first.data());
        assertThat(second.data().split().train().x()).isSameAs(first.data().split().train().x());
        assertThat(mapper.datasets().preparations()).isEqualTo(1);
        PreparedJob other = mapper.prepare(spec(Specs.mnist(1_000, 500, 32, 1, null)));
        assertThat(other.data()).isNotSameAs(first.data());
        assertThat(mapper.datasets().preparations()).isEqualTo(2);
    }

    @Test
    void theShapeOfMnistWithoutItsImagesIsTheShapeOfThePreparedSet() throws Exception {
        String json = Specs.mnist(1_000, 300, 32, 1, null).replace("\"testLimit\": 300",
                "\"testLimit\": 300, \"validationSplit\": 0.1");
        JobPlan c = mapper.plan(spec(json));
        PreparedJob p = mapper.prepare(spec(json));
        assertThat(c.data().trainCount()).isEqualTo(p.data().split().train().count()).isEqualTo(900);
        assertThat(c.data().validationCount()).isEqualTo(p.data().split().validation().count()).isEqualTo(100);
        assertThat(c.data().testCount()).isEqualTo(p.data().split().test().count());
        assertThat(c.data().inputs()).isEqualTo(p.data().inputs());
        long floats = (long) (900 + 100 + 300) * (784 + 1) * 4;
        assertThat(c.data().bytes()).isBetween(floats, floats + 3 * 64);
    }

    @Test
    void aSmallSetIsPreparedOnceForItsCheckAndItsRun() throws Exception {
        JobSpec spiral = spec(Specs.spiral(3, null));
        JobPlan c = mapper.plan(spiral);
        PreparedJob p = mapper.prepare(spiral);
        assertThat(mapper.datasets().preparations()).isEqualTo(1);
        assertThat(c.data().trainCount()).isEqualTo(p.data().split().train().count());
        assertThat(c.data().plane()).isTrue();
    }
}
