package nnlab.engine;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.FloatPointer;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinear;
import org.nd4j.linalg.api.ops.impl.scalar.RectifiedLinearDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.custom.SoftMax;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.SigmoidDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.gradient.TanhDerivative;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Sigmoid;
import org.nd4j.linalg.api.ops.impl.transforms.strict.Tanh;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.indexing.NDArrayIndex;

/**
 * The network's arithmetic on ND4J: matrix products go to OpenBLAS, activations to ND4J's native ops.
 * All buffers are allocated once per batch size and reused, so a training step allocates nothing.
 * Activations without a dedicated ND4J op take a round trip through Java arrays (correct, a little slower).
 */
final class Nd4jKernel implements Kernel {

    private final ParameterLayout layout;
    private final DataType type;
    private final INDArray params;
    private final INDArray grads;
    private final INDArray[] kernels;
    private final INDArray[] biases;
    private final INDArray[] kernelGrads;
    private final INDArray[] biasGrads;
    private final List<INDArray> tables = new ArrayList<>();
    private final Map<Integer, Buffers> buffersByRows = new HashMap<>();
    private float[] floatStage = new float[0];
    private Buffers current;
    private INDArray currentInput;

    /** Pre-allocated matrices for one batch size. */
    private final class Buffers {
        final int rows;
        final int[] indices;
        final INDArray input;
        final INDArray[] z = new INDArray[layout.layers];
        final INDArray[] a = new INDArray[layout.layers];
        final INDArray[] delta = new INDArray[layout.layers];
        final INDArray[] mask = new INDArray[layout.layers];

        Buffers(int rows) {
            this.rows = rows;
            indices = new int[rows];
            input = Nd4j.create(type, rows, layout.inputs());
            for (int l = 0; l < layout.layers; l++) {
                z[l] = Nd4j.create(type, rows, layout.units[l]);
                a[l] = Nd4j.create(type, rows, layout.units[l]);
                delta[l] = Nd4j.create(type, rows, layout.units[l]);
                if (layout.dropout[l] > 0) mask[l] = Nd4j.create(type, rows, layout.units[l]);
            }
        }
    }

    Nd4jKernel(ParameterLayout layout, DataType type) {
        Nd4jRuntime.init();
        this.layout = layout;
        this.type = type;
        params = Nd4j.create(type, layout.size);
        grads = Nd4j.create(type, layout.size);
        kernels = new INDArray[layout.layers];
        biases = new INDArray[layout.layers];
        kernelGrads = new INDArray[layout.layers];
        biasGrads = new INDArray[layout.layers];
        for (int l = 0; l < layout.layers; l++) {
            kernels[l] = view(params, layout.kernelOffset[l], layout.fanIn[l], layout.units[l]);
            biases[l] = view(params, layout.biasOffset[l], 1, layout.units[l]);
            kernelGrads[l] = view(grads, layout.kernelOffset[l], layout.fanIn[l], layout.units[l]);
            biasGrads[l] = view(grads, layout.biasOffset[l], 1, layout.units[l]);
        }
    }

    private INDArray view(INDArray flat, int offset, int rows, int cols) {
        return Nd4j.create(flat.data(), new long[] {rows, cols}, new long[] {cols, 1}, offset, 'c', type);
    }

    @Override
    public int load(Examples examples) {
        INDArray table = Nd4j.create(type, examples.count(), examples.inputs());
        float[] x = examples.x();
        if (type == DataType.FLOAT) {
            ((FloatPointer) table.data().addressPointer()).put(x, 0, x.length);
        } else {
            double[] values = new double[x.length];
            for (int i = 0; i < values.length; i++) values[i] = x[i];
            write(values, table, values.length);
        }
        tables.add(table);
        return tables.size() - 1;
    }

    @Override
    public void setParameters(double[] p) {
        write(p, params, layout.size);
    }

    @Override
    public void forward(int table, int[] order, int from, int rows, double[][] dropoutMasks) {
        Buffers b = buffersByRows.computeIfAbsent(rows, Buffers::new);
        current = b;
        INDArray data = tables.get(table);
        INDArray input;
        if (order == null) {
            input = data.get(NDArrayIndex.interval(from, from + rows), NDArrayIndex.all());
        } else {
            System.arraycopy(order, from, b.indices, 0, rows);
            Nd4j.pullRows(data, b.input, 1, b.indices);
            input = b.input;
        }
        currentInput = input;
        INDArray prev = input;
        for (int l = 0; l < layout.layers; l++) {
            Nd4j.gemm(prev, kernels[l], b.z[l], false, false, 1.0, 0.0);
            b.z[l].addiRowVector(biases[l]);
            activate(l, b.z[l], b.a[l]);
            if (dropoutMasks != null && dropoutMasks[l] != null) {
                write(dropoutMasks[l], b.mask[l], rows * layout.units[l]);
                b.a[l].muli(b.mask[l]);
            }
            prev = b.a[l];
        }
    }

    private void activate(int l, INDArray z, INDArray a) {
        switch (layout.activation[l]) {
            case RELU -> Nd4j.exec(new RectifiedLinear(z, a, 0.0));
            case TANH -> Nd4j.exec(new Tanh(z, a));
            case SIGMOID -> Nd4j.exec(new Sigmoid(z, a));
            case LINEAR -> a.assign(z);
            case SOFTMAX -> Nd4j.exec(new SoftMax(z, a, -1));
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
        int n = current.rows * layout.units[layer];
        if (z != null) read(current.z[layer], z, n);
        if (a != null) read(current.a[layer], a, n);
    }

    @Override
    public void backward(double[] outputGradient, double[] gradient) {
        Buffers b = current;
        int last = layout.layers - 1;
        write(outputGradient, b.delta[last], b.rows * layout.units[last]);
        for (int l = last; l >= 0; l--) {
            INDArray prev = l == 0 ? currentInput : b.a[l - 1];
            Nd4j.gemm(prev, b.delta[l], kernelGrads[l], true, false, 1.0, 0.0);
            b.delta[l].sum(biasGrads[l].reshape(layout.units[l]), 0);
            if (l > 0) {
                INDArray d = b.delta[l - 1];
                Nd4j.gemm(b.delta[l], kernels[l], d, false, true, 1.0, 0.0);
                if (b.mask[l - 1] != null) d.muli(b.mask[l - 1]);
                derivative(l - 1, b, d);
            }
        }
        read(grads, gradient, layout.size);
    }

    /** δ ← δ ⊙ f'(z) for layer l. */
    private void derivative(int l, Buffers b, INDArray delta) {
        INDArray z = b.z[l];
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

    /** Copies the first n values of a buffer-owning array into a Java array. */
    private void read(INDArray source, double[] target, int n) {
        if (type == DataType.FLOAT) {
            float[] stage = stage(n);
            FloatPointer p = (FloatPointer) source.data().addressPointer();
            p.position(source.offset()).get(stage, 0, n);
            p.position(0);
            for (int i = 0; i < n; i++) target[i] = stage[i];
        } else {
            DoublePointer p = (DoublePointer) source.data().addressPointer();
            p.position(source.offset()).get(target, 0, n);
            p.position(0);
        }
    }

    private void write(double[] source, INDArray target, int n) {
        if (type == DataType.FLOAT) {
            float[] stage = stage(n);
            for (int i = 0; i < n; i++) stage[i] = (float) source[i];
            ((FloatPointer) target.data().addressPointer()).position(target.offset()).put(stage, 0, n).position(0);
        } else {
            ((DoublePointer) target.data().addressPointer()).position(target.offset()).put(source, 0, n).position(0);
        }
    }

    private float[] stage(int n) {
        if (floatStage.length < n) floatStage = new float[n];
        return floatStage;
    }

    @Override
    public void close() {
        tables.clear();
        buffersByRows.clear();
    }
}
