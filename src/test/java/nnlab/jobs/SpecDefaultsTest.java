package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import nnlab.engine.InvalidSpecException;
import nnlab.engine.Optimizer;
import nnlab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

/** The one defaults table: what the mapper fills in is what the table says, and its bounds are the API's. */
class SpecDefaultsTest {

    private final JobSpecMapper mapper = JobFixtures.MAPPER;
    private final SpecDefaults table = mapper.defaults();

    private static JobSpec withTraining(JobSpec.Training t) {
        JobSpec xor = JobFixtures.xor(1, false);
        return new JobSpec(xor.dataset(), xor.model(), t, 1L, null, null);
    }

    private static JobSpec.Training training(Double lr, Integer epochs) {
        return new JobSpec.Training(null, lr, null, epochs, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    @Test
    void anEmptyTrainingSectionTakesTheTablesDefaults() {
        TrainingConfig c = mapper.plan(withTraining(training(null, null))).config();
        assertThat(c.optimizer().kind().id()).isEqualTo(table.values().get(SpecDefaults.OPTIMIZER));
        assertThat(c.optimizer().learningRate()).isEqualTo(table.values().get(SpecDefaults.LEARNING_RATE))
                .isEqualTo(0.01);
        assertThat(c.batchSize()).isEqualTo(table.values().get(SpecDefaults.BATCH_SIZE)).isEqualTo(32);
        assertThat(c.epochs()).isEqualTo(table.values().get(SpecDefaults.EPOCHS)).isEqualTo(10);
        assertThat(c.l1()).isZero();
        assertThat(c.shuffle()).isTrue();
        // adam's hyper-parameters are the engine's (Keras's) defaults
        JobSpec.Training adam = new JobSpec.Training("adam", null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null);
        Optimizer o = mapper.plan(withTraining(adam)).config().optimizer();
        Optimizer keras = Optimizer.adam(0.01);
        assertThat(o.beta1()).isEqualTo(keras.beta1());
        assertThat(o.beta2()).isEqualTo(keras.beta2());
        assertThat(o.epsilon()).isEqualTo(keras.epsilon());
    }

    @Test
    void theTablesBoundsAreCheckedBeforeTheEngines() {
        // the engine accepts 0 epochs; the API does not
        assertThatThrownBy(() -> mapper.plan(withTraining(training(null, 0))))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessage("training.epochs: must be between 1 and 10000 (nnlab.limits.max-epochs), was 0");
        assertThatThrownBy(() -> mapper.plan(withTraining(training(0.0, null))))
                .hasMessage("training.learningRate: must be a finite number in (0, 100], was 0");
        assertThatThrownBy(() -> table.field(SpecDefaults.LEARNING_RATE).check(Double.NaN, "learningRate"))
                .hasMessage("learningRate: must be a finite number in (0, 100], was NaN");
        assertThat(table.field(SpecDefaults.LEARNING_RATE).check(100, "learningRate")).isEqualTo(100);
    }

    @Test
    void configuredLimitsAreTheUpperBounds() {
        assertThat(table.field(SpecDefaults.EPOCHS).max()).isEqualTo(10_000);
        assertThat(table.field(SpecDefaults.EPOCHS).limit()).isEqualTo("nnlab.limits.max-epochs");
        assertThat(table.field(SpecDefaults.GRID_RESOLUTION).range()).isEqualTo("[2, 100]");
        assertThat(table.values()).containsEntry("model.layers[].dropout", 0.0).containsEntry("startPaused", false);
    }
}
