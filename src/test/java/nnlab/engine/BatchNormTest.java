package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Batch normalisation with Keras's semantics: batch statistics while training, moving averages at inference. */
class BatchNormTest {

    static final NetworkSpec NET = new NetworkSpec(2, List.of(LayerSpec.normalised(3, Activation.LINEAR),
            LayerSpec.dense(1, Activation.LINEAR)), Initializer.GLOROT);

    /** Four examples, one batch; the layer is linear, so its outputs are x·W + b. */
    static final Examples DATA = Examples.of(new double[][] {{1, 2}, {0, -1}, {3, 0.5}, {-2, 1}},
            new double[][] {{1}, {0}, {2}, {-1}});

    @Test
    void parametersAreCountedAsKerasCountsThem() {
        // dense 2→3: 9, batch normalisation: 4·3 = 12 (6 of them not trainable), dense 3→1: 4
        assertThat(NET.parameterCount()).isEqualTo(25);
        ModelSummary s = ModelSummary.of(NET);
        assertThat(s.rows()).extracting(ModelSummary.Row::name).containsExactly("dense", "batch_normalization", "dense_1");
        assertThat(s.rows()).extracting(ModelSummary.Row::parameters).containsExactly(9L, 12L, 4L);
        assertThat(s.rows().get(1).type()).isEqualTo("BatchNormalization");
        assertThat(s.totalParameters()).isEqualTo(25);
        assertThat(s.trainableParameters()).isEqualTo(19);
        assertThat(s.toString()).contains("Trainable params: 19").contains("Non-trainable params: 6");
        // the lecture's MNIST network with one normalised hidden layer: 109,386 + 4·128
        NetworkSpec mnist = new NetworkSpec(784, List.of(LayerSpec.normalised(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        assertThat(ModelSummary.of(mnist).totalParameters()).isEqualTo(109_386 + 512);
        assertThat(ModelSummary.of(mnist).trainableParameters()).isEqualTo(109_386 + 256);
    }

    @Test
    void oneTrainingStepMovesTheMovingAveragesOneHundredthOfTheWayAndLeavesThemUntrained() {
        for (TrainingConfig.Backend backend : List.of(TrainingConfig.Backend.ARRAYS, TrainingConfig.Backend.BLAS,
                TrainingConfig.Backend.ND4J)) {
            TrainingConfig config = TrainingConfig.of(Loss.MSE, Optimizer.adam(0.01), 4, 1).withBackend(backend);
            try (Training t = Training.create(NET, config, DataSplit.trainOnly(DATA), 3)) {
                Weights before = t.weights();
                assertThat(before.batchNorm().get(0).gamma()).containsExactly(1, 1, 1);
                assertThat(before.batchNorm().get(0).movingVariance()).containsExactly(1, 1, 1);
                t.runEpoch(new TrainingListener() { });
                Weights after = t.weights();
                Weights.Norm n = after.batchNorm().get(0);
                for (int j = 0; j < 3; j++) {
                    double[] column = new double[4];
                    for (int r = 0; r < 4; r++) {
                        column[r] = before.biases().get(0)[j];
                        for (int i = 0; i < 2; i++) column[r] += DATA.x(r, i) * before.kernels().get(0)[i][j];
                    }
                    double mean = (column[0] + column[1] + column[2] + column[3]) / 4;
                    double var = 0;
                    for (double v : column) var += (v - mean) * (v - mean) / 4;
                    double tolerance = backend == TrainingConfig.Backend.ARRAYS ? 1e-12 : 1e-6;
                    assertThat(n.movingMean()[j]).as(backend + " moving mean").isCloseTo(0.01 * mean, within(tolerance));
                    assertThat(n.movingVariance()[j]).as(backend + " moving variance").isCloseTo(0.99 + 0.01 * var, within(tolerance));
                    // γ and β were trained (Adam's first step moves each by about the learning rate)
                    assertThat(Math.abs(n.gamma()[j] - 1)).as(backend + " γ").isCloseTo(0.01, within(0.001));
                    assertThat(Math.abs(n.beta()[j])).as(backend + " β").isCloseTo(0.01, within(0.001));
                }
            }
        }
    }

    @Test
    void inferenceUsesTheMovingAverages() {
        double[][] kernel0 = {{1, -1, 0.5}, {2, 0, -1}};
        Weights w = new Weights(List.of(kernel0, new double[][] {{1}, {1}, {1}}),
                List.of(new double[] {0, 0.5, 0}, new double[] {0.25}),
                java.util.Arrays.asList(new Weights.Norm(new double[] {2, 1, 1}, new double[] {0, 1, -1},
                        new double[] {1, 0, 0.5}, new double[] {4, 1, 0.25}), null));
        Model model = Model.of(NET, w);
        double[] x = {1, 2};
        double expected = 0.25;
        double[] gamma = {2, 1, 1}, beta = {0, 1, -1}, mean = {1, 0, 0.5}, var = {4, 1, 0.25}, bias = {0, 0.5, 0};
        for (int j = 0; j < 3; j++) {
            double z = bias[j] + x[0] * kernel0[0][j] + x[1] * kernel0[1][j];
            expected += gamma[j] * (z - mean[j]) / Math.sqrt(var[j] + 1e-3) + beta[j];
        }
        assertThat(model.predict(new double[][] {x})[0][0]).isCloseTo(expected, within(1e-12));
        // the same example alone or among others: inference does not depend on the batch
        assertThat(model.predict(new double[][] {{5, 5}, x})[1][0]).isCloseTo(expected, within(1e-12));
        assertThat(model.weights().batchNorm().get(0).movingVariance()).containsExactly(4, 1, 0.25);
        assertThat(model.weights().batchNorm().get(1)).isNull();
    }

    @Test
    void theTraceThroughANormalisedNetworkAgreesWithFiniteDifferences() {
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.normalised(4, Activation.TANH),
                LayerSpec.normalised(3, Activation.RELU), LayerSpec.dense(2, Activation.SOFTMAX)), Initializer.GLOROT);
        double[] p = Training.initialParameters(spec, new ParameterLayout(spec), new java.util.SplittableRandom(4));
        BackpropTrace t = new Model(spec, p).trace(new float[] {0.3f, -0.8f, 1.1f}, new float[] {1},
                Loss.SPARSE_CATEGORICAL_CROSSENTROPY);
        assertThat(t.maxRelativeError()).isLessThan(1e-5);
    }

    @Test
    void notOnTheOutputLayerNorWithDropout() {
        TrainingConfig config = TrainingConfig.of(Loss.MSE, Optimizer.sgd(0.1), 4, 1);
        NetworkSpec output = new NetworkSpec(2, List.of(LayerSpec.normalised(1, Activation.LINEAR)), Initializer.GLOROT);
        assertThatThrownBy(() -> Training.create(output, config, DataSplit.trainOnly(DATA), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("batchNorm").hasMessageContaining("output layer");
        NetworkSpec both = new NetworkSpec(2, List.of(new LayerSpec(3, Activation.RELU, 0.5, true),
                LayerSpec.dense(1, Activation.LINEAR)), Initializer.GLOROT);
        assertThatThrownBy(() -> Training.create(both, config, DataSplit.trainOnly(DATA), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("dropout");
    }
}
