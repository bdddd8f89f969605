package nnlab.data;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.DoubleBinaryOperator;

/**
 * The TensorFlow Playground's 2-D data generators, with the playground's geometry (radii, padding,
 * spiral, gaussian centres, noise scaling), reproducible from a seed. Classification labels are class
 * indices: 1 where the playground says +1, 0 where it says −1. Positive points come first; splitting
 * shuffles.
 *
 * <p>{@code noise} is the playground's slider divided by 100, in [0, 0.5]. Except for the two
 * gaussians and the spiral, noise does not move the points: the label is computed at a randomly
 * displaced position, so noise shows as points of the other class on the wrong side.
 */
public final class Playground {

    /** Points are drawn in [−6, 6]² (regression) or less; heatmaps use the same square. */
    public static final double EXTENT = 6;
    public static final double MAX_NOISE = 0.5;

    private Playground() {
    }

    /** The kinds that also come with a third class (label 2). */
    public static final List<PlaygroundKind> THREE_CLASS_KINDS =
            List.of(PlaygroundKind.CIRCLE, PlaygroundKind.GAUSS, PlaygroundKind.SPIRAL);

    public static List<LabeledPoint> generate(PlaygroundKind kind, int samples, double noise, long seed) {
        return generate(kind, samples, noise, seed, 2);
    }

    /**
     * With {@code classes} 3 (circle, gauss and spiral only) the points come in three near-equal groups
     * labelled 1, 0 and 2 (the first groups get the extra points); with 2, exactly the playground's sets.
     */
    public static List<LabeledPoint> generate(PlaygroundKind kind, int samples, double noise, long seed, int classes) {
        if (classes == 3) {
            if (!THREE_CLASS_KINDS.contains(kind)) {
                throw new IllegalArgumentException("only circle, gauss and spiral have three classes, not " + kind.id());
            }
            if (samples < 0) throw new IllegalArgumentException("samples must be >= 0, was " + samples);
            if (!(noise >= 0 && noise <= MAX_NOISE)) {
                throw new IllegalArgumentException("noise must be between 0 and 0.5, was " + noise);
            }
            SplittableRandom random = new SplittableRandom(seed);
            return switch (kind) {
                case CIRCLE -> circle3(samples, noise, random);
                case GAUSS -> gauss3(samples, noise, random);
                default -> spiral3(samples, noise, random);
            };
        }
        if (classes != 2) throw new IllegalArgumentException("classes must be 2 or 3, was " + classes);
        if (samples < 0) throw new IllegalArgumentException("samples must be >= 0, was " + samples);
        if (!(noise >= 0 && noise <= MAX_NOISE)) {
            throw new IllegalArgumentException("noise must be between 0 and 0.5, was " + noise);
        }
        SplittableRandom random = new SplittableRandom(seed);
        return switch (kind) {
            case CIRCLE -> circle(samples, noise, random);
            case XOR -> xor(samples, noise, random);
            case GAUSS -> gauss(samples, noise, random);
            case SPIRAL -> spiral(samples, noise, random);
            case REG_PLANE -> regressionPlane(samples, noise, random);
            case REG_GAUSS -> regressionGauss(samples, noise, random);
        };
    }

    /** Positive inside radius 2.5, negative in the ring 3.5..5; noise displaces by up to ±5·noise. */
    private static List<LabeledPoint> circle(int samples, double noise, SplittableRandom random) {
        double radius = 5;
        List<LabeledPoint> points = new ArrayList<>(samples);
        for (int i = 0; i < positives(samples); i++) {
            points.add(circlePoint(0, radius * 0.5, radius, noise, random));
        }
        for (int i = 0; i < negatives(samples); i++) {
            points.add(circlePoint(radius * 0.7, radius, radius, noise, random));
        }
        return points;
    }

    private static LabeledPoint circlePoint(double rMin, double rMax, double radius, double noise,
                                            SplittableRandom random) {
        double r = uniform(random, rMin, rMax);
        double angle = uniform(random, 0, 2 * Math.PI);
        double x1 = r * Math.sin(angle);
        double x2 = r * Math.cos(angle);
        double n1 = uniform(random, -radius, radius) * noise;
        double n2 = uniform(random, -radius, radius) * noise;
        boolean inside = Math.hypot(x1 + n1, x2 + n2) < radius * 0.5;
        return new LabeledPoint(x1, x2, inside ? 1 : 0);
    }

    /** Uniform in [−5, 5]², pushed 0.3 away from both axes; positive where x1·x2 >= 0. */
    private static List<LabeledPoint> xor(int samples, double noise, SplittableRandom random) {
        double padding = 0.3;
        List<LabeledPoint> points = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            double x1 = uniform(random, -5, 5);
            x1 += x1 > 0 ? padding : -padding;
            double x2 = uniform(random, -5, 5);
            x2 += x2 > 0 ? padding : -padding;
            double n1 = uniform(random, -5, 5) * noise;
            double n2 = uniform(random, -5, 5) * noise;
            points.add(new LabeledPoint(x1, x2, (x1 + n1) * (x2 + n2) >= 0 ? 1 : 0));
        }
        return points;
    }

    /** Positive around (2, 2), negative around (−2, −2); the variance grows from 0.5 to 4 with noise. */
    private static List<LabeledPoint> gauss(int samples, double noise, SplittableRandom random) {
        double variance = 0.5 + noise / MAX_NOISE * (4 - 0.5);
        double sd = Math.sqrt(variance);
        List<LabeledPoint> points = new ArrayList<>(samples);
        for (int i = 0; i < positives(samples); i++) {
            points.add(new LabeledPoint(2 + sd * random.nextGaussian(), 2 + sd * random.nextGaussian(), 1));
        }
        for (int i = 0; i < negatives(samples); i++) {
            points.add(new LabeledPoint(-2 + sd * random.nextGaussian(), -2 + sd * random.nextGaussian(), 0));
        }
        return points;
    }

    /** Two arms, the negative one turned by π; radius grows to 5 over 1.75 turns; noise ±noise. */
    private static List<LabeledPoint> spiral(int samples, double noise, SplittableRandom random) {
        List<LabeledPoint> points = new ArrayList<>(samples);
        spiralArm(positives(samples), 0, 1, noise, random, points);
        spiralArm(negatives(samples), Math.PI, 0, noise, random, points);
        return points;
    }

    private static void spiralArm(int n, double turn, int label, double noise, SplittableRandom random,
                                  List<LabeledPoint> points) {
        for (int i = 0; i < n; i++) {
            double r = (double) i / n * 5;
            double t = 1.75 * i / n * 2 * Math.PI + turn;
            double x1 = r * Math.sin(t) + uniform(random, -1, 1) * noise;
            double x2 = r * Math.cos(t) + uniform(random, -1, 1) * noise;
            points.add(new LabeledPoint(x1, x2, label));
        }
    }

    /** Group i of three (1, 0, 2 in this order) gets samples/3 points, the first ones one more for the rest. */
    private static int third(int samples, int group) {
        return samples / 3 + (group < samples % 3 ? 1 : 0);
    }

    /** Class 1 inside radius 1.5, class 2 in the ring 2.5..3.25, class 0 in 4..5; labels at the displaced point. */
    private static List<LabeledPoint> circle3(int samples, double noise, SplittableRandom random) {
        double radius = 5;
        double[][] rings = {{0, 1.5, 1}, {4, 5, 0}, {2.5, 3.25, 2}};
        List<LabeledPoint> points = new ArrayList<>(samples);
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < third(samples, g); i++) {
                double r = uniform(random, rings[g][0], rings[g][1]);
                double angle = uniform(random, 0, 2 * Math.PI);
                double x1 = r * Math.sin(angle);
                double x2 = r * Math.cos(angle);
                double n1 = uniform(random, -radius, radius) * noise;
                double n2 = uniform(random, -radius, radius) * noise;
                double d = Math.hypot(x1 + n1, x2 + n2);
                points.add(new LabeledPoint(x1, x2, d < 2 ? 1 : d < 3.6 ? 2 : 0));
            }
        }
        return points;
    }

    /** Class 1 around (2, 2), class 0 around (−2, −2), class 2 around (2, −2); variance as for two. */
    private static List<LabeledPoint> gauss3(int samples, double noise, SplittableRandom random) {
        double sd = Math.sqrt(0.5 + noise / MAX_NOISE * (4 - 0.5));
        double[][] centres = {{2, 2, 1}, {-2, -2, 0}, {2, -2, 2}};
        List<LabeledPoint> points = new ArrayList<>(samples);
        for (int g = 0; g < 3; g++) {
            for (int i = 0; i < third(samples, g); i++) {
                points.add(new LabeledPoint(centres[g][0] + sd * random.nextGaussian(),
                        centres[g][1] + sd * random.nextGaussian(), centres[g][2]));
            }
        }
        return points;
    }

    /** Three arms turned by 0, 2π/3 and 4π/3 (classes 1, 0, 2). */
    private static List<LabeledPoint> spiral3(int samples, double noise, SplittableRandom random) {
        List<LabeledPoint> points = new ArrayList<>(samples);
        int[] labels = {1, 0, 2};
        for (int g = 0; g < 3; g++) spiralArm(third(samples, g), g * 2 * Math.PI / 3, labels[g], noise, random, points);
        return points;
    }

    /** Uniform in [−6, 6]²; label (x1 + x2) / 10 at a position displaced by up to ±6·noise. */
    private static List<LabeledPoint> regressionPlane(int samples, double noise, SplittableRandom random) {
        return regression(samples, noise, random, (x1, x2) -> (x1 + x2) / 10);
    }

    /** Six bumps of alternating sign at (−4|0|4, ±2.5), each falling linearly to 0 at distance 2. */
    private static List<LabeledPoint> regressionGauss(int samples, double noise, SplittableRandom random) {
        return regression(samples, noise, random, Playground::sixBumps);
    }

    private static final double[][] BUMPS = {
            {-4, 2.5, 1}, {0, 2.5, -1}, {4, 2.5, 1}, {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};

    static double sixBumps(double x1, double x2) {
        double label = 0; // the bump with the largest absolute value wins
        for (double[] bump : BUMPS) {
            double height = Math.max(0, 1 - Math.hypot(x1 - bump[0], x2 - bump[1]) / 2);
            double value = bump[2] * height;
            if (Math.abs(value) > Math.abs(label)) label = value;
        }
        return label;
    }

    private static List<LabeledPoint> regression(int samples, double noise, SplittableRandom random,
                                                 DoubleBinaryOperator label) {
        List<LabeledPoint> points = new ArrayList<>(samples);
        for (int i = 0; i < samples; i++) {
            double x1 = uniform(random, -EXTENT, EXTENT);
            double x2 = uniform(random, -EXTENT, EXTENT);
            double n1 = uniform(random, -EXTENT, EXTENT) * noise;
            double n2 = uniform(random, -EXTENT, EXTENT) * noise;
            points.add(new LabeledPoint(x1, x2, label.applyAsDouble(x1 + n1, x2 + n2)));
        }
        return points;
    }

    /** With an odd count the positive class gets the extra point, so the total is exact. */
    private static int positives(int samples) {
        return samples - samples / 2;
    }

    private static int negatives(int samples) {
        return samples / 2;
    }

    static double uniform(SplittableRandom random, double from, double to) {
        return from + random.nextDouble() * (to - from);
    }
}
