package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import nnlab.data.DatasetSpec;
import nnlab.engine.Activation;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Loss;
import nnlab.engine.Optimizer;
import nnlab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class JobSpecMapperTest {

    /** The configuration's defaults, bound as Spring binds them. */
    static <T> T defaults(String prefix, Class<T> type) {
        return new Binder(new MapConfigurationPropertySource(java.util.Map.of())).bindOrCreate(prefix, type);
    }

    static LimitsProperties defaults() {
        return defaults("nnlab.limits", LimitsProperties.class);
    }

    private final JobSpecMapper mapper = new JobSpecMapper(defaults());

    private static JobSpec.Training training(String optimizer, Double lr, Integer epochs, String loss) {
        return new JobSpec.Training(optimizer, lr, null, epochs, loss, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    private static JobSpec spec(DatasetSpec data, List<JobSpec.Layer> layers, JobSpec.Training t) {
        return new JobSpec(data, new JobSpec.Model(layers, null, null), t, 5L, null, null);
    }

    @Test
    void theDefaultsAreSafe() {
        LimitsProperties limits = defaults();
        JobsProperties jobs = defaults("nnlab.jobs", JobsProperties.class);
        assertThat(limits.maxLayers()).isEqualTo(8);
        assertThat(limits.maxEpochs()).isEqualTo(10_000);
        assertThat(jobs.queueCapacity()).isEqualTo(32);
        assertThat(jobs.effectiveWorkers()).isGreaterThanOrEqualTo(1);
        assertThat(defaults("nnlab.live", LiveProperties.class).maxSnapshotsPerSecond()).isEqualTo(10);
    }

    @Test
    void fillsDefaultsFromTheDataAndTheOutputLayer() {
        PreparedJob p = mapper.prepare(spec(DatasetSpec.of("iris"),
                List.of(new JobSpec.Layer(10, "relu", null), new JobSpec.Layer(3, "softmax", null)),
                training(null, null, null, null)));
        TrainingConfig c = p.config();
        assertThat(c.loss()).isEqualTo(Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        assertThat(c.optimizer().kind()).isEqualTo(Optimizer.Kind.SGD);
        assertThat(c.optimizer().learningRate()).isEqualTo(0.01);
        assertThat(c.batchSize()).isEqualTo(32);
        assertThat(c.epochs()).isEqualTo(10);
        assertThat(c.classification()).isTrue();
        assertThat(p.network().inputs()).isEqualTo(4);
        assertThat(p.network().layers().get(0).activation()).isEqualTo(Activation.RELU);
        // the lecture's count for 4-10-3 would be 50 + 33
        assertThat(p.network().parameterCount()).isEqualTo(83);
    }

    @Test
    void regressionDefaultsToMse() {
        PreparedJob p = mapper.prepare(spec(DatasetSpec.of("boston"),
                List.of(new JobSpec.Layer(100, "relu", null), new JobSpec.Layer(1, "relu", null)),
                training("adam", 0.001, 3, null)));
        assertThat(p.config().loss()).isEqualTo(Loss.MSE);
        assertThat(p.config().classification()).isFalse();
    }

    @Test
    void generatesASeedOnlyWhenThereIsNone() {
        JobSpec none = new JobSpec(DatasetSpec.of("xor"), new JobSpec.Model(List.of(), null, null),
                training(null, null, null, null), null, null, null);
        assertThat(mapper.withSeed(none).seed()).isNotNull().isBetween(0L, JobSpecMapper.MAX_GENERATED_SEED);
        assertThat(mapper.withSeed(none.withSeed(9)).seed()).isEqualTo(9);
    }

    @Test
    void validationSplitInTrainingIsPassedToTheData() {
        JobSpec.Training t = new JobSpec.Training(null, null, null, 2, null, null, null, null, null, null, null, null,
                0.2, null, null, null);
        PreparedJob p = mapper.prepare(spec(DatasetSpec.of("iris"),
                List.of(new JobSpec.Layer(3, "softmax", null)), t));
        assertThat(p.data().split().validation()).isNotNull();
        JobSpec.Training bad = new JobSpec.Training(null, null, null, 2, null, null, null, null, null, null, null,
                null, 1.5, null, null, null);
        assertThatThrownBy(() -> mapper.prepare(spec(DatasetSpec.of("iris"),
                List.of(new JobSpec.Layer(3, "softmax", null)), bad)))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("training.validationSplit"));
    }

    @Test
    void momentumOnlyForTheMomentumOptimizer() {
        JobSpec.Training t = new JobSpec.Training("adam", null, null, 2, null, null, null, 0.5, null, null, null, null,
                null, null, null, null);
        assertThatThrownBy(() -> mapper.prepare(spec(DatasetSpec.of("iris"),
                List.of(new JobSpec.Layer(3, "softmax", null)), t)))
                .isInstanceOf(InvalidSpecException.class)
                .satisfies(e -> assertThat(((InvalidSpecException) e).field()).isEqualTo("training.momentum"));
    }
}
