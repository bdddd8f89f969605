package nnlab.data;

import java.util.Arrays;
import nnlab.engine.DataSplit;
import nnlab.engine.Examples;

/**
 * A per-column affine rescaling of inputs, x' = (x − offset) · factor, fitted on training examples
 * and then applied unchanged to validation, test and prediction inputs, so that nothing about those
 * leaks into training. A constant column gets factor 1 (it becomes 0 on the training set) instead
 * of a division by zero.
 */
public final class Scaler {

    private final Scaling scaling;
    private final double[] offsets;
    private final double[] factors;

    private Scaler(Scaling scaling, double[] offsets, double[] factors) {
        this.scaling = scaling;
        this.offsets = offsets;
        this.factors = factors;
    }

    public static Scaler identity(int width) {
        double[] ones = new double[width];
        Arrays.fill(ones, 1);
        return new Scaler(Scaling.NONE, new double[width], ones);
    }

    /** Min-max scaling with a range known in advance, the same for every column (MNIST's 0..255). */
    public static Scaler fixedRange(int width, double min, double max) {
        double[] offsets = new double[width];
        double[] factors = new double[width];
        Arrays.fill(offsets, min);
        Arrays.fill(factors, 1 / (max - min));
        return new Scaler(Scaling.MINMAX, offsets, factors);
    }

    public static Scaler fit(Scaling scaling, Examples train) {
        return switch (scaling) {
            case NONE -> identity(train.inputs());
            case STANDARD -> fitStandard(train);
            case MINMAX -> fitMinMax(train);
        };
    }

    /** Population standard deviation (divides by n), as scikit-learn's StandardScaler. */
    private static Scaler fitStandard(Examples train) {
        int n = train.count();
        int width = train.inputs();
        double[] mean = new double[width];
        double[] squares = new double[width];
        float[] x = train.x();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) mean[j] += x[i * width + j];
        }
        for (int j = 0; j < width; j++) mean[j] /= Math.max(1, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < width; j++) {
                double d = x[i * width + j] - mean[j];
                squares[j] += d * d;
            }
        }
        double[] factors = new double[width];
        for (int j = 0; j < width; j++) {
            double sd = Math.sqrt(squares[j] / Math.max(1, n));
            factors[j] = sd > 0 ? 1 / sd : 1;
        }
        return new Scaler(Scaling.STANDARD, mean, factors);
    }

    private static Scaler fitMinMax(Examples train) {
        int width = train.inputs();
        double[] min = new double[width];
        double[] factors = new double[width];
        float[] x = train.x();
        for (int j = 0; j < width; j++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < train.count(); i++) {
                lo = Math.min(lo, x[i * width + j]);
                hi = Math.max(hi, x[i * width + j]);
            }
            min[j] = train.count() == 0 ? 0 : lo;
            factors[j] = hi > lo ? 1 / (hi - lo) : 1;
        }
        return new Scaler(Scaling.MINMAX, min, factors);
    }

    public Scaling scaling() {
        return scaling;
    }

    public int width() {
        return offsets.length;
    }

    /** What is subtracted from each column: the training mean (standard) or minimum (min-max). */
    public double[] offsets() {
        return offsets.clone();
    }

    /** What each column is then multiplied by: 1 / standard deviation or 1 / (max − min). */
    public double[] factors() {
        return factors.clone();
    }

    /** New, rescaled examples; the same instance for the identity. */
    public Examples apply(Examples examples) {
        if (examples == null || scaling == Scaling.NONE) return examples;
        checkWidth(examples.inputs());
        float[] x = examples.x().clone();
        applyInPlace(x);
        return new Examples(x, examples.y().clone(), examples.count(), examples.inputs(), examples.outputs());
    }

    /** Rescales every part of a split with this (training-fitted) scaler. */
    public DataSplit apply(DataSplit split) {
        return new DataSplit(apply(split.train()), apply(split.validation()), apply(split.test()));
    }

    /** Rescales row-major values of this scaler's width in place: one row, or many. */
    public void applyInPlace(float[] rows) {
        int width = offsets.length;
        if (rows.length % width != 0) checkWidth(rows.length);
        if (scaling == Scaling.NONE) return;
        for (int start = 0; start < rows.length; start += width) {
            for (int j = 0; j < width; j++) {
                rows[start + j] = (float) ((rows[start + j] - offsets[j]) * factors[j]);
            }
        }
    }

    /** Undoes {@link #applyInPlace}: the data set's own units again (MNIST's 0..255, centimetres, …). */
    public void invertInPlace(float[] rows) {
        int width = offsets.length;
        if (rows.length % width != 0) checkWidth(rows.length);
        if (scaling == Scaling.NONE) return;
        for (int start = 0; start < rows.length; start += width) {
            for (int j = 0; j < width; j++) {
                rows[start + j] = (float) (rows[start + j] / factors[j] + offsets[j]);
            }
        }
    }

    private void checkWidth(int width) {
        if (width != offsets.length) {
            throw new IllegalArgumentException("scaler fitted on " + offsets.length + " columns, given " + width);
        }
    }
}
