package nnlab.engine;

import java.util.Arrays;

/**
 * A table of examples, row-major: {@code x} holds {@code count × inputs} features and {@code y} holds
 * {@code count × outputs} targets. For integer class labels (sparse categorical cross-entropy) the
 * target has one column holding the class index.
 */
public record Examples(float[] x, float[] y, int count, int inputs, int outputs) {

    public Examples {
        if (count < 0 || inputs < 1 || outputs < 1) {
            throw new IllegalArgumentException("examples need count >= 0, inputs >= 1, outputs >= 1");
        }
        if (x.length != (long) count * inputs || y.length != (long) count * outputs) {
            throw new IllegalArgumentException("examples: x must hold count*inputs and y count*outputs values");
        }
    }

    /** Examples from row arrays, convenient for small hand-written sets. */
    public static Examples of(double[][] x, double[][] y) {
        int n = x.length;
        int in = n == 0 ? 1 : x[0].length;
        int out = n == 0 ? 1 : y[0].length;
        float[] fx = new float[n * in];
        float[] fy = new float[n * out];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < in; j++) fx[i * in + j] = (float) x[i][j];
            for (int j = 0; j < out; j++) fy[i * out + j] = (float) y[i][j];
        }
        return new Examples(fx, fy, n, in, out);
    }

    public float x(int row, int column) {
        return x[row * inputs + column];
    }

    public float y(int row, int column) {
        return y[row * outputs + column];
    }

    /** The examples at the given row indices, in that order. */
    public Examples rows(int[] indices) {
        float[] nx = new float[indices.length * inputs];
        float[] ny = new float[indices.length * outputs];
        for (int i = 0; i < indices.length; i++) {
            System.arraycopy(x, indices[i] * inputs, nx, i * inputs, inputs);
            System.arraycopy(y, indices[i] * outputs, ny, i * outputs, outputs);
        }
        return new Examples(nx, ny, indices.length, inputs, outputs);
    }

    /** Rows {@code from} (inclusive) to {@code to} (exclusive). */
    public Examples slice(int from, int to) {
        return new Examples(Arrays.copyOfRange(x, from * inputs, to * inputs),
                Arrays.copyOfRange(y, from * outputs, to * outputs), to - from, inputs, outputs);
    }
}
