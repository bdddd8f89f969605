package nnlab.engine;

/**
 * Activation functions, each with its derivative side by side (as in the lecture's table).
 * {@link #derivative(double, double)} takes both the input z and the output f(z), so functions whose
 * derivative is cheapest from the output (sigmoid, tanh) need not recompute it.
 * Softmax works on a whole row; its scalar forms are not defined and the network handles it with the
 * cross-entropy loss.
 */
public enum Activation {
    LINEAR {
        public double apply(double z) { return z; }
        public double derivative(double z, double f) { return 1; }
    },
    SIGMOID {
        public double apply(double z) { return z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)); }
        public double derivative(double z, double f) { return f * (1 - f); }
    },
    TANH {
        public double apply(double z) { return Math.tanh(z); }
        public double derivative(double z, double f) { return 1 - f * f; }
    },
    RELU {
        public double apply(double z) { return z > 0 ? z : 0; }
        public double derivative(double z, double f) { return z > 0 ? 1 : 0; }
    },
    LEAKY_RELU {
        public double apply(double z) { return z > 0 ? z : LEAKY_SLOPE * z; }
        public double derivative(double z, double f) { return z > 0 ? 1 : LEAKY_SLOPE; }
    },
    ELU {
        public double apply(double z) { return z > 0 ? z : Math.expm1(z); }
        public double derivative(double z, double f) { return z > 0 ? 1 : f + 1; }
    },
    SOFTPLUS {
        public double apply(double z) { return z > 30 ? z : Math.log1p(Math.exp(z)); }
        public double derivative(double z, double f) { return SIGMOID.apply(z); }
    },
    GAUSSIAN {
        public double apply(double z) { return Math.exp(-z * z); }
        public double derivative(double z, double f) { return -2 * z * f; }
    },
    /** Rosenblatt's threshold unit: 1 if z > 0 else 0. Its derivative is zero almost everywhere, so it
     *  learns only through the perceptron rule ({@link Loss#PERCEPTRON}). */
    STEP {
        public double apply(double z) { return z > 0 ? 1 : 0; }
        public double derivative(double z, double f) { return 0; }
    },
    SOFTMAX {
        public double apply(double z) { throw new IllegalStateException("softmax is defined on a whole row: see ArrayKernel.softmaxRow"); }
        public double derivative(double z, double f) { throw new IllegalStateException("softmax is defined on a whole row: see ArrayKernel.softmaxRow"); }
    };

    /** Slope of leaky ReLU for negative inputs (Keras's LeakyReLU default is 0.3; 0.01 is the common textbook value). */
    public static final double LEAKY_SLOPE = 0.01;

    public abstract double apply(double z);

    /** df/dz at z, given f = f(z). */
    public abstract double derivative(double z, double f);

    /** The name used in specs and JSON: lower case with underscores, e.g. {@code leaky_relu}. */
    public String id() {
        return Ids.of(this);
    }

    public static Activation fromId(String id, String field) {
        return Ids.parse(values(), id, field, "activation");
    }

    public static String ids() {
        return Ids.list(values());
    }
}
