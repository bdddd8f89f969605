package nnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * One example's way through a network and back, as training computes it: every neuron's z = a_prev·W + b and
 * a = f(z), every neuron's δ = ∂L/∂z, and every weight's and bias's ∂L/∂θ, from the same kernel the training
 * runs on (plain Java, double precision) with a batch of this one example. Beside each gradient stands a
 * central finite difference (L(θ + h) − L(θ − h)) / 2h of the same loss, so a student can see backpropagation
 * agree with the definition of the derivative. Dropout is off (the network as it predicts); the L1/L2 penalty
 * is not part of L.
 *
 * @param inputs  the network's input (features scaled as the network sees them)
 * @param target  the example's target as the loss reads it (a class index for sparse categorical cross-entropy)
 * @param loss    L for this example
 * @param layers  per layer, input side first
 * @param step    h of the finite differences
 * @param maxRelativeError the largest |g − fd| / max(|g| + |fd|, 1e-6) over every parameter: differences of gradients
 *                         under 10⁻⁶ count as absolute, as the finite difference's own rounding is about 10⁻¹⁰
 */
public record BackpropTrace(double[] inputs, double[] target, double loss, List<LayerTrace> layers, double step,
                            double maxRelativeError) {

    /**
     * @param z             pre-activations, one per unit
     * @param a             activations f(z)
     * @param delta         ∂L/∂z per unit
     * @param kernelGradient ∂L/∂W[i][j] (input i to unit j, Keras's layout)
     * @param biasGradient  ∂L/∂b[j]
     * @param kernelEstimate the finite-difference estimate of each ∂L/∂W[i][j]
     * @param biasEstimate  the finite-difference estimate of each ∂L/∂b[j]
     * @param normGradient  with batch normalisation (at inference: the moving averages as constants, a the
     *                      normalised output): ∂L/∂γ and ∂L/∂β, each with its estimate; else null
     */
    public record LayerTrace(String activation, double[] z, double[] a, double[] delta, double[][] kernelGradient,
                             double[] biasGradient, double[][] kernelEstimate, double[] biasEstimate,
                             NormTrace normGradient) {
    }

    public record NormTrace(double[] gamma, double[] beta, double[] gammaEstimate, double[] betaEstimate) {
    }

    /** h of the central differences: small against the weights, large against double precision's rounding. */
    static final double STEP = 1e-6;

    /** Traces one example through the model's current parameters. */
    static BackpropTrace of(ParameterLayout layout, double[] params, Activation output, float[] x, float[] y,
                            Loss loss) {
        InvalidSpecException.require(x.length == layout.inputs(), "inputs",
                "must have " + layout.inputs() + " values, has " + x.length);
        int tw = OutputLoss.targetWidth(loss, layout.outputs());
        InvalidSpecException.require(y.length == tw, "target", "must have " + tw + " values, has " + y.length);
        Examples example = new Examples(x.clone(), y.clone(), 1, x.length, y.length);
        OutputLoss outputLoss = new OutputLoss(loss, output, layout.outputs(), loss.classification());
        double[] p = params.clone();
        try (ArrayKernel kernel = new ArrayKernel(layout)) {
            kernel.useParameters(p);
            int table = kernel.load(example);
            int last = layout.layers - 1;
            double[] outZ = new double[layout.outputs()];
            double[] outA = new double[layout.outputs()];
            double[] outGrad = new double[layout.outputs()];
            kernel.forward(table, null, 0, 1, null);
            kernel.read(last, outZ, outA);
            double l = outputLoss.score(outZ, outA, example, null, 0, 1, outGrad, new MetricSums(loss.classification()));
            double[][] z = new double[layout.layers][];
            double[][] a = new double[layout.layers][];
            double[][] deltas = new double[layout.layers][];
            for (int k = 0; k < layout.layers; k++) {
                z[k] = new double[layout.units[k]];
                a[k] = new double[layout.units[k]];
                deltas[k] = new double[layout.units[k]];
                kernel.read(k, z[k], a[k]);
            }
            double[] gradient = new double[layout.size];
            kernel.backward(outGrad, gradient, deltas);
            double[] estimate = new double[layout.size];
            double worst = 0;
            for (int i = 0; i < p.length; i++) {
                if (!layout.isTrainable(i)) continue;
                double w = p[i];
                p[i] = w + STEP;
                double plus = lossAt(kernel, table, outputLoss, example, outZ, outA, last, loss);
                p[i] = w - STEP;
                double minus = lossAt(kernel, table, outputLoss, example, outZ, outA, last, loss);
                p[i] = w;
                estimate[i] = (plus - minus) / (2 * STEP);
                if (layout.isTrainable(i)) worst = Math.max(worst, relativeError(gradient[i], estimate[i]));
            }
            List<LayerTrace> layers = new ArrayList<>();
            for (int k = 0; k < layout.layers; k++) {
                layers.add(new LayerTrace(layout.activation[k].id(), z[k], a[k], deltas[k],
                        kernel(layout, gradient, k), bias(layout, gradient, k),
                        kernel(layout, estimate, k), bias(layout, estimate, k), norm(layout, gradient, estimate, k)));
            }
            return new BackpropTrace(toDoubles(x), toDoubles(y), l, List.copyOf(layers), STEP, worst);
        }
    }

    static double relativeError(double g, double fd) {
        return Math.abs(g - fd) / Math.max(Math.abs(g) + Math.abs(fd), 1e-6);
    }

    private static double lossAt(ArrayKernel kernel, int table, OutputLoss outputLoss, Examples example,
                                 double[] outZ, double[] outA, int last, Loss loss) {
        kernel.forward(table, null, 0, 1, null);
        kernel.read(last, outZ, outA);
        return outputLoss.score(outZ, outA, example, null, 0, 1, null, new MetricSums(loss.classification()));
    }

    private static double[][] kernel(ParameterLayout layout, double[] flat, int l) {
        double[][] k = new double[layout.fanIn[l]][];
        for (int i = 0; i < k.length; i++) {
            int from = layout.kernelOffset[l] + i * layout.units[l];
            k[i] = java.util.Arrays.copyOfRange(flat, from, from + layout.units[l]);
        }
        return k;
    }

    private static double[] bias(ParameterLayout layout, double[] flat, int l) {
        return java.util.Arrays.copyOfRange(flat, layout.biasOffset[l], layout.biasOffset[l] + layout.units[l]);
    }

    private static NormTrace norm(ParameterLayout layout, double[] gradient, double[] estimate, int l) {
        int o = layout.normOffset[l];
        if (o < 0) return null;
        int u = layout.units[l];
        return new NormTrace(java.util.Arrays.copyOfRange(gradient, o, o + u), java.util.Arrays.copyOfRange(gradient, o + u, o + 2 * u),
                java.util.Arrays.copyOfRange(estimate, o, o + u), java.util.Arrays.copyOfRange(estimate, o + u, o + 2 * u));
    }

    private static double[] toDoubles(float[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) d[i] = v[i];
        return d;
    }
}
