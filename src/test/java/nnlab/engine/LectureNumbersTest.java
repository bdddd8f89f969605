package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The numbers the lectures state: parameter counts and the XOR hand solution. */
class LectureNumbersTest {

    @Test
    void mnistNetworkHas109386Parameters() {
        NetworkSpec mnist = new NetworkSpec(784, List.of(LayerSpec.dense(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        ModelSummary summary = ModelSummary.of(mnist);
        assertThat(summary.rows()).extracting(ModelSummary.Row::parameters).containsExactly(100_480L, 8_256L, 650L);
        assertThat(summary.totalParameters()).isEqualTo(109_386);
        assertThat(summary.toString()).contains("Total params: 109,386").contains("(None, 128)");
    }

    @Test
    void imageInputIsFlattenedFirstAsTheLecturesKerasModel() {
        NetworkSpec mnist = new NetworkSpec(784, List.of(LayerSpec.dense(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        ModelSummary summary = ModelSummary.of(mnist, List.of(28, 28));
        assertThat(summary.rows()).extracting(ModelSummary.Row::name, ModelSummary.Row::type, ModelSummary.Row::outputShape,
                ModelSummary.Row::parameters).containsExactly(
                org.assertj.core.groups.Tuple.tuple("flatten", "Flatten", "(None, 784)", 0L),
                org.assertj.core.groups.Tuple.tuple("dense", "Dense", "(None, 128)", 100_480L),
                org.assertj.core.groups.Tuple.tuple("dense_1", "Dense", "(None, 64)", 8_256L),
                org.assertj.core.groups.Tuple.tuple("dense_2", "Dense", "(None, 10)", 650L));
        assertThat(summary.totalParameters()).isEqualTo(109_386);
        assertThat(summary.toString()).contains("flatten (Flatten)").contains("Total params: 109,386")
                .contains("Trainable params: 109,386").contains("Non-trainable params: 0");
        assertThat(ModelSummary.of(mnist).rows()).extracting(ModelSummary.Row::type).containsOnly("Dense");
    }

    @Test
    void tenTwentyThreeHas283Parameters() {
        NetworkSpec net = new NetworkSpec(10, List.of(LayerSpec.dense(20, Activation.RELU),
                LayerSpec.dense(3, Activation.SOFTMAX)), Initializer.GLOROT);
        assertThat(ModelSummary.of(net).rows()).extracting(ModelSummary.Row::parameters).containsExactly(220L, 63L);
        assertThat(net.parameterCount()).isEqualTo(283);
    }

    @Test
    void xorHandSolutionOutputs0110() {
        NetworkSpec net = new NetworkSpec(2, List.of(LayerSpec.dense(2, Activation.RELU),
                LayerSpec.dense(1, Activation.LINEAR)), Initializer.ZEROS);
        Weights hand = new Weights(
                List.of(new double[][] {{1, 1}, {1, 1}}, new double[][] {{1}, {-2}}),
                List.of(new double[] {0, -1}, new double[] {0}));
        Model model = Model.of(net, hand);
        double[][] out = model.predict(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        assertThat(out).isDeepEqualTo(new double[][] {{0}, {1}, {1}, {0}});
        double[][][] hidden = model.layerOutputs(new double[][] {{1, 1}});
        assertThat(hidden[0][0]).containsExactly(2, 1);
    }

    @Test
    void handWeightsGivenToTrainingAreUsedAsTheStart() {
        NetworkSpec net = new NetworkSpec(2, List.of(LayerSpec.dense(2, Activation.RELU),
                LayerSpec.dense(1, Activation.LINEAR)), Initializer.GLOROT, new Weights(
                List.of(new double[][] {{1, 1}, {1, 1}}, new double[][] {{1}, {-2}}),
                List.of(new double[] {0, -1}, new double[] {0})));
        Examples xor = Examples.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, new double[][] {{0}, {1}, {1}, {0}});
        try (Training t = Training.create(net, TrainingConfig.of(Loss.MSE, Optimizer.sgd(0.1), 4, 1),
                DataSplit.trainOnly(xor), 1)) {
            EpochReport r = t.runEpoch(TrainingListener.NONE);
            assertThat(r.train().loss()).isZero();
            assertThat(t.weights().kernels().get(1)[1][0]).isEqualTo(-2);
        }
    }
}
