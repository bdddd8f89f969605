package nnlab.jobs.classic;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/** Adaboost's weak learners: the lecture's perceptron on weighted examples, and decision stumps. */
public final class WeakLearners {

    /** Passes of the perceptron over the examples in a round. */
    static final int PERCEPTRON_EPOCHS = 20;

    private WeakLearners() {
    }

    public static Adaboost.WeakLearner of(String name) {
        return name.equals("stump") ? WeakLearners::stump : WeakLearners::perceptron;
    }

    /**
     * The perceptron ŷ = sign(w·x + b) (sign 0 = +1), trained by the perceptron rule with each example's step
     * scaled by its weight: on a mistake, w ← w + n·w_i·y_i·x_i and b ← b + n·w_i·y_i (n examples, so a step is
     * 1 for uniform weights). The examples come in a shuffled order each pass; the pass with the smallest
     * weighted error is kept (the pocket algorithm: on data no line separates the rule never settles).
     */
    static Adaboost.Hypothesis perceptron(double[][] x, int[] y, double[] weights, Random random) {
        int n = x.length, d = x[0].length;
        double[] w = new double[d];
        double[] b = {0};
        Linear best = new Linear(w.clone(), 0);
        double bestError = best.error(x, y, weights);
        int[] order = IntStream.range(0, n).toArray();
        for (int epoch = 0; epoch < PERCEPTRON_EPOCHS && bestError > 0; epoch++) {
            shuffle(order, random);
            for (int i : order) {
                if (y[i] * (dot(w, x[i]) + b[0]) <= 0) {
                    double step = n * weights[i] * y[i];
                    for (int c = 0; c < d; c++) w[c] += step * x[i][c];
                    b[0] += step;
                }
            }
            Linear candidate = new Linear(w.clone(), b[0]);
            double error = candidate.error(x, y, weights);
            if (error < bestError) {
                best = candidate;
                bestError = error;
            }
        }
        return best;
    }

    record Linear(double[] w, double b) implements Adaboost.Hypothesis {
        @Override
        public int predict(double[] row) {
            return dot(w, row) + b >= 0 ? 1 : -1;
        }

        double error(double[][] x, int[] y, double[] weights) {
            double e = 0;
            for (int i = 0; i < x.length; i++) if (predict(x[i]) != y[i]) e += weights[i];
            return e;
        }
    }

    /**
     * The stump of least weighted error: h(x) = s if x_f > θ else −s, over every feature f, every threshold θ
     * halfway between two neighbouring values, and s = ±1.
     */
    static Adaboost.Hypothesis stump(double[][] x, int[] y, double[] weights, Random random) {
        int n = x.length, d = x[0].length;
        double total = Arrays.stream(weights).sum();
        double negatives = 0;
        for (int i = 0; i < n; i++) if (y[i] < 0) negatives += weights[i];
        Stump best = new Stump(0, Double.NEGATIVE_INFINITY, 1);
        double bestError = negatives; // everything +1
        if (total - negatives < bestError) {
            best = new Stump(0, Double.NEGATIVE_INFINITY, -1);
            bestError = total - negatives;
        }
        for (int f = 0; f < d; f++) {
            final int feature = f;
            Integer[] sorted = IntStream.range(0, n).boxed().toArray(Integer[]::new);
            Arrays.sort(sorted, Comparator.comparingDouble(i -> x[i][feature]));
            double error = negatives; // θ below every value: +1 for all
            for (int k = 0; k < n - 1; k++) {
                int i = sorted[k];
                error += y[i] > 0 ? weights[i] : -weights[i]; // example i now falls at or below θ: −1
                double here = x[i][f], next = x[sorted[k + 1]][f];
                if (here == next) continue;
                double theta = (here + next) / 2;
                if (error < bestError) {
                    bestError = error;
                    best = new Stump(f, theta, 1);
                }
                if (total - error < bestError) {
                    bestError = total - error;
                    best = new Stump(f, theta, -1);
                }
            }
        }
        return best;
    }

    record Stump(int feature, double threshold, int sign) implements Adaboost.Hypothesis {
        @Override
        public int predict(double[] row) {
            return row[feature] > threshold ? sign : -sign;
        }
    }

    /**
     * A hypothesis as plain numbers, to be stored: a perceptron as b, w₁ … w_d; a stump as its feature, threshold
     * and sign.
     */
    static String name(Adaboost.Hypothesis h) {
        if (h instanceof Linear) return "perceptron";
        if (h instanceof Stump) return "stump";
        throw new IllegalArgumentException("only perceptrons and stumps are stored");
    }

    static double[] numbers(Adaboost.Hypothesis h) {
        if (h instanceof Linear l) {
            double[] n = new double[l.w().length + 1];
            n[0] = l.b();
            System.arraycopy(l.w(), 0, n, 1, l.w().length);
            return n;
        }
        Stump s = (Stump) h;
        return new double[]{s.feature(), s.threshold(), s.sign()};
    }

    /** The hypothesis of {@link #numbers} back, for rows of {@code inputs} values; checked, as read from storage. */
    static Adaboost.Hypothesis of(String learner, double[] n, int inputs) {
        if (learner.equals("stump")) {
            boolean valid = n.length == 3 && n[0] == Math.rint(n[0]) && n[0] >= 0 && n[0] < inputs
                    && !Double.isNaN(n[1]) && Math.abs(n[2]) == 1;
            if (!valid) throw new IllegalArgumentException("a stored stump is not a feature, threshold and sign");
            return new Stump((int) n[0], n[1], (int) n[2]);
        }
        if (n.length != inputs + 1 || !java.util.Arrays.stream(n).allMatch(Double::isFinite)) {
            throw new IllegalArgumentException("a stored perceptron has not " + (inputs + 1) + " finite numbers");
        }
        return new Linear(java.util.Arrays.copyOfRange(n, 1, n.length), n[0]);
    }

    private static double dot(double[] w, double[] x) {
        double s = 0;
        for (int c = 0; c < w.length; c++) s += w[c] * x[c];
        return s;
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
