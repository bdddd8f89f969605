package nnlab.jobs.classic;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The lecture's Adaboost for two classes, labels y ∈ {−1, +1}. Each round fits a weak learner h_t to the examples
 * weighted by w_t, and then
 * <pre>
 * ε_t = Σ_i w_t(i)·[h_t(x_i) ≠ y_i]                 (the weights sum to 1)
 * α_t = ½ · ln((1 − ε_t) / ε_t)
 * w_{t+1}(i) ∝ w_t(i) · e^{−α_t · y_i · h_t(x_i)}      (normalised to sum to 1)
 * H(x) = sign(Σ_t α_t · h_t(x))
 * </pre>
 * ε is kept within [1e-10, 1 − 1e-10] so that a perfect weak learner gets a large, finite α.
 */
public final class Adaboost {

    static final double SMALLEST_ERROR = 1e-10;

    /** Fits a hypothesis to weighted examples. */
    public interface WeakLearner {
        Hypothesis fit(double[][] x, int[] y, double[] weights, Random random);
    }

    /** A weak hypothesis: −1 or +1 for a row. */
    public interface Hypothesis {
        int predict(double[] row);
    }

    public record Round(Hypothesis h, double error, double alpha) {
    }

    private final double[][] x;
    private final int[] y;
    private final double[] w;
    private final WeakLearner learner;
    private final Random random;
    private final List<Round> rounds = new ArrayList<>();

    /** @param y −1 or +1 per row */
    public Adaboost(double[][] x, int[] y, WeakLearner learner, long seed) {
        this.x = x;
        this.y = y;
        this.learner = learner;
        this.random = new Random(seed);
        this.w = new double[x.length];
        Arrays.fill(w, 1.0 / x.length);
    }

    /** Runs one round: fits h_t, computes ε_t and α_t, reweights the examples. */
    public Round round() {
        Hypothesis h = learner.fit(x, y, w.clone(), random);
        int[] predicted = new int[x.length];
        double error = 0;
        for (int i = 0; i < x.length; i++) {
            predicted[i] = h.predict(x[i]);
            if (predicted[i] != y[i]) error += w[i];
        }
        double e = Math.min(1 - SMALLEST_ERROR, Math.max(SMALLEST_ERROR, error));
        double alpha = 0.5 * Math.log((1 - e) / e);
        double sum = 0;
        for (int i = 0; i < x.length; i++) {
            w[i] *= Math.exp(-alpha * y[i] * predicted[i]);
            sum += w[i];
        }
        for (int i = 0; i < x.length; i++) w[i] /= sum;
        Round r = new Round(h, error, alpha);
        rounds.add(r);
        return r;
    }

    /** The examples' weights for the next round. */
    public double[] weights() {
        return w.clone();
    }

    public List<Round> rounds() {
        return List.copyOf(rounds);
    }

    /** Σ α_t·h_t(x) over the given rounds: H(x) is its sign. */
    public static double margin(List<Round> rounds, double[] row) {
        double f = 0;
        for (Round r : rounds) f += r.alpha() * r.h().predict(row);
        return f;
    }

    /**
     * The combined classifier of the rounds so far as class scores [P(class 0), P(class 1)], with
     * P(class 1) = 1 / (1 + e^{−2F}) for the margin F (Friedman, Hastie and Tibshirani's reading of the sum):
     * H(x) = +1, class 1, exactly when P(class 1) > ½.
     */
    public static ClassicModel combined(List<Round> rounds) {
        return new Combined(rounds);
    }

    /** H after the given rounds, as {@link #combined}. */
    record Combined(List<Round> rounds) implements ClassicModel {

        Combined {
            rounds = List.copyOf(rounds);
        }

        @Override
        public double[][] scores(double[][] rows) {
            double[][] s = new double[rows.length][];
            for (int r = 0; r < rows.length; r++) s[r] = Adaboost.scores(margin(rounds, rows[r]));
            return s;
        }
    }

    static double[] scores(double margin) {
        double p = 1 / (1 + Math.exp(-2 * margin));
        return new double[]{1 - p, p};
    }
}
