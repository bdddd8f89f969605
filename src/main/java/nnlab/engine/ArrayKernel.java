package nnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The network's arithmetic in plain Java arrays, double precision. For small networks (the playground's,
 * XOR, Iris) this is far faster than any library call, whose fixed cost of 5–30 µs would dominate.
 * The loops are the lecture's formulas: z = a·W + b, a = f(z); backward δ = (δ_next·Wᵀ) ⊙ f'(z),
 * ∂W = aᵀ·δ, ∂b = Σ δ.
 */
final class ArrayKernel implements Kernel {

    /** Layers up to this many units sum in registers (measured on the playground's 8-unit layers and on 10-64 unit layers). */
    static final int NARROW_UNITS = 8;

    private final ParameterLayout layout;
    private final List<Examples> tables = new ArrayList<>();
    private double[] params;
    private int capacity;
    private int rows;
    private double[] input;
    private double[][] z;
    private double[][] a;
    private double[][] masks;
    private double[] delta;
    private double[] deltaPrev;
    /** Batch-normalised layers: the activations before normalisation, and the normalisation's state. */
    private double[][] beforeNorm;
    private final BatchNorm.State[] norms;
    private boolean training;

    ArrayKernel(ParameterLayout layout) {
        this.layout = layout;
        norms = new BatchNorm.State[layout.layers];
        for (int l = 0; l < layout.layers; l++) {
            if (layout.normOffset[l] >= 0) norms[l] = new BatchNorm.State(layout.units[l]);
        }
    }

    @Override
    public void training(boolean on) {
        training = on;
    }

    @Override
    public void updateMovingStatistics(double[] p) {
        BatchNorm.updateMoving(p, layout, norms);
    }

    @Override
    public int load(Examples examples) {
        tables.add(examples);
        return tables.size() - 1;
    }

    @Override
    public void replace(int table, Examples examples) {
        tables.set(table, examples);
    }

    @Override
    public void setParameters(double[] p) {
        if (params == null || params.length != p.length) params = new double[p.length];
        System.arraycopy(p, 0, params, 0, p.length);
    }

    /** Reads parameters in place, without a copy: the owner promises not to change them during a pass. */
    void useParameters(double[] p) {
        params = p;
    }

    private void ensureCapacity(int n) {
        if (n <= capacity) return;
        capacity = n;
        input = new double[n * layout.inputs()];
        z = new double[layout.layers][];
        a = new double[layout.layers][];
        beforeNorm = new double[layout.layers][];
        for (int l = 0; l < layout.layers; l++) {
            z[l] = new double[n * layout.units[l]];
            a[l] = new double[n * layout.units[l]];
            if (norms[l] != null) beforeNorm[l] = new double[n * layout.units[l]];
        }
        delta = new double[n * layout.widest()];
        deltaPrev = new double[n * layout.widest()];
    }

    @Override
    public void forward(int table, int[] order, int from, int n, double[][] dropoutMasks) {
        ensureCapacity(n);
        rows = n;
        masks = dropoutMasks;
        Examples data = tables.get(table);
        int in = data.inputs();
        float[] x = data.x();
        for (int r = 0; r < n; r++) {
            int src = (order == null ? from + r : order[from + r]) * in;
            for (int i = 0; i < in; i++) input[r * in + i] = x[src + i];
        }
        double[] prev = input;
        for (int l = 0; l < layout.layers; l++) {
            dense(l, prev, z[l]);
            activate(l, z[l], a[l]);
            if (norms[l] != null) {
                System.arraycopy(a[l], 0, beforeNorm[l], 0, n * layout.units[l]);
                BatchNorm.forward(beforeNorm[l], a[l], n, layout.units[l], params, layout.normOffset[l], training, norms[l]);
            }
            if (dropoutMasks != null && dropoutMasks[l] != null) {
                double[] m = dropoutMasks[l];
                for (int i = 0; i < n * layout.units[l]; i++) a[l][i] *= m[i];
            }
            prev = a[l];
        }
    }

    /**
     * z = prev·W + b, each z summed in the order b + x₀w₀ + x₁w₁ + … with zero inputs skipped. Wide layers
     * run along a row of W (a long inner loop the compiler vectorises); narrow ones keep four sums in
     * registers instead, as an inner loop of a few units costs more to set up than it computes.
     */
    private void dense(int l, double[] prev, double[] out) {
        if (layout.units[l] <= NARROW_UNITS) {
            denseNarrow(l, prev, out);
            return;
        }
        int fanIn = layout.fanIn[l];
        int units = layout.units[l];
        int k = layout.kernelOffset[l];
        int b = layout.biasOffset[l];
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            System.arraycopy(params, b, out, o, units);
            for (int i = 0; i < fanIn; i++) {
                double xi = prev[r * fanIn + i];
                if (xi == 0) continue;
                int w = k + i * units;
                for (int j = 0; j < units; j++) out[o + j] += xi * params[w + j];
            }
        }
    }

    private void denseNarrow(int l, double[] prev, double[] out) {
        int fanIn = layout.fanIn[l];
        int units = layout.units[l];
        int k = layout.kernelOffset[l];
        int b = layout.biasOffset[l];
        double[] p = params;
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            int x = r * fanIn;
            int j = 0;
            for (; j + 4 <= units; j += 4) {
                double s0 = p[b + j], s1 = p[b + j + 1], s2 = p[b + j + 2], s3 = p[b + j + 3];
                for (int i = 0; i < fanIn; i++) {
                    double xi = prev[x + i];
                    if (xi == 0) continue;
                    int w = k + i * units + j;
                    s0 += xi * p[w];
                    s1 += xi * p[w + 1];
                    s2 += xi * p[w + 2];
                    s3 += xi * p[w + 3];
                }
                out[o + j] = s0;
                out[o + j + 1] = s1;
                out[o + j + 2] = s2;
                out[o + j + 3] = s3;
            }
            for (; j < units; j++) {
                double s = p[b + j];
                for (int i = 0; i < fanIn; i++) {
                    double xi = prev[x + i];
                    if (xi != 0) s += xi * p[k + i * units + j];
                }
                out[o + j] = s;
            }
        }
    }

    private void activate(int l, double[] zl, double[] al) {
        int units = layout.units[l];
        Activation f = layout.activation[l];
        int n = rows * units;
        switch (f) {
            case SOFTMAX -> {
                for (int r = 0; r < rows; r++) softmaxRow(zl, al, r * units, units);
            }
            case RELU -> {
                for (int i = 0; i < n; i++) al[i] = zl[i] > 0 ? zl[i] : 0;
            }
            case LINEAR -> System.arraycopy(zl, 0, al, 0, n);
            case TANH -> {
                for (int i = 0; i < n; i++) al[i] = Activation.tanh(zl[i]);
            }
            default -> {
                for (int i = 0; i < n; i++) al[i] = f.apply(zl[i]);
            }
        }
    }

    static void softmaxRow(double[] z, double[] out, int offset, int width) {
        double max = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < width; j++) max = Math.max(max, z[offset + j]);
        double sum = 0;
        for (int j = 0; j < width; j++) {
            out[offset + j] = Math.exp(z[offset + j] - max);
            sum += out[offset + j];
        }
        for (int j = 0; j < width; j++) out[offset + j] /= sum;
    }

    @Override
    public void read(int layer, double[] zOut, double[] aOut) {
        int n = rows * layout.units[layer];
        if (zOut != null) System.arraycopy(z[layer], 0, zOut, 0, n);
        if (aOut != null) System.arraycopy(a[layer], 0, aOut, 0, n);
    }

    @Override
    public void backward(double[] outputGradient, double[] gradient) {
        backward(outputGradient, gradient, null);
    }

    /**
     * The same backward pass, also copying each layer's δ = ∂L/∂z (rows × units) into {@code deltas[layer]}
     * when {@code deltas} is not null: what the backprop trace shows.
     */
    void backward(double[] outputGradient, double[] gradient, double[][] deltas) {
        int last = layout.layers - 1;
        System.arraycopy(outputGradient, 0, delta, 0, rows * layout.units[last]);
        for (int l = last; l >= 0; l--) {
            double[] prev = l == 0 ? input : a[l - 1];
            if (deltas != null) System.arraycopy(delta, 0, deltas[l], 0, rows * layout.units[l]);
            accumulateGradients(l, prev, gradient);
            if (l > 0) {
                if (norms[l - 1] != null) {
                    propagateThroughNorm(l, gradient);
                } else {
                    propagate(l);
                }
                double[] swap = delta;
                delta = deltaPrev;
                deltaPrev = swap;
            }
        }
    }

    /** ∂W = prevᵀ·δ and ∂b = Σ_rows δ, written over the layer's slice of {@code gradient}. */
    private void accumulateGradients(int l, double[] prev, double[] gradient) {
        int fanIn = layout.fanIn[l];
        int units = layout.units[l];
        int k = layout.kernelOffset[l];
        int b = layout.biasOffset[l];
        java.util.Arrays.fill(gradient, k, b + units, 0);
        for (int r = 0; r < rows; r++) {
            int d = r * units;
            for (int i = 0; i < fanIn; i++) {
                double xi = prev[r * fanIn + i];
                if (xi == 0) continue;
                int w = k + i * units;
                for (int j = 0; j < units; j++) gradient[w + j] += xi * delta[d + j];
            }
            for (int j = 0; j < units; j++) gradient[b + j] += delta[d + j];
        }
    }

    /** δ_prev = (δ·Wᵀ) ⊙ mask ⊙ f'(z_prev), into {@code deltaPrev}. */
    private void propagate(int l) {
        int fanIn = layout.fanIn[l];
        int units = layout.units[l];
        int k = layout.kernelOffset[l];
        Activation f = layout.activation[l - 1];
        double[] mask = masks == null ? null : masks[l - 1];
        double[] zp = z[l - 1];
        double[] ap = a[l - 1];
        for (int r = 0; r < rows; r++) {
            int d = r * units;
            for (int i = 0; i < fanIn; i++) {
                int w = k + i * units;
                double s = 0;
                for (int j = 0; j < units; j++) s += delta[d + j] * params[w + j];
                int p = r * fanIn + i;
                if (mask != null) {
                    s *= mask[p];
                    // f'(z) needs the activation before dropout scaled it
                    double pre = mask[p] == 0 ? 0 : ap[p] / mask[p];
                    deltaPrev[p] = s == 0 ? 0 : s * f.derivative(zp[p], pre);
                } else {
                    deltaPrev[p] = s * f.derivative(zp[p], ap[p]);
                }
            }
        }
    }

    /**
     * δ_prev for a batch-normalised layer below: g = δ·Wᵀ is ∂L/∂y of the normalisation's output; its backward
     * pass (which needs whole columns) gives ∂L/∂a and ∂γ, ∂β; then ⊙ f'(z) with the activation before normalising.
     */
    private void propagateThroughNorm(int l, double[] gradient) {
        int fanIn = layout.fanIn[l];
        int units = layout.units[l];
        int k = layout.kernelOffset[l];
        for (int r = 0; r < rows; r++) {
            int d = r * units;
            for (int i = 0; i < fanIn; i++) {
                int w = k + i * units;
                double s = 0;
                for (int j = 0; j < units; j++) s += delta[d + j] * params[w + j];
                deltaPrev[r * fanIn + i] = s;
            }
        }
        BatchNorm.backward(deltaPrev, rows, fanIn, params, layout.normOffset[l - 1], norms[l - 1], gradient);
        Activation f = layout.activation[l - 1];
        double[] zp = z[l - 1];
        double[] before = beforeNorm[l - 1];
        for (int p = 0; p < rows * fanIn; p++) deltaPrev[p] *= f.derivative(zp[p], before[p]);
    }

    @Override
    public void close() {
        tables.clear();
    }
}
