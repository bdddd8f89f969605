package nnlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import nnlab.engine.Examples;

/** The lectures' small sets: the XOR table, a linearly separable cloud pair, a noisy sine, and a line with one outlier. */
public final class SmallSets {

    /** Separable clouds: half-width of the empty band around the line x1 + x2 = 0 (in x1 + x2 units). */
    public static final double SEPARABLE_MARGIN = 1;
    public static final double SEPARABLE_SPREAD = 0.8;
    public static final double SINE_FROM = -Math.PI;
    public static final double SINE_TO = Math.PI;

    private SmallSets() {
    }

    /** (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0. */
    public static List<LabeledPoint> xor() {
        return List.of(new LabeledPoint(0, 0, 0), new LabeledPoint(0, 1, 1),
                new LabeledPoint(1, 0, 1), new LabeledPoint(1, 1, 0));
    }

    /**
     * Two gaussian clouds around (2, 2) (class 1) and (−2, −2) (class 0), redrawn until every point is
     * at least {@link #SEPARABLE_MARGIN} from the line x1 + x2 = 0 on its own side. The set is
     * therefore perfectly separable, so a logistic model's weights grow without bound as it trains.
     */
    public static List<LabeledPoint> separable(int samples, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<LabeledPoint> points = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            int label = i < samples - samples / 2 ? 1 : 0;
            double centre = label == 1 ? 2 : -2;
            double x1;
            double x2;
            do {
                x1 = centre + SEPARABLE_SPREAD * random.nextGaussian();
                x2 = centre + SEPARABLE_SPREAD * random.nextGaussian();
            } while ((label == 1 ? x1 + x2 : -(x1 + x2)) < SEPARABLE_MARGIN);
            points.add(new LabeledPoint(x1, x2, label));
        }
        return points;
    }

    /** {@code samples} x drawn uniformly from [from, to], y = sin x plus gaussian noise of sd {@code noise}. */
    public static Examples sine(int samples, double noise, double from, double to, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] x = new float[samples];
        float[] y = new float[samples];
        for (int i = 0; i < samples; i++) {
            double v = Playground.uniform(random, from, to);
            x[i] = (float) v;
            y[i] = (float) (Math.sin(v) + noise * random.nextGaussian());
        }
        return new Examples(x, y, samples, 1, 1);
    }

    /** The outlier set's line y = 2x + 1, its x range and its one outlier, far below the line. */
    public static final int OUTLIER_POINTS = 20;
    public static final double OUTLIER_X = 4;
    public static final double OUTLIER_Y = -15;

    /**
     * The line y = 2x + 1 at {@code samples} x drawn uniformly from [0, 5], with gaussian noise of sd
     * {@code noise}; with {@code outlier}, one more point (4, −15) last, far off the line.
     */
    public static Examples line(int samples, double noise, boolean outlier, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = samples + (outlier ? 1 : 0);
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < samples; i++) {
            double v = Playground.uniform(random, 0, 5);
            x[i] = (float) v;
            y[i] = (float) (2 * v + 1 + noise * random.nextGaussian());
        }
        if (outlier) {
            x[samples] = (float) OUTLIER_X;
            y[samples] = (float) OUTLIER_Y;
        }
        return new Examples(x, y, n, 1, 1);
    }
}
