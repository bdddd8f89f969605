package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Bad specs are refused before training, with the field and the allowed range in the message. */
class SpecValidationTest {

    static final Examples DATA = TrainingBehaviourTest.clouds(10, 1);

    private static void refused(NetworkSpec net, TrainingConfig cfg, Examples data, String field, String words) {
        assertThatThrownBy(() -> Training.create(net, cfg, DataSplit.trainOnly(data), 1))
                .isInstanceOf(InvalidSpecException.class)
                .hasMessageContaining(words)
                .extracting(e -> ((InvalidSpecException) e).field()).isEqualTo(field);
    }

    static NetworkSpec net(int inputs, int hiddenUnits) {
        return new NetworkSpec(inputs, List.of(LayerSpec.dense(hiddenUnits, Activation.RELU),
                LayerSpec.dense(1, Activation.SIGMOID)), Initializer.GLOROT);
    }

    static final TrainingConfig OK = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(0.1), 10, 5);

    @Test
    void sizesOutsideTheirRange() {
        refused(net(2, 0), OK, DATA, "model.layers[0].units", "between 1 and 4096, was 0");
        refused(net(2, 100_000), OK, DATA, "model.layers[0].units", "between 1 and 4096");
        refused(net(2, 4), TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(0.1), 0, 5), DATA,
                "training.batchSize", "between 1 and");
        refused(net(2, 4), TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(0.1), 10, 1_000_000), DATA,
                "training.epochs", "between 0 and 100000");
    }

    @Test
    void learningRatesMustBeFinitePositive() {
        for (double lr : new double[] {Double.NaN, -0.1, 0, Double.POSITIVE_INFINITY}) {
            refused(net(2, 4), TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(lr), 10, 5), DATA,
                    "training.learningRate", "finite number in (0, 100]");
        }
    }

    @Test
    void shapesThatDoNotFitTheData() {
        refused(net(3, 4), OK, DATA, "model.inputs", "the data set has 2 input features, the network expects 3");
        NetworkSpec softmax = new NetworkSpec(2, List.of(LayerSpec.dense(3, Activation.SOFTMAX)), Initializer.GLOROT);
        refused(softmax, TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.sgd(0.1), 10, 5),
                Examples.of(new double[][] {{0, 0}}, new double[][] {{5}}), "model.layers[0].units", "class 5.0");
    }

    @Test
    void lossAndOutputMustMatch() {
        NetworkSpec linear = new NetworkSpec(2, List.of(LayerSpec.dense(1, Activation.LINEAR)), Initializer.GLOROT);
        refused(linear, OK, DATA, "model.layers[0].activation", "binary_crossentropy needs a sigmoid output");
        NetworkSpec hiddenSoftmax = new NetworkSpec(2, List.of(LayerSpec.dense(3, Activation.SOFTMAX),
                LayerSpec.dense(1, Activation.SIGMOID)), Initializer.GLOROT);
        refused(hiddenSoftmax, OK, DATA, "model.layers[0].activation", "only allowed on the output layer");
    }

    @Test
    void unknownNamesListTheAllowedOnes() {
        assertThatThrownBy(() -> Activation.fromId("swish", "model.layers[1].activation"))
                .hasMessageContaining("model.layers[1].activation").hasMessageContaining("relu, leaky_relu");
        assertThatThrownBy(() -> Loss.fromId("kl", "training.loss")).hasMessageContaining("sparse_categorical_crossentropy");
        assertThatThrownBy(() -> Optimizer.Kind.fromId("adagrad", "training.optimizer")).hasMessageContaining("rmsprop");
    }

    @Test
    void explicitWeightsMustMatchTheShapes() {
        NetworkSpec net = new NetworkSpec(2, List.of(LayerSpec.dense(2, Activation.RELU),
                LayerSpec.dense(1, Activation.SIGMOID)), Initializer.GLOROT, new Weights(
                List.of(new double[][] {{1, 1}}, new double[][] {{1}, {-2}}), List.of(new double[] {0, -1}, new double[] {0})));
        refused(net, OK, DATA, "model.weights.kernels[0]", "must have 2 rows");
    }
}
