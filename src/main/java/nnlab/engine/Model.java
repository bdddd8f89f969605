package nnlab.engine;

import java.util.Arrays;

/**
 * A trained (or hand-set) network frozen at one moment: predicts in plain Java, so it can answer
 * while a run goes on, and can give every neuron's output over a set of points (the playground's maps).
 */
public final class Model {

    private final NetworkSpec spec;
    private final ParameterLayout layout;
    private final double[] params;

    Model(NetworkSpec spec, double[] params) {
        this.spec = spec;
        this.layout = new ParameterLayout(spec);
        this.params = params;
    }

    /** A model from explicit weights, checked against the spec. */
    public static Model of(NetworkSpec spec, Weights weights) {
        ParameterLayout layout = new ParameterLayout(spec);
        return new Model(spec, layout.fromWeights(weights, "weights"));
    }

    public NetworkSpec spec() {
        return spec;
    }

    public Weights weights() {
        return layout.toWeights(params);
    }

    /** The output layer's activations for each input row (rows × outputs). */
    public double[][] predict(double[][] inputs) {
        return layerOutputs(inputs)[layout.layers - 1];
    }

    /** Predicted class per row: argmax of a multi-unit output, or a threshold on a single unit. */
    public int[] classify(double[][] inputs, Loss loss) {
        double[][] out = predict(inputs);
        OutputLoss decision = new OutputLoss(loss, spec.outputActivation(), layout.outputs(), true);
        int[] classes = new int[out.length];
        for (int r = 0; r < out.length; r++) classes[r] = decision.predictedClass(out[r], 0);
        return classes;
    }

    /**
     * Each example's true class and predicted class, decided as the accuracy metric decides them, and the
     * output row behind each prediction. Runs in chunks on the kernel training would pick at Keras's
     * default batch size: OpenBLAS's for networks the size of MNIST's, plain Java for small ones.
     */
    public Classified classify(Examples examples, Loss loss) {
        OutputLoss decision = new OutputLoss(loss, spec.outputActivation(), layout.outputs(), true);
        int n = examples.count(), outputs = layout.outputs(), tw = examples.outputs();
        int[] actual = new int[n], predicted = new int[n];
        double[][] rows = new double[n][];
        boolean large = layout.macsPerExample() * KERAS_BATCH >= Training.NATIVE_THRESHOLD_MACS;
        try (Kernel kernel = large ? new BlasKernel(layout) : new ArrayKernel(layout)) {
            kernel.setParameters(params);
            int table = kernel.load(examples);
            double[] a = new double[CLASSIFY_CHUNK * outputs];
            for (int from = 0; from < n; from += CLASSIFY_CHUNK) {
                int count = Math.min(CLASSIFY_CHUNK, n - from);
                kernel.forward(table, null, from, count, null);
                kernel.read(layout.layers - 1, null, a);
                for (int r = 0; r < count; r++) {
                    int row = from + r;
                    rows[row] = Arrays.copyOfRange(a, r * outputs, (r + 1) * outputs);
                    predicted[row] = decision.predictedClass(rows[row], 0);
                    actual[row] = decision.targetClass(examples.y(), row * tw);
                }
            }
        }
        return new Classified(actual, predicted, rows);
    }

    private static final int CLASSIFY_CHUNK = 1000;
    private static final int KERAS_BATCH = 32;

    /** Per example: the true class, the predicted class and the output layer's activations. */
    public record Classified(int[] actual, int[] predicted, double[][] outputs) {
    }

    /** Every layer's activations: result[layer][row][unit]. */
    public double[][][] layerOutputs(double[][] inputs) {
        for (int r = 0; r < inputs.length; r++) {
            InvalidSpecException.require(inputs[r].length == layout.inputs(), "inputs[" + r + "]",
                    "must have " + layout.inputs() + " values, has " + inputs[r].length);
        }
        double[][] y = new double[inputs.length][1];
        Examples examples = Examples.of(inputs, y);
        double[][][] result = new double[layout.layers][inputs.length][];
        if (inputs.length == 0) return result;
        try (ArrayKernel kernel = new ArrayKernel(layout)) {
            kernel.useParameters(params);
            int table = kernel.load(examples);
            kernel.forward(table, null, 0, inputs.length, null);
            for (int l = 0; l < layout.layers; l++) {
                int units = layout.units[l];
                double[] a = new double[inputs.length * units];
                kernel.read(l, null, a);
                for (int r = 0; r < inputs.length; r++) {
                    result[l][r] = java.util.Arrays.copyOfRange(a, r * units, (r + 1) * units);
                }
            }
        }
        return result;
    }

    /**
     * One example forward and backward through this model, as a training step of batch size 1 computes it,
     * with finite-difference estimates of every parameter's gradient (see {@link BackpropTrace}).
     *
     * @param inputs the network's input, scaled as training data are
     * @param target the target row as the data set holds it
     */
    public BackpropTrace trace(float[] inputs, float[] target, Loss loss) {
        return BackpropTrace.of(layout, params, spec.outputActivation(), inputs, target, loss);
    }

    public long parameterCount() {
        return layout.size;
    }

    public ModelSummary summary() {
        return ModelSummary.of(spec);
    }
}
