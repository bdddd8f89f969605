package nnlab.engine;

/**
 * Keras's BatchNormalization on a layer's outputs x (rows × units), column by column:
 * y = γ·x̂ + β with x̂ = (x − μ)/√(σ² + ε). While training μ and σ² are the batch's mean and (biased) variance,
 * and the moving averages follow them: m ← 0.99·m + 0.01·μ, v ← 0.99·v + 0.01·σ² (Keras's momentum 0.99 and
 * ε = 10⁻³); at inference the moving averages stand in for μ and σ². γ and β are trained; the moving mean and
 * variance are not (their gradient is zero, so no optimiser moves them).
 *
 * <p>Parameters sit in the flat vector after the layer's bias: γ, β, moving mean, moving variance (Keras's order),
 * each {@code units} long. Backward, with g = ∂L/∂y: ∂β = Σ g, ∂γ = Σ g·x̂, and ∂L/∂x =
 * γ/(N·√(σ² + ε))·(N·g − Σ g − x̂·Σ g·x̂) in training (μ and σ² depend on x), γ·g/√(v + ε) at inference.
 */
final class BatchNorm {

    static final double MOMENTUM = 0.99;
    static final double EPSILON = 1e-3;

    private BatchNorm() {
    }

    /** Per layer scratch: x̂, 1/√(σ² + ε) per unit, and the batch's mean and variance. */
    static final class State {
        double[] xhat = new double[0];
        final double[] invStd;
        final double[] mean;
        final double[] variance;
        boolean training;

        State(int units) {
            invStd = new double[units];
            mean = new double[units];
            variance = new double[units];
        }

        void ensure(int n) {
            if (xhat.length < n) xhat = new double[n];
        }
    }

    /** y = γ·x̂ + β of x into {@code y} (may be x itself). */
    static void forward(double[] x, double[] y, int rows, int units, double[] params, int offset, boolean training,
                        State s) {
        s.ensure(rows * units);
        s.training = training;
        int gamma = offset, beta = offset + units, movingMean = offset + 2 * units, movingVar = offset + 3 * units;
        for (int j = 0; j < units; j++) {
            double mean, variance;
            if (training) {
                double sum = 0;
                for (int r = 0; r < rows; r++) sum += x[r * units + j];
                mean = sum / rows;
                double sq = 0;
                for (int r = 0; r < rows; r++) {
                    double d = x[r * units + j] - mean;
                    sq += d * d;
                }
                variance = sq / rows;
            } else {
                mean = params[movingMean + j];
                variance = params[movingVar + j];
            }
            s.mean[j] = mean;
            s.variance[j] = variance;
            double inv = 1 / Math.sqrt(variance + EPSILON);
            s.invStd[j] = inv;
            for (int r = 0; r < rows; r++) {
                int i = r * units + j;
                double h = (x[i] - mean) * inv;
                s.xhat[i] = h;
                y[i] = params[gamma + j] * h + params[beta + j];
            }
        }
    }

    /**
     * Turns g = ∂L/∂y (in place) into ∂L/∂x, and writes ∂γ and ∂β into {@code gradient} (the moving statistics'
     * entries to zero), for the last {@link #forward}.
     */
    static void backward(double[] g, int rows, int units, double[] params, int offset, State s, double[] gradient) {
        int gamma = offset, beta = offset + units;
        for (int j = 0; j < units; j++) {
            double sumG = 0, sumGx = 0;
            for (int r = 0; r < rows; r++) {
                int i = r * units + j;
                sumG += g[i];
                sumGx += g[i] * s.xhat[i];
            }
            gradient[gamma + j] = sumGx;
            gradient[beta + j] = sumG;
            gradient[offset + 2 * units + j] = 0;
            gradient[offset + 3 * units + j] = 0;
            double scale = params[gamma + j] * s.invStd[j];
            for (int r = 0; r < rows; r++) {
                int i = r * units + j;
                g[i] = s.training ? scale * (g[i] - sumG / rows - s.xhat[i] * sumGx / rows) : scale * g[i];
            }
        }
    }

    /** {@link #updateMoving(double[], int, int, State)} for every normalised layer (those with a state). */
    static void updateMoving(double[] params, ParameterLayout layout, State[] states) {
        for (int l = 0; l < layout.layers; l++) {
            if (states[l] != null) updateMoving(params, layout.normOffset[l], layout.units[l], states[l]);
        }
    }

    /** The moving averages after a training batch: m ← 0.99·m + 0.01·μ, v ← 0.99·v + 0.01·σ². */
    static void updateMoving(double[] params, int offset, int units, State s) {
        for (int j = 0; j < units; j++) {
            int m = offset + 2 * units + j, v = offset + 3 * units + j;
            params[m] = MOMENTUM * params[m] + (1 - MOMENTUM) * s.mean[j];
            params[v] = MOMENTUM * params[v] + (1 - MOMENTUM) * s.variance[j];
        }
    }

    /** γ = 1, β = 0, moving mean 0, moving variance 1: Keras's initial values. */
    static void initialise(double[] params, int offset, int units) {
        for (int j = 0; j < units; j++) {
            params[offset + j] = 1;
            params[offset + units + j] = 0;
            params[offset + 2 * units + j] = 0;
            params[offset + 3 * units + j] = 1;
        }
    }
}
