package nnlab.engine;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The linear regions a ReLU network of two inputs cuts the plane into. Inside one region every ReLU unit is
 * either on (z > 0) or off, so the network is one affine function there; each region is a set of inputs with
 * one activation pattern (the on/off bits of all hidden units), and such a set is convex. Counting the distinct
 * patterns over a fine grid of the square [−range, range]² counts the regions that cover at least one grid
 * point: regions thinner than the grid's spacing can be missed, so this is a lower bound that grows with the
 * resolution towards the true number.
 */
public final class LinearRegions {

    public static final int MAX_RESOLUTION = 400;
    public static final int MAX_LAYERS = 8;
    public static final int MAX_UNITS = 64;

    private LinearRegions() {
    }

    /**
     * @param cells each grid cell's region (numbered in order of first appearance), row by row, row 0 at the top
     *              (y = range), column 0 at the left (x = −range); cell centres sit at the points counted
     */
    public record Count(int regions, int resolution, double range, int[] cells) {
    }

    /** The hidden ReLU layers as a network of two inputs and one linear output (the output cuts no regions). */
    public static NetworkSpec network(List<Integer> hidden, String field) {
        InvalidSpecException.require(hidden != null && !hidden.isEmpty() && hidden.size() <= MAX_LAYERS, field,
                "must list 1 to " + MAX_LAYERS + " hidden layers");
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < hidden.size(); l++) {
            Integer units = hidden.get(l);
            InvalidSpecException.require(units != null && units >= 1 && units <= MAX_UNITS, field + "[" + l + "]",
                    "must be between 1 and " + MAX_UNITS + " units, was " + units);
            layers.add(LayerSpec.dense(units, Activation.RELU));
        }
        layers.add(LayerSpec.dense(1, Activation.LINEAR));
        return new NetworkSpec(2, layers, Initializer.HE);
    }

    /**
     * Seeded random weights for the hidden layers: kernels He-normal (N(0, 2/fanIn), as the engine starts ReLU
     * layers), biases N(0, biasScale²) so that the units' lines do not all pass through the origin.
     */
    public static Weights random(NetworkSpec spec, long seed, double biasScale) {
        InvalidSpecException.require(Double.isFinite(biasScale) && biasScale >= 0 && biasScale <= 100, "biasScale",
                "must be a number in [0, 100], was " + biasScale);
        SplittableRandom rng = new SplittableRandom(seed);
        List<double[][]> kernels = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (int l = 0; l < spec.layers().size(); l++) {
            int in = spec.fanIn(l), out = spec.layers().get(l).units();
            double[] flat = new double[in * out];
            double[] bias = new double[out];
            Initializer.HE.fill(flat, bias, in, out, rng);
            for (int j = 0; j < out; j++) bias[j] = rng.nextGaussian() * biasScale;
            double[][] kernel = new double[in][out];
            for (int i = 0; i < in; i++) System.arraycopy(flat, i * out, kernel[i], 0, out);
            kernels.add(kernel);
            biases.add(bias);
        }
        return new Weights(kernels, biases);
    }

    /**
     * The model of hidden weights given by hand: the output layer (which cuts no regions) gets zero weights when
     * left out.
     */
    public static Model model(NetworkSpec spec, Weights weights) {
        if (weights.layers() == spec.layers().size() - 1) {
            List<double[][]> kernels = new ArrayList<>(weights.kernels());
            List<double[]> biases = new ArrayList<>(weights.biases());
            kernels.add(new double[spec.fanIn(spec.layers().size() - 1)][1]);
            biases.add(new double[1]);
            weights = new Weights(kernels, biases);
        }
        return Model.of(spec, weights);
    }

    /** Checks the square's half-width and the grid's points per side (fields {@code range}, {@code resolution}). */
    public static void check(double range, int resolution) {
        InvalidSpecException.require(resolution >= 2 && resolution <= MAX_RESOLUTION, "resolution",
                "must be between 2 and " + MAX_RESOLUTION + ", was " + resolution);
        InvalidSpecException.require(Double.isFinite(range) && range > 0 && range <= 1000, "range",
                "must be a number in (0, 1000], was " + range);
    }

    /** The network's input at a point (x1, x2) of the plane: the point itself, or its features scaled. */
    @FunctionalInterface
    public interface PlaneInputs {
        double[] at(double x1, double x2);
    }

    /**
     * Why the network's output is not piecewise linear in its input, or null when it is: every hidden layer is
     * ReLU or leaky ReLU (each unit bends the function where z = 0) or linear (no bend). Sigmoid, tanh and the
     * other curved activations have no linear pieces to count.
     */
    public static String notPiecewiseLinear(NetworkSpec spec) {
        for (int l = 0; l < spec.layers().size() - 1; l++) {
            Activation a = spec.layers().get(l).activation();
            if (a != Activation.RELU && a != Activation.LEAKY_RELU && a != Activation.LINEAR) {
                return "hidden layer " + (l + 1) + " uses " + a.id() + ", which is curved, so the network is not"
                        + " linear on pieces of the plane (relu, leaky_relu and linear hidden layers are)";
            }
        }
        return null;
    }

    /** Counts the activation patterns of the model's hidden ReLU layers over a resolution² grid of the square. */
    public static Count count(Model model, double range, int resolution) {
        NetworkSpec spec = model.spec();
        for (int l = 0; l < spec.layers().size() - 1; l++) {
            InvalidSpecException.require(spec.layers().get(l).activation() == Activation.RELU,
                    "layers[" + l + "].activation", "must be relu: linear regions are counted for ReLU networks");
        }
        return count(model, range, resolution, (x1, x2) -> new double[]{x1, x2});
    }

    /**
     * Counts the on/off patterns of the model's bending hidden units (ReLU, leaky ReLU) over a resolution² grid of
     * the square, the network's input at each point given by {@code inputs} (a job's features and scaling, which
     * must be affine in (x1, x2) for the pieces to be linear ones).
     */
    public static Count count(Model model, double range, int resolution, PlaneInputs inputs) {
        check(range, resolution);
        NetworkSpec spec = model.spec();
        int hidden = spec.layers().size() - 1;
        String curved = notPiecewiseLinear(spec);
        if (curved != null) throw new IllegalArgumentException(curved);
        Map<BitSet, Integer> patterns = new HashMap<>();
        int[] cells = new int[resolution * resolution];
        double step = 2 * range / resolution;
        double[][] row = new double[resolution][];
        for (int r = 0; r < resolution; r++) {
            double y = range - (r + 0.5) * step;
            for (int c = 0; c < resolution; c++) row[c] = inputs.at(-range + (c + 0.5) * step, y);
            double[][][] a = model.layerOutputs(row);
            for (int c = 0; c < resolution; c++) {
                BitSet on = new BitSet();
                int bit = 0;
                for (int l = 0; l < hidden; l++) {
                    if (spec.layers().get(l).activation() == Activation.LINEAR) continue;
                    for (double v : a[l][c]) {
                        if (v > 0) on.set(bit);
                        bit++;
                    }
                }
                Integer region = patterns.putIfAbsent(on, patterns.size());
                cells[r * resolution + c] = region != null ? region : patterns.size() - 1;
            }
        }
        return new Count(patterns.size(), resolution, range, cells);
    }
}
