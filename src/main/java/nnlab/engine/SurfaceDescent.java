package nnlab.engine;

import java.util.Arrays;

/**
 * An optimiser run on a {@link Surface}, by the very {@link Updater} that trains networks: the two coordinates
 * are the parameter vector and the surface's gradient is the gradient, so the path drawn is the path a network's
 * weights would take on that landscape.
 */
public final class SurfaceDescent {

    public static final int MAX_STEPS = 2000;
    /** Coordinates past this size count as diverged: the run stops there. */
    static final double FAR = 1e6;

    private SurfaceDescent() {
    }

    /**
     * @param x       the coordinates visited, the start first (steps + 1 of them unless the run diverged)
     * @param loss    f at each of them
     * @param diverged the step after which the run left every sensible range (|x| or |y| beyond 10⁶, f beyond 10¹², or not a
     *                number), else null
     */
    public record Path(double[] x, double[] y, double[] loss, Integer diverged) {
    }

    /** Checks the optimiser's hyper-parameters, naming fields under {@code field}. */
    public static void validate(Optimizer o, String field) {
        o.validate(field);
    }

    /** Checks the number of steps and the start (fields {@code steps}, {@code start[0]}, {@code start[1]}). */
    public static void check(int steps, double x0, double y0) {
        InvalidSpecException.require(steps >= 1 && steps <= MAX_STEPS, "steps",
                "must be between 1 and " + MAX_STEPS + ", was " + steps);
        InvalidSpecException.require(Double.isFinite(x0) && Math.abs(x0) <= FAR, "start[0]",
                "must be a number between −" + (int) FAR + " and " + (int) FAR);
        InvalidSpecException.require(Double.isFinite(y0) && Math.abs(y0) <= FAR, "start[1]",
                "must be a number between −" + (int) FAR + " and " + (int) FAR);
    }

    /**
     * {@code steps} optimiser steps from {@code (x0, y0)} on {@code f}.
     *
     * @param field where the optimiser sits in a request, for refusals ({@code runs[1]})
     */
    public static Path run(Surface f, Optimizer o, double x0, double y0, int steps, String field) {
        o.validate(field);
        check(steps, x0, y0);
        Updater updater = Updater.of(o, 2);
        double[] p = {x0, y0};
        double[] xs = new double[steps + 1], ys = new double[steps + 1], loss = new double[steps + 1];
        xs[0] = x0;
        ys[0] = y0;
        loss[0] = f.value(x0, y0);
        for (int k = 1; k <= steps; k++) {
            updater.step(p, f.gradient(p[0], p[1]), o.learningRate());
            double v = f.value(p[0], p[1]);
            if (!(Math.abs(p[0]) <= FAR && Math.abs(p[1]) <= FAR && Math.abs(v) <= FAR * FAR)) {
                return new Path(Arrays.copyOf(xs, k), Arrays.copyOf(ys, k),
                        Arrays.copyOf(loss, k), k);
            }
            xs[k] = p[0];
            ys[k] = p[1];
            loss[k] = v;
        }
        return new Path(xs, ys, loss, null);
    }
}
