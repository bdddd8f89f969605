package nnlab.engine;

import static org.bytedeco.openblas.global.openblas.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas.CblasTrans;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.bytedeco.javacpp.Pointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;

/**
 * The network's arithmetic on ND4J's native buffers. Matrix products, bias broadcasts and bias
 * gradients go straight to the OpenBLAS that ND4J ships (cblas gemm/ger/gemv): ND4J's own gemm wraps
 * each product in a custom op whose fixed cost (~40 µs) exceeded the product itself at batch 32.
 * Hidden activations and their derivatives are ND4J's native ops; the output layer's activation and the
 * loss are computed on the Java side (see {@link OutputLoss}), which needs the output values anyway.
 * All buffers are allocated once per batch size and reused, so a training step allocates nothing.
 */
final class Nd4jKernel implements Kernel {

    /** A native row-major matrix and a pointer to its first element, made once. */
    private record Mat(INDArray array, Pointer pointer, int rows, int cols) {
    }

    private final ParameterLayout layout;
    private final DataType type;
    private final Mat params;
    private final Mat grads;
    private final Mat[] kernels;
    private final Mat[] biases;
    private final Mat[] kernelGrads;
    private final Mat[] biasGrads;
    private final List<Examples> tables = new ArrayList<>();
    private final Map<Integer, Buffers> buffersByRows = new HashMap<>();
    private float[] floatStage = new float[0];
    private double[] doubleStage = new double[0];
    private Buffers current;
    private final BatchNorm.State[] norms;
    private final double[] normGradient;
    private final double[] doubleParams;
    private boolean training;

    /** Pre-allocated matrices for one batch size. */
    private final class Buffers {
        final int rows;
        final Mat input;
        final Mat ones;
        final Mat[] z = new Mat[layout.layers];
        final Mat[] a = new Mat[layout.layers];
        final Mat[] delta = new Mat[layout.layers];
        final Mat[] mask = new Mat[layout.layers];
        /** Batch-normalised layers' activations before normalising. */
        final double[][] beforeNorm = new double[layout.layers][];

        Buffers(int rows) {
            this.rows = rows;
            input = matrix(rows, layout.inputs());
            ones = matrix(rows, 1);
            ones.array().assign(1);
            for (int l = 0; l < layout.layers; l++) {
                z[l] = matrix(rows, layout.units[l]);
                a[l] = matrix(rows, layout.units[l]);
                delta[l] = matrix(rows, layout.units[l]);
                if (layout.dropout[l] > 0) mask[l] = matrix(rows, layout.units[l]);
                if (layout.normOffset[l] >= 0) beforeNorm[l] = new double[rows * layout.units[l]];
            }
        }
    }

    Nd4jKernel(ParameterLayout layout, DataType type) {
        Nd4jRuntime.init();
        this.layout = layout;
        this.type = type;
        params = matrix(1, layout.size);
        grads = matrix(1, layout.size);
        norms = new BatchNorm.State[layout.layers];
        for (int l = 0; l < layout.layers; l++) {
            if (layout.normOffset[l] >= 0) norms[l] = new BatchNorm.State(layout.units[l]);
        }
        normGradient = new double[layout.anyNorm ? layout.size : 0];
        doubleParams = new double[layout.anyNorm ? layout.size : 0];
        kernels = new Mat[layout.layers];
        biases = new Mat[layout.layers];
        kernelGrads = new Mat[layout.layers];
        biasGrads = new Mat[layout.layers];
        for (int l = 0; l < layout.layers; l++) {
            kernels[l] = view(params, layout.kernelOffset[l], layout.fanIn[l], layout.units[l]);
            biases[l] = view(params, layout.biasOffset[l], 1, layout.units[l]);
            kernelGrads[l] = view(grads, layout.kernelOffset[l], layout.fanIn[l], layout.units[l]);
            biasGrads[l] = view(grads, layout.biasOffset[l], 1, layout.units[l]);
        }
    }

    private Mat matrix(int rows, int cols) {
        INDArray array = Nd4j.create(type, rows, cols);
        return new Mat(array, pointer(array, 0), rows, cols);
    }

    private Mat view(Mat flat, int offset, int rows, int cols) {
        INDArray array = Nd4j.create(flat.array().data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c', type);
        return new Mat(array, pointer(flat.array(), offset), rows, cols);
    }

    private Pointer pointer(INDArray array, long offset) {
        Pointer base = array.data().addressPointer();
        return type == DataType.FLOAT ? new FloatPointer(base).position(offset) : new DoublePointer(base).position(offset);
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
        write(p, params, layout.size);
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

    @Override
    public void forward(int table, int[] order, int from, int rows, double[][] dropoutMasks) {
        Buffers b = buffersByRows.computeIfAbsent(rows, Buffers::new);
        current = b;
        gather(tables.get(table), order, from, rows, b.input);
        Mat prev = b.input;
        int last = layout.layers - 1;
        for (int l = 0; l <= last; l++) {
            gemm(false, prev, false, kernels[l], 0, b.z[l]);
            ger(b.ones, biases[l], b.z[l]);
            if (l == last) break; // the output activation is applied on the Java side
            activate(l, b.z[l].array(), b.a[l].array());
            if (norms[l] != null) {
                int n = rows * layout.units[l];
                double[] before = b.beforeNorm[l];
                double[] out = new double[n];
                read(b.a[l].array(), before, n);
                BatchNorm.forward(before, out, rows, layout.units[l], doubleParams, layout.normOffset[l], training, norms[l]);
                write(out, b.a[l], n);
            }
            if (dropoutMasks != null && dropoutMasks[l] != null) {
                write(dropoutMasks[l], b.mask[l], rows * layout.units[l]);
                b.a[l].array().muli(b.mask[l].array());
            }
            prev = b.a[l];
        }
    }

    /** Copies the selected example rows into the input buffer with one native write. */
    private void gather(Examples data, int[] order, int from, int rows, Mat input) {
        int in = data.inputs();
        int n = rows * in;
        float[] x = data.x();
        if (type == DataType.FLOAT) {
            float[] stage = floatStage(n);
            for (int r = 0; r < rows; r++) {
                int src = order == null ? from + r : order[from + r];
                System.arraycopy(x, src * in, stage, r * in, in);
            }
            ((FloatPointer) input.pointer()).put(stage, 0, n);
        } else {
            double[] stage = doubleStage(n);
            for (int r = 0; r < rows; r++) {
                int src = (order == null ? from + r : order[from + r]) * in;
                for (int i = 0; i < in; i++) stage[r * in + i] = x[src + i];
            }
            ((DoublePointer) input.pointer()).put(stage, 0, n);
        }
    }

    private void activate(int l, INDArray z, INDArray a) {
        switch (layout.activation[l]) {
            case RELU -> Nd4j.exec(new RectifiedLinear(z, a, 0.0));
            case TANH -> Nd4j.exec(new Tanh(z, a));
            case SIGMOID -> Nd4j.exec(new Sigmoid(z, a));
            case LINEAR -> a.assign(z);
            default -> {
                int n = (int) z.length();
                double[] v = new double[n];
                read(z, v, n);
                Activation f = layout.activation[l];
                for (int i = 0; i < n; i++) v[i] = f.apply(v[i]);
                write(v, a, n);
            }
        }
    }

    @Override
    public void read(int layer, double[] z, double[] a) {
        int units = layout.units[layer];
        int n = current.rows * units;
        double[] zv = z != null ? z : new double[n];
        read(current.z[layer].array(), zv, n);
        if (a == null) return;
        if (layer < layout.layers - 1) {
            read(current.a[layer].array(), a, n);
        } else if (layout.activation[layer] == Activation.SOFTMAX) {
            for (int r = 0; r < current.rows; r++) ArrayKernel.softmaxRow(zv, a, r * units, units);
        } else {
            Activation f = layout.activation[layer];
            for (int i = 0; i < n; i++) a[i] = f.apply(zv[i]);
        }
    }

    @Override
    public void backward(double[] outputGradient, double[] gradient) {
        Buffers b = current;
        int last = layout.layers - 1;
        write(outputGradient, b.delta[last], b.rows * layout.units[last]);
        for (int l = last; l >= 0; l--) {
            Mat prev = l == 0 ? b.input : b.a[l - 1];
            gemm(true, prev, false, b.delta[l], 0, kernelGrads[l]);
            gemv(b.delta[l], b.ones, biasGrads[l]);
            if (l > 0) {
                Mat d = b.delta[l - 1];
                gemm(false, b.delta[l], true, kernels[l], 0, d);
                if (b.mask[l - 1] != null) d.array().muli(b.mask[l - 1].array());
                if (norms[l - 1] != null) throughNorm(l - 1, b, d);
                derivative(l - 1, b, d.array());
            }
        }
        read(grads.array(), gradient, layout.size);
        for (int l = 0; l < last; l++) {
            int o = layout.normOffset[l];
            if (o >= 0) System.arraycopy(normGradient, o, gradient, o, 4 * layout.units[l]);
        }
    }

    /** ∂L/∂y of a batch normalisation's output into ∂L/∂a (in place), its ∂γ and ∂β kept for the gradient. */
    private void throughNorm(int l, Buffers b, Mat d) {
        int n = b.rows * layout.units[l];
        double[] g = new double[n];
        read(d.array(), g, n);
        BatchNorm.backward(g, b.rows, layout.units[l], doubleParams, layout.normOffset[l], norms[l], normGradient);
        write(g, d, n);
    }

    /** δ ← δ ⊙ f'(z) for layer l. */
    private void derivative(int l, Buffers b, INDArray delta) {
        INDArray z = b.z[l].array();
        switch (layout.activation[l]) {
            case RELU -> Nd4j.exec(new RectifiedLinearDerivative(z, delta, delta));
            case TANH -> Nd4j.exec(new TanhDerivative(z, delta, delta));
            case SIGMOID -> Nd4j.exec(new SigmoidDerivative(z, delta, delta));
            case LINEAR -> { }
            default -> {
                int n = (int) z.length();
                double[] zv = new double[n];
                double[] dv = new double[n];
                read(z, zv, n);
                read(delta, dv, n);
                Activation f = layout.activation[l];
                for (int i = 0; i < n; i++) dv[i] *= f.derivative(zv[i], f.apply(zv[i]));
                write(dv, delta, n);
            }
        }
    }

    /** c = op(a)·op(b) + beta·c, row-major. */
    private void gemm(boolean transA, Mat a, boolean transB, Mat b, double beta, Mat c) {
        int m = c.rows();
        int n = c.cols();
        int k = transA ? a.rows() : a.cols();
        int ta = transA ? CblasTrans : CblasNoTrans;
        int tb = transB ? CblasTrans : CblasNoTrans;
        if (type == DataType.FLOAT) {
            openblas.cblas_sgemm(CblasRowMajor, ta, tb, m, n, k, 1f, (FloatPointer) a.pointer(), a.cols(),
                    (FloatPointer) b.pointer(), b.cols(), (float) beta, (FloatPointer) c.pointer(), c.cols());
        } else {
            openblas.cblas_dgemm(CblasRowMajor, ta, tb, m, n, k, 1, (DoublePointer) a.pointer(), a.cols(),
                    (DoublePointer) b.pointer(), b.cols(), beta, (DoublePointer) c.pointer(), c.cols());
        }
    }

    /** c += ones·bias: adds the bias row to every row of c. */
    private void ger(Mat ones, Mat bias, Mat c) {
        if (type == DataType.FLOAT) {
            openblas.cblas_sger(CblasRowMajor, c.rows(), c.cols(), 1f, (FloatPointer) ones.pointer(), 1,
                    (FloatPointer) bias.pointer(), 1, (FloatPointer) c.pointer(), c.cols());
        } else {
            openblas.cblas_dger(CblasRowMajor, c.rows(), c.cols(), 1, (DoublePointer) ones.pointer(), 1,
                    (DoublePointer) bias.pointer(), 1, (DoublePointer) c.pointer(), c.cols());
        }
    }

    /** out = δᵀ·ones: the column sums of δ, the bias gradient. */
    private void gemv(Mat delta, Mat ones, Mat out) {
        if (type == DataType.FLOAT) {
            openblas.cblas_sgemv(CblasRowMajor, CblasTrans, delta.rows(), delta.cols(), 1f,
                    (FloatPointer) delta.pointer(), delta.cols(), (FloatPointer) ones.pointer(), 1, 0f,
                    (FloatPointer) out.pointer(), 1);
        } else {
            openblas.cblas_dgemv(CblasRowMajor, CblasTrans, delta.rows(), delta.cols(), 1,
                    (DoublePointer) delta.pointer(), delta.cols(), (DoublePointer) ones.pointer(), 1, 0,
                    (DoublePointer) out.pointer(), 1);
        }
    }

    /** Copies the first n values of a buffer-owning array into a Java array. */
    private void read(INDArray source, double[] target, int n) {
        if (type == DataType.FLOAT) {
            float[] stage = floatStage(n);
            ((FloatPointer) source.data().addressPointer()).get(stage, 0, n);
            for (int i = 0; i < n; i++) target[i] = stage[i];
        } else {
            ((DoublePointer) source.data().addressPointer()).get(target, 0, n);
        }
    }

    private void write(double[] source, Mat target, int n) {
        write(source, target.array(), n);
    }

    private void write(double[] source, INDArray target, int n) {
        if (type == DataType.FLOAT) {
            float[] stage = floatStage(n);
            for (int i = 0; i < n; i++) stage[i] = (float) source[i];
            ((FloatPointer) target.data().addressPointer()).put(stage, 0, n);
        } else {
            ((DoublePointer) target.data().addressPointer()).put(source, 0, n);
        }
    }

    private float[] floatStage(int n) {
        if (floatStage.length < n) floatStage = new float[n];
        return floatStage;
    }

    private double[] doubleStage(int n) {
        if (doubleStage.length < n) doubleStage = new double[n];
        return doubleStage;
    }

    @Override
    public void close() {
        tables.clear();
        buffersByRows.clear();
    }
}
