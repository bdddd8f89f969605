package nnlab.engine;

/**
 * {@link Updater}'s optimisers for {@link BlasKernel}'s float gradient: the same formulas in the same
 * order, with the optimiser's state (moments, velocity) in single precision. Each step turns the gradient,
 * in place, into the step Δθ that {@link BlasKernel#descend(double[])} subtracts from the parameters, which
 * are kept in double: small late updates that float weights would round away still add up (and, rounded
 * to float for the products, they are what the older native kernel trained too). Float state halves the
 * memory traffic of the double version's, and all-float loops run twice the values per vector instruction.
 *
 * <p>As in {@link Updater}, state that decays towards zero is zeroed below {@link Updater#TINY} every
 * {@link Updater#FLUSH_EVERY} steps, far above float's subnormal range (below 1.2·10⁻³⁸), where the
 * CPU is many times slower.
 */
abstract class FloatUpdater {

    private static final float TINY = (float) Updater.TINY;

    protected final Optimizer o;
    protected long steps;

    private FloatUpdater(Optimizer o) {
        this.o = o;
    }

    static FloatUpdater of(Optimizer o, int size) {
        return switch (o.kind()) {
            case SGD -> new Sgd(o);
            case MOMENTUM -> new Momentum(o, size);
            case ADAM -> new Adam(o, size);
            case RMSPROP -> new RmsProp(o, size);
        };
    }

    /** Replaces the gradient g by the step Δθ (θ ← θ − Δθ). */
    final void step(float[] g, double learningRate) {
        steps++;
        apply(g, learningRate);
        if (steps % Updater.FLUSH_EVERY == 0) flushState();
    }

    abstract void apply(float[] g, double lr);

    void flushState() {
    }

    static void flush(float[] state) {
        for (int i = 0; i < state.length; i++) {
            if (Math.abs(state[i]) < TINY) state[i] = 0;
        }
    }

    /** Δθ = lr·g. */
    private static final class Sgd extends FloatUpdater {
        Sgd(Optimizer o) {
            super(o);
        }

        void apply(float[] g, double lr) {
            float rate = (float) lr;
            for (int i = 0; i < g.length; i++) g[i] *= rate;
        }
    }

    /** Keras's SGD with momentum: v ← μ·v − lr·g, θ ← θ + v, so Δθ = −v. */
    private static final class Momentum extends FloatUpdater {
        private final float[] velocity;

        Momentum(Optimizer o, int size) {
            super(o);
            velocity = new float[size];
        }

        void apply(float[] g, double lr) {
            float mu = (float) o.momentum();
            float rate = (float) lr;
            for (int i = 0; i < g.length; i++) {
                float v = mu * velocity[i] - rate * g[i];
                velocity[i] = v;
                g[i] = -v;
            }
        }

        void flushState() {
            flush(velocity);
        }
    }

    /** Adam with Keras's bias correction folded into the step size: Δθ = lr_t·m / (√v + ε). */
    private static final class Adam extends FloatUpdater {
        private final float[] m;
        private final float[] v;

        Adam(Optimizer o, int size) {
            super(o);
            m = new float[size];
            v = new float[size];
        }

        void apply(float[] g, double lr) {
            float b1 = (float) o.beta1();
            float b2 = (float) o.beta2();
            float eps = (float) o.epsilon();
            float lrT = (float) (lr * Math.sqrt(1 - Math.pow(o.beta2(), steps)) / (1 - Math.pow(o.beta1(), steps)));
            for (int i = 0; i < g.length; i++) {
                float gi = g[i];
                float mi = b1 * m[i] + (1 - b1) * gi;
                float vi = b2 * v[i] + (1 - b2) * gi * gi;
                m[i] = mi;
                v[i] = vi;
                g[i] = lrT * mi / ((float) Math.sqrt(vi) + eps);
            }
        }

        void flushState() {
            flush(m);
            flush(v);
        }
    }

    /** RMSProp: v ← ρ·v + (1−ρ)·g², Δθ = lr·g / (√v + ε). */
    private static final class RmsProp extends FloatUpdater {
        private final float[] v;

        RmsProp(Optimizer o, int size) {
            super(o);
            v = new float[size];
        }

        void apply(float[] g, double lr) {
            float rho = (float) o.rho();
            float eps = (float) o.epsilon();
            float rate = (float) lr;
            for (int i = 0; i < g.length; i++) {
                float gi = g[i];
                float vi = rho * v[i] + (1 - rho) * gi * gi;
                v[i] = vi;
                g[i] = rate * gi / ((float) Math.sqrt(vi) + eps);
            }
        }

        void flushState() {
            flush(v);
        }
    }
}
