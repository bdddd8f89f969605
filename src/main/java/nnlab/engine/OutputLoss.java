package nnlab.engine;

/**
 * The loss on the output layer, on plain arrays: per-example loss, the gradient dL/dz handed to the
 * kernel's backward pass, and the metrics. Output activation and loss are fused where the pair has a
 * simple, stable form: softmax + cross-entropy and sigmoid + binary cross-entropy give dL/dz = a − y;
 * step + perceptron gives Rosenblatt's ŷ − y.
 */
final class OutputLoss {

    private final Loss loss;
    private final Activation out;
    private final int outputs;
    private final boolean classification;
    private final double threshold;

    OutputLoss(Loss loss, Activation out, int outputs, boolean classification) {
        this.loss = loss;
        this.out = out;
        this.outputs = outputs;
        this.classification = classification;
        this.threshold = (loss == Loss.HINGE || out == Activation.TANH) ? 0 : 0.5;
    }

    /** Width of the target rows: one class index for sparse categorical cross-entropy. */
    static int targetWidth(Loss loss, int outputs) {
        return loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY ? 1 : outputs;
    }

    /**
     * Scores a batch. {@code z} and {@code a} hold rows × outputs; targets are rows
     * {@code order[from..from+rows)} of {@code y}. Writes dL/dz averaged over the batch into
     * {@code grad} when it is not null. Returns the summed loss.
     */
    double score(double[] z, double[] a, Examples data, int[] order, int from, int rows, double[] grad,
                 MetricSums sums) {
        int tw = data.outputs();
        float[] y = data.y();
        double total = 0;
        for (int r = 0; r < rows; r++) {
            int t = (order == null ? from + r : order[from + r]) * tw;
            int o = r * outputs;
            double l = example(z, a, o, y, t, grad, rows);
            total += l;
            sums.addLoss(l);
            record(a, o, y, t, sums);
        }
        return total;
    }

    private double example(double[] z, double[] a, int o, float[] y, int t, double[] grad, int rows) {
        double scale = 1.0 / rows;
        switch (loss) {
            case SPARSE_CATEGORICAL_CROSSENTROPY -> {
                int label = (int) y[t];
                double max = Double.NEGATIVE_INFINITY;
                for (int j = 0; j < outputs; j++) max = Math.max(max, z[o + j]);
                double sum = 0;
                for (int j = 0; j < outputs; j++) sum += Math.exp(z[o + j] - max);
                if (grad != null) {
                    for (int j = 0; j < outputs; j++) grad[o + j] = (a[o + j] - (j == label ? 1 : 0)) * scale;
                }
                return Math.log(sum) + max - z[o + label];
            }
            case BINARY_CROSSENTROPY -> {
                double l = 0;
                for (int j = 0; j < outputs; j++) {
                    double zj = z[o + j];
                    double yj = y[t + j];
                    l += Math.max(zj, 0) - zj * yj + Math.log1p(Math.exp(-Math.abs(zj)));
                    if (grad != null) grad[o + j] = (a[o + j] - yj) * scale / outputs;
                }
                return l / outputs;
            }
            case PERCEPTRON -> {
                double label = y[t];
                double sign = label > 0.5 ? 1 : -1;
                if (grad != null) grad[o] = (a[o] - label) * scale;
                return Math.max(0, -sign * z[o]);
            }
            default -> {
                return pointwise(z, a, o, y, t, grad, scale);
            }
        }
    }

    /** MSE, MAE and hinge: dL/da per output, then through the activation's derivative. */
    private double pointwise(double[] z, double[] a, int o, float[] y, int t, double[] grad, double scale) {
        double l = 0;
        for (int j = 0; j < outputs; j++) {
            double aj = a[o + j];
            double yj = y[t + j];
            double dA;
            switch (loss) {
                case MSE -> {
                    l += (aj - yj) * (aj - yj);
                    dA = 2 * (aj - yj);
                }
                case MAE -> {
                    l += Math.abs(aj - yj);
                    dA = Math.signum(aj - yj);
                }
                default -> { // HINGE with targets ±1 from 0/1 labels
                    double sign = yj > 0.5 ? 1 : -1;
                    l += Math.max(0, 1 - sign * aj);
                    dA = sign * aj < 1 ? -sign : 0;
                }
            }
            if (grad != null) grad[o + j] = dA * out.derivative(z[o + j], aj) * scale / outputs;
        }
        return l / outputs;
    }

    private void record(double[] a, int o, float[] y, int t, MetricSums sums) {
        if (classification) {
            sums.addPrediction(predictedClass(a, o) == targetClass(y, t));
        } else {
            for (int j = 0; j < outputs; j++) sums.addRegression(a[o + j], y[t + j]);
        }
    }

    int predictedClass(double[] a, int o) {
        if (outputs == 1) return a[o] > threshold ? 1 : 0;
        int best = 0;
        for (int j = 1; j < outputs; j++) {
            if (a[o + j] > a[o + best]) best = j;
        }
        return best;
    }

    int targetClass(float[] y, int t) {
        if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) return (int) y[t];
        if (outputs == 1) return y[t] > threshold ? 1 : 0;
        int best = 0;
        for (int j = 1; j < outputs; j++) {
            if (y[t + j] > y[t + best]) best = j;
        }
        return best;
    }
}
