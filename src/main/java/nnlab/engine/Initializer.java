package nnlab.engine;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/** How a layer's weights and biases start. */
public enum Initializer {
    /** Glorot/Xavier uniform, Keras's default: U(−l, l), l = √(6 / (fanIn + fanOut)); biases 0. */
    GLOROT {
        void fill(double[] kernel, double[] bias, int fanIn, int fanOut, RandomGenerator rng) {
            double limit = Math.sqrt(6.0 / (fanIn + fanOut));
            for (int i = 0; i < kernel.length; i++) kernel[i] = (2 * rng.nextDouble() - 1) * limit;
        }
    },
    /** He normal, for ReLU layers: N(0, 2 / fanIn); biases 0. */
    HE {
        void fill(double[] kernel, double[] bias, int fanIn, int fanOut, RandomGenerator rng) {
            double sd = Math.sqrt(2.0 / fanIn);
            for (int i = 0; i < kernel.length; i++) kernel[i] = rng.nextGaussian() * sd;
        }
    },
    /** TensorFlow Playground's: weights U(−0.5, 0.5), biases 0.1. */
    UNIFORM {
        void fill(double[] kernel, double[] bias, int fanIn, int fanOut, RandomGenerator rng) {
            for (int i = 0; i < kernel.length; i++) kernel[i] = rng.nextDouble() - 0.5;
            Arrays.fill(bias, 0.1);
        }
    },
    /** Every weight and bias 0: the "what if all weights start at 0?" exercise (the units stay identical). */
    ZEROS {
        void fill(double[] kernel, double[] bias, int fanIn, int fanOut, RandomGenerator rng) {
        }
    };

    /** Fills a zeroed kernel (fanIn × fanOut, row-major) and bias. */
    abstract void fill(double[] kernel, double[] bias, int fanIn, int fanOut, RandomGenerator rng);

    public String id() {
        return Ids.of(this);
    }

    public static Initializer fromId(String id, String field) {
        return Ids.parse(values(), id, field, "init");
    }
}
