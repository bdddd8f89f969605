package nnlab.engine;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.openblas.global.openblas;
import org.bytedeco.openblas.presets.openblas_nolapack;

/**
 * The network's arithmetic in single precision for networks the size of MNIST's: every matrix product
 * is one call of OpenBLAS's sgemm on native buffers, everything else (bias, activation, dropout, the
 * derivative, bias gradients) is a plain Java loop over float arrays. No other library call is made:
 * each one costs a fixed 5–30 µs, more than the element-wise work of a batch of 32.
 *
 * <p>The training keeps the parameters in double precision (see {@link FloatUpdater}); they are rounded to
 * float and copied to native memory once per step, and the gradient is copied back once. Layer by layer
 * the formulas are the lecture's: forward z = a·W + b, a = f(z); backward ∂W = aᵀ·δ, ∂b = Σ_rows δ,
 * δ_prev = (δ·Wᵀ) ⊙ f'(z_prev).
 */
final class BlasKernel implements Kernel {

    private static volatile boolean oneThread;

    private final ParameterLayout layout;
    private final float[] params;
    private final float[] gradient;
    private final FloatPointer nativeParams;
    private final FloatPointer nativeGradient;
    private final FloatPointer[] kernels;
    private final FloatPointer[] kernelGradients;
    private final List<Examples> tables = new ArrayList<>();
    private final Map<Integer, Batch> batches = new HashMap<>();
    private float[] inputStage = new float[0];
    private Batch current;
    private final BatchNorm.State[] norms;
    /** ∂γ and ∂β of the batch-normalised layers, copied into the gradient after the native part is read back. */
    private final double[] normGradient;
    private final double[] doubleParams;
    private boolean training;

    /** Buffers for one number of rows: native for the products, Java for the element-wise work. */
    private final class Batch {
        final int rows;
        final FloatPointer input;
        final FloatPointer[] z = new FloatPointer[layout.layers];
        final FloatPointer[] a = new FloatPointer[layout.layers];
        final FloatPointer[] delta = new FloatPointer[layout.layers];
        /** z and f(z) of each layer (f(z) before dropout), and δ = ∂L/∂z. */
        final float[][] zj = new float[layout.layers][];
        final float[][] fj = new float[layout.layers][];
        final float[][] dj = new float[layout.layers][];
        /** Batch-normalised layers' outputs (what the next layer reads), and a double-precision stage for them. */
        final float[][] nj = new float[layout.layers][];
        final double[] normStage;
        final double[] normOut;
        final float[] stage;
        double[][] masks;

        Batch(int rows) {
            this.rows = rows;
            input = new FloatPointer((long) rows * layout.inputs());
            int widest = 0;
            for (int l = 0; l < layout.layers; l++) {
                int n = rows * layout.units[l];
                z[l] = new FloatPointer(n);
                a[l] = new FloatPointer(n);
                delta[l] = new FloatPointer(n);
                zj[l] = new float[n];
                fj[l] = new float[n];
                dj[l] = new float[n];
                if (layout.normOffset[l] >= 0) nj[l] = new float[n];
                widest = Math.max(widest, n);
            }
            stage = new float[widest];
            normStage = new double[layout.anyNorm ? widest : 0];
            normOut = new double[layout.anyNorm ? widest : 0];
        }

        void close() {
            input.close();
            for (int l = 0; l < layout.layers; l++) {
                z[l].close();
                a[l].close();
                delta[l].close();
            }
        }
    }

    BlasKernel(ParameterLayout layout) {
        useOneThread();
        this.layout = layout;
        params = new float[layout.size];
        gradient = new float[layout.size];
        nativeParams = new FloatPointer(layout.size);
        nativeGradient = new FloatPointer(layout.size);
        kernels = new FloatPointer[layout.layers];
        kernelGradients = new FloatPointer[layout.layers];
        norms = new BatchNorm.State[layout.layers];
        for (int l = 0; l < layout.layers; l++) {
            if (layout.normOffset[l] >= 0) norms[l] = new BatchNorm.State(layout.units[l]);
        }
        normGradient = new double[layout.anyNorm ? layout.size : 0];
        doubleParams = new double[layout.anyNorm ? layout.size : 0];
        for (int l = 0; l < layout.layers; l++) {
            kernels[l] = new FloatPointer(nativeParams).position(layout.kernelOffset[l]);
            kernelGradients[l] = new FloatPointer(nativeGradient).position(layout.kernelOffset[l]);
        }
    }

    /** One BLAS thread per call: each job runs on its own thread, and on 2 cores two threads per product were slower. */
    private static void useOneThread() {
        if (oneThread) return;
        synchronized (BlasKernel.class) {
            if (!oneThread) openblas_nolapack.blas_set_num_threads(1);
            oneThread = true;
        }
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
        for (int i = 0; i < params.length; i++) params[i] = (float) p[i];
        nativeParams.put(params, 0, params.length);
        if (layout.anyNorm) System.arraycopy(p, 0, doubleParams, 0, p.length);
    }

    @Override
    public void training(boolean on) {
        training = on;
    }

    @Override
    public void updateMovingStatistics(double[] p) {
        BatchNorm.updateMoving(p, layout, norms);
        if (layout.anyNorm) setParameters(p);
    }

    /** ∂L/∂θ of the last {@link #backward(double[])}, in the {@link ParameterLayout}; the optimiser may overwrite it. */
    float[] gradient() {
        return gradient;
    }

    /**
     * θ ← θ − Δθ, with Δθ the optimiser's step left in {@link #gradient()}: the parameters given (double)
     * are updated, and their float rounding becomes this kernel's parameters.
     */
    void descend(double[] p) {
        for (int i = 0; i < params.length; i++) {
            double next = p[i] - gradient[i];
            p[i] = next;
            params[i] = (float) next;
        }
        if (layout.anyNorm) System.arraycopy(p, 0, doubleParams, 0, p.length);
        nativeParams.put(params, 0, params.length);
    }

    @Override
    public void forward(int table, int[] order, int from, int rows, double[][] dropoutMasks) {
        Batch b = batches.computeIfAbsent(rows, Batch::new);
        current = b;
        b.masks = dropoutMasks;
        gather(tables.get(table), order, from, rows, b.input);
        FloatPointer prev = b.input;
        for (int l = 0; l < layout.layers; l++) {
            int units = layout.units[l];
            gemm(false, prev, false, kernels[l], b.z[l], rows, units, layout.fanIn[l]);
            b.z[l].get(b.zj[l], 0, rows * units);
            addBias(l, b.zj[l], rows);
            if (l == layout.layers - 1) break; // the output activation is applied with the loss (see read)
            activate(layout.activation[l], b.zj[l], b.fj[l], rows * units);
            float[] out = b.fj[l];
            if (norms[l] != null) out = normalise(l, b, rows * units);
            double[] mask = dropoutMasks == null ? null : dropoutMasks[l];
            if (mask != null) {
                out = b.stage;
                for (int i = 0; i < rows * units; i++) out[i] = (float) (b.fj[l][i] * mask[i]);
            }
            b.a[l].put(out, 0, rows * units);
            prev = b.a[l];
        }
    }

    /** The layer's activations batch-normalised (in double precision) into {@code b.nj[l]}. */
    private float[] normalise(int l, Batch b, int n) {
        float[] f = b.fj[l];
        for (int i = 0; i < n; i++) b.normStage[i] = f[i];
        BatchNorm.forward(b.normStage, b.normOut, b.rows, layout.units[l], doubleParams, layout.normOffset[l], training, norms[l]);
        for (int i = 0; i < n; i++) b.nj[l][i] = (float) b.normOut[i];
        return b.nj[l];
    }

    /** Copies the selected example rows into the native input buffer with one write. */
    private void gather(Examples data, int[] order, int from, int rows, FloatPointer input) {
        int in = data.inputs();
        int n = rows * in;
        if (order == null) {
            input.put(data.x(), from * in, n);
            return;
        }
        if (inputStage.length < n) inputStage = new float[n];
        for (int r = 0; r < rows; r++) System.arraycopy(data.x(), order[from + r] * in, inputStage, r * in, in);
        input.put(inputStage, 0, n);
    }

    private void addBias(int l, float[] z, int rows) {
        int units = layout.units[l];
        int bias = layout.biasOffset[l];
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            for (int j = 0; j < units; j++) z[o + j] += params[bias + j];
        }
    }

    private static void activate(Activation f, float[] z, float[] out, int n) {
        switch (f) {
            case RELU -> { // Math.max compiles to one vector instruction; a branch mispredicts on every other sign
                for (int i = 0; i < n; i++) out[i] = Math.max(z[i], 0f);
            }
            case LINEAR -> System.arraycopy(z, 0, out, 0, n);
            default -> {
                for (int i = 0; i < n; i++) out[i] = (float) f.apply(z[i]);
            }
        }
    }

    @Override
    public void read(int layer, double[] z, double[] a) {
        int rows = current.rows;
        int units = layout.units[layer];
        int n = rows * units;
        float[] zj = current.zj[layer];
        double[] zv = z != null ? z : new double[n];
        for (int i = 0; i < n; i++) zv[i] = zj[i];
        if (a == null) return;
        if (layer < layout.layers - 1) {
            double[] mask = current.masks == null ? null : current.masks[layer];
            float[] f = norms[layer] != null ? current.nj[layer] : current.fj[layer];
            for (int i = 0; i < n; i++) a[i] = mask == null ? f[i] : (float) (f[i] * mask[i]);
        } else if (layout.activation[layer] == Activation.SOFTMAX) {
            for (int r = 0; r < rows; r++) ArrayKernel.softmaxRow(zv, a, r * units, units);
        } else {
            Activation f = layout.activation[layer];
            for (int i = 0; i < n; i++) a[i] = f.apply(zv[i]);
        }
    }

    @Override
    public void backward(double[] outputGradient, double[] gradientOut) {
        backward(outputGradient);
        for (int i = 0; i < gradient.length; i++) gradientOut[i] = gradient[i];
    }

    /** Backpropagates dL/dz of the output layer into {@link #gradient()}. */
    void backward(double[] outputGradient) {
        Batch b = current;
        int rows = b.rows;
        int last = layout.layers - 1;
        float[] d = b.dj[last];
        for (int i = 0; i < rows * layout.units[last]; i++) d[i] = (float) outputGradient[i];
        b.delta[last].put(d, 0, rows * layout.units[last]);
        for (int l = last; l >= 0; l--) {
            int units = layout.units[l];
            int fanIn = layout.fanIn[l];
            FloatPointer prev = l == 0 ? b.input : b.a[l - 1];
            // ∂W = prevᵀ·δ, straight into the layer's slice of the native gradient
            gemm(true, prev, false, b.delta[l], kernelGradients[l], fanIn, units, rows);
            if (l > 0) {
                // δ_prev = δ·Wᵀ, then ⊙ dropout mask ⊙ f'(z_prev)
                gemm(false, b.delta[l], true, kernels[l], b.delta[l - 1], rows, fanIn, units);
                float[] dp = b.dj[l - 1];
                b.delta[l - 1].get(dp, 0, rows * fanIn);
                multiplyByDerivative(l - 1, b, dp, rows * fanIn);
                b.delta[l - 1].put(dp, 0, rows * fanIn);
            }
        }
        nativeGradient.get(gradient, 0, gradient.length);
        for (int l = 0; l <= last; l++) biasGradient(l, b.dj[l], rows);
        for (int l = 0; l < last; l++) {
            int o = layout.normOffset[l];
            if (o < 0) continue;
            for (int i = o; i < o + 4 * layout.units[l]; i++) gradient[i] = (float) normGradient[i];
        }
    }

    private void multiplyByDerivative(int l, Batch b, float[] delta, int n) {
        float[] z = b.zj[l];
        float[] f = b.fj[l];
        if (norms[l] != null) {
            for (int i = 0; i < n; i++) b.normStage[i] = delta[i];
            BatchNorm.backward(b.normStage, b.rows, layout.units[l], doubleParams, layout.normOffset[l], norms[l], normGradient);
            for (int i = 0; i < n; i++) delta[i] = (float) b.normStage[i];
        }
        double[] mask = b.masks == null ? null : b.masks[l];
        if (mask != null) {
            for (int i = 0; i < n; i++) delta[i] = (float) (delta[i] * mask[i]);
        }
        Activation act = layout.activation[l];
        switch (act) {
            case RELU -> { // relu'(z) = 1 where f(z) > 0, else 0, without a branch: 2²⁵⁴ times any positive float is ≥ 1
                for (int i = 0; i < n; i++) delta[i] *= Math.min(f[i] * 0x1p127f * 0x1p127f, 1f);
            }
            case LINEAR -> { }
            default -> {
                for (int i = 0; i < n; i++) delta[i] = (float) (delta[i] * act.derivative(z[i], f[i]));
            }
        }
    }

    /** ∂b = Σ_rows δ. */
    private void biasGradient(int l, float[] delta, int rows) {
        int units = layout.units[l];
        int bias = layout.biasOffset[l];
        java.util.Arrays.fill(gradient, bias, bias + units, 0);
        for (int r = 0; r < rows; r++) {
            int o = r * units;
            for (int j = 0; j < units; j++) gradient[bias + j] += delta[o + j];
        }
    }

    /** c (m × n) = op(a)·op(b), row-major, with k the inner dimension. */
    private static void gemm(boolean transA, FloatPointer a, boolean transB, FloatPointer b, FloatPointer c,
                             int m, int n, int k) {
        int lda = transA ? m : k;
        int ldb = transB ? k : n;
        openblas.cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                m, n, k, 1f, a, lda, b, ldb, 0f, c, n);
    }

    @Override
    public void close() {
        tables.clear();
        batches.values().forEach(Batch::close);
        batches.clear();
        nativeParams.close();
        nativeGradient.close();
    }
}
