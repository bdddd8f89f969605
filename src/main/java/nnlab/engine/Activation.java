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
        public double apply(double z) { return tanh(z); }
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
    /**
     * The clipped linear output min(max(z, 0), 1): a probability-like output whose gradient is zero outside
     * [0, 1], so a unit that starts (or wanders) out there on every example never learns again.
     */
    CLIPPED_LINEAR {
        public double apply(double z) { return z <= 0 ? 0 : z >= 1 ? 1 : z; }
        public double derivative(double z, double f) { return z > 0 && z < 1 ? 1 : 0; }
    },
    SOFTMAX {
        public double apply(double z) { throw new IllegalStateException("softmax is defined on a whole row: see ArrayKernel.softmaxRow"); }
        public double derivative(double z, double f) { throw new IllegalStateException("softmax is defined on a whole row: see ArrayKernel.softmaxRow"); }
    };

    /** Slope of leaky ReLU for negative inputs (Keras's LeakyReLU default is 0.3; 0.01 is the common textbook value). */
    public static final double LEAKY_SLOPE = 0.01;

    public abstract double apply(double z);

    /**
     * tanh within 4 ulp of {@link Math#tanh}, 2–3 times faster: Math.tanh is a native call on this JDK and was
     * most of a small network's epoch. Near zero the odd Taylor series to z¹⁵ (its remainder below 10⁻¹⁷ of
     * the value for |z| < 1/8); elsewhere (1 − e^{−2|z|}) / (1 + e^{−2|z|}), where 1 − e^{−2|z|} ≥ 0.22 loses
     * no digits; 1 from |z| = 20 on, as in double precision.
     */
    static double tanh(double z) {
        double x = Math.abs(z);
        double t;
        if (x < 0.125) {
            double x2 = x * x;
            t = x + x * x2 * (-1.0 / 3 + x2 * (2.0 / 15 + x2 * (-17.0 / 315 + x2 * (62.0 / 2835
                    + x2 * (-1382.0 / 155925 + x2 * (21844.0 / 6081075 + x2 * (-929569.0 / 638512875)))))));
        } else if (x >= 20) {
            t = 1;
        } else { // also NaN
            double e = Math.exp(-2 * x);
            t = (1 - e) / (1 + e);
        }
        return Math.copySign(t, z);
    }

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
