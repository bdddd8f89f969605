package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Lab 7's "Adam keeps 3 × 109,386 numbers, SGD one copy", from the optimisers' own state. */
class OptimiserStateTest {

    @Test
    void adamKeepsTwoMoreNumbersPerWeightOfTheMnistNetworkAndSgdNone() {
        NetworkSpec mnist = new NetworkSpec(784, List.of(LayerSpec.dense(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        int weights = new ParameterLayout(mnist).size;
        assertThat(weights).isEqualTo(109_386);
        assertThat(785 * 128).isEqualTo(100_480);
        assertThat(129 * 64).isEqualTo(8_256);
        assertThat(65 * 10).isEqualTo(650);
        assertThat(weights + Updater.of(Optimizer.adam(0.001), weights).stateSize()).isEqualTo(328_158);
        assertThat(weights + Updater.of(Optimizer.sgd(0.01), weights).stateSize()).isEqualTo(109_386);
        assertThat(weights + Updater.of(Optimizer.momentum(0.01, 0.9), weights).stateSize()).isEqualTo(218_772);
        // in 32-bit floats: about 1.3 MB against 0.44 MB; a billion weights: 8 GB more for Adam
        assertThat(Math.round(328_158 * 4 / 1e5) / 10.0).isEqualTo(1.3);
        assertThat(Math.round(109_386 * 4 / 1e4) / 100.0).isEqualTo(0.44);
        assertThat(2 * 1_000_000_000L * 4).isEqualTo(8_000_000_000L);
    }
}
