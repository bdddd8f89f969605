package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The backprop trace: its gradients are the training's, and they agree with finite differences of the loss. */
class BackpropTraceTest {

    static Stream<Arguments> networks() {
        return Stream.of(
                Arguments.of(Activation.TANH, Activation.LINEAR, Loss.MSE, 2),
                Arguments.of(Activation.SIGMOID, Activation.SIGMOID, Loss.BINARY_CROSSENTROPY, 1),
                Arguments.of(Activation.RELU, Activation.SOFTMAX, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, 3),
                Arguments.of(Activation.ELU, Activation.TANH, Loss.MAE, 2),
                Arguments.of(Activation.SOFTPLUS, Activation.LINEAR, Loss.HINGE, 1),
                Arguments.of(Activation.GAUSSIAN, Activation.SIGMOID, Loss.MSE, 1));
    }

    @ParameterizedTest(name = "{0} hidden, {1} output, {2}")
    @MethodSource("networks")
    void everyGradientAgreesWithItsFiniteDifference(Activation hidden, Activation output, Loss loss, int outputs) {
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.dense(4, hidden), LayerSpec.dense(3, hidden),
                LayerSpec.dense(outputs, output)), Initializer.GLOROT);
        ParameterLayout layout = new ParameterLayout(spec);
        Model model = new Model(spec, Training.initialParameters(spec, layout, new SplittableRandom(11)));
        float[] target = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY ? new float[] {2}
                : outputs == 2 ? new float[] {0.3f, -0.7f} : loss == Loss.HINGE ? new float[] {0} : new float[] {1};

        BackpropTrace trace = model.trace(new float[] {0.4f, -1.2f, 0.9f}, target, loss);

        assertThat(trace.maxRelativeError()).isLessThan(1e-5);
        assertThat(trace.layers()).hasSize(3);
        double worst = 0;
        double largest = 0;
        int compared = 0;
        for (BackpropTrace.LayerTrace l : trace.layers()) {
            for (int i = 0; i < l.kernelGradient().length; i++) {
                for (int j = 0; j < l.kernelGradient()[i].length; j++) {
                    worst = Math.max(worst, BackpropTrace.relativeError(l.kernelGradient()[i][j], l.kernelEstimate()[i][j]));
                    largest = Math.max(largest, Math.abs(l.kernelGradient()[i][j]));
                    compared++;
                }
            }
            for (int j = 0; j < l.biasGradient().length; j++) {
                // for one example ∂L/∂b = δ: the bias gradient is the neuron's δ
                assertThat(l.biasGradient()[j]).isEqualTo(l.delta()[j]);
                worst = Math.max(worst, BackpropTrace.relativeError(l.biasGradient()[j], l.biasEstimate()[j]));
                compared++;
            }
        }
        assertThat(compared).isEqualTo((int) spec.parameterCount());
        assertThat(largest).as("the example is not on a flat part of the loss").isGreaterThan(1e-3);
        assertThat(worst).isLessThan(1e-5).isEqualTo(trace.maxRelativeError());
        System.out.printf("[trace] %s/%s/%s: %d parameters, max relative error %.2e%n", hidden.id(), output.id(),
                loss.id(), compared, worst);
    }

    @Test
    void theXorHandSolutionForwardAndBackward() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(2, Activation.RELU),
                LayerSpec.dense(1, Activation.LINEAR)), Initializer.GLOROT);
        Weights hand = new Weights(List.of(new double[][] {{1, 1}, {1, 1}}, new double[][] {{1}, {-2}}),
                List.of(new double[] {0, -1}, new double[] {0}));
        Model model = Model.of(spec, hand);

        // x = (1, 1), y = 0.5: z = (2, 1), ŷ = 2 − 2 = 0, L = (0 − 0.5)² = 0.25, ∂L/∂ŷ = −1
        BackpropTrace t = model.trace(new float[] {1, 1}, new float[] {0.5f}, Loss.MSE);

        assertThat(t.layers().get(0).z()).containsExactly(2, 1);
        assertThat(t.layers().get(0).a()).containsExactly(2, 1);
        assertThat(t.layers().get(1).a()).containsExactly(0);
        assertThat(t.loss()).isEqualTo(0.25);
        assertThat(t.layers().get(1).delta()).containsExactly(-1);
        assertThat(t.layers().get(1).kernelGradient()[0][0]).isEqualTo(-2); // a₁·δ = 2·(−1)
        assertThat(t.layers().get(1).kernelGradient()[1][0]).isEqualTo(-1);
        // ∇ passed back: δ_hidden = δ_out·w ⊙ relu'(z) = (−1·1, −1·(−2))
        assertThat(t.layers().get(0).delta()).containsExactly(-1, 2);
        assertThat(t.layers().get(0).kernelEstimate()[1][1]).isCloseTo(2, within(1e-6));
    }

    @Test
    void aTargetOfTheWrongWidthIsNamed() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(3, Activation.SOFTMAX)), Initializer.GLOROT);
        Model model = new Model(spec, new double[9]);
        assertThatThrownBy(() -> model.trace(new float[] {1, 1}, new float[] {0, 1, 0},
                Loss.SPARSE_CATEGORICAL_CROSSENTROPY))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("target").hasMessageContaining("1 values");
    }
}
