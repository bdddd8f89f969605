package nnlab.engine;

/**
 * Applies one optimiser step to the flat parameter vector, in plain Java: a single fused loop over the
 * parameters is several times faster than ND4J's updater ops for the networks taught here.
 *
 * <p>Optimiser state decays geometrically where gradients are exactly zero (MNIST's border pixels, dead
 * ReLUs) and would reach subnormal numbers, on which the CPU is many times slower; Java cannot set
 * flush-to-zero, so tiny state is zeroed every {@link #FLUSH_EVERY} steps instead. Between two flushes a
 * value at the threshold decays by at most 0.9^64 ≈ 10⁻³, far above the subnormal range.
 */
abstract class Updater {

    static final int FLUSH_EVERY = 64;
    static final double TINY = 1e-30;

    protected final Optimizer o;
    protected long steps;

    private Updater(Optimizer o) {
        this.o = o;
    }

    static Updater of(Optimizer o, int size) {
        return switch (o.kind()) {
            case SGD -> new Sgd(o);
            case MOMENTUM -> new Momentum(o, size);
            case ADAM -> new Adam(o, size);
            case RMSPROP -> new RmsProp(o, size);
        };
    }

    final void step(double[] params, double[] grad, double learningRate) {
        steps++;
        apply(params, grad, learningRate);
        if (steps % FLUSH_EVERY == 0) flushState();
    }

    abstract void apply(double[] p, double[] g, double lr);

    void flushState() {
    }

    /** How many numbers the optimiser keeps besides the parameters (0 for SGD, one per parameter for momentum). */
    int stateSize() {
        return 0;
    }

    static void flush(double[] state) {
        for (int i = 0; i < state.length; i++) {
            if (Math.abs(state[i]) < TINY) state[i] = 0;
        }
    }

    private static final class Sgd extends Updater {
        Sgd(Optimizer o) {
            super(o);
        }

        void apply(double[] p, double[] g, double lr) {
            for (int i = 0; i < p.length; i++) p[i] -= lr * g[i];
        }
    }

    /** Keras's SGD with momentum: v ← μ·v − lr·g, θ ← θ + v. */
    private static final class Momentum extends Updater {
        private final double[] velocity;

        Momentum(Optimizer o, int size) {
            super(o);
            velocity = new double[size];
        }

        void apply(double[] p, double[] g, double lr) {
            double mu = o.momentum();
            for (int i = 0; i < p.length; i++) {
                double v = mu * velocity[i] - lr * g[i];
                velocity[i] = v;
                p[i] += v;
            }
        }

        void flushState() {
            flush(velocity);
        }

        int stateSize() {
            return velocity.length;
        }
    }

    /** Adam with Keras's bias correction folded into the step size. */
    private static final class Adam extends Updater {
        private final double[] m;
        private final double[] v;

        Adam(Optimizer o, int size) {
            super(o);
            m = new double[size];
            v = new double[size];
        }

        void apply(double[] p, double[] g, double lr) {
            double b1 = o.beta1();
            double b2 = o.beta2();
            double eps = o.epsilon();
            double lrT = lr * Math.sqrt(1 - Math.pow(b2, steps)) / (1 - Math.pow(b1, steps));
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                double mi = b1 * m[i] + (1 - b1) * gi;
                double vi = b2 * v[i] + (1 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                p[i] -= lrT * mi / (Math.sqrt(vi) + eps);
            }
        }

        void flushState() {
            flush(m);
            flush(v);
        }

        int stateSize() {
            return m.length + v.length;
        }
    }

    /** RMSProp: v ← ρ·v + (1−ρ)·g², θ ← θ − lr·g / (√v + ε). */
    private static final class RmsProp extends Updater {
        private final double[] v;

        RmsProp(Optimizer o, int size) {
            super(o);
            v = new double[size];
        }

        void apply(double[] p, double[] g, double lr) {
            double rho = o.rho();
            double eps = o.epsilon();
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                double vi = rho * v[i] + (1 - rho) * gi * gi;
                v[i] = vi;
                p[i] -= lr * gi / (Math.sqrt(vi) + eps);
            }
        }

        void flushState() {
            flush(v);
        }

        int stateSize() {
            return v.length;
        }
    }
}
