package nnlab.engine;

/**
 * Where each layer's parameters sit in the flat parameter vector: layer by layer, the kernel
 * (fanIn × units, row-major) followed by the bias (units). Both kernels and optimisers use this layout.
 */
final class ParameterLayout {

    final int layers;
    final int[] fanIn;
    final int[] units;
    final Activation[] activation;
    final double[] dropout;
    final int[] kernelOffset;
    final int[] biasOffset;
    /** Where a layer's batch normalisation (γ, β, moving mean, moving variance) starts; −1 without one. */
    final int[] normOffset;
    final boolean anyNorm;
    final int size;

    ParameterLayout(NetworkSpec spec) {
        layers = spec.layers().size();
        fanIn = new int[layers];
        units = new int[layers];
        activation = new Activation[layers];
        dropout = new double[layers];
        kernelOffset = new int[layers];
        biasOffset = new int[layers];
        normOffset = new int[layers];
        boolean norm = false;
        int offset = 0;
        for (int l = 0; l < layers; l++) {
            LayerSpec layer = spec.layers().get(l);
            fanIn[l] = spec.fanIn(l);
            units[l] = layer.units();
            activation[l] = layer.activation();
            dropout[l] = layer.dropout();
            kernelOffset[l] = offset;
            biasOffset[l] = offset + fanIn[l] * units[l];
            offset = biasOffset[l] + units[l];
            normOffset[l] = layer.batchNorm() ? offset : -1;
            if (layer.batchNorm()) {
                offset += 4 * units[l];
                norm = true;
            }
        }
        anyNorm = norm;
        size = offset;
    }

    int inputs() {
        return fanIn[0];
    }

    int outputs() {
        return units[layers - 1];
    }

    int widest() {
        int w = fanIn[0];
        for (int u : units) w = Math.max(w, u);
        return w;
    }

    /** Multiply-adds of one forward pass for one example. */
    long macsPerExample() {
        long m = 0;
        for (int l = 0; l < layers; l++) m += (long) fanIn[l] * units[l];
        return m;
    }

    boolean isKernel(int index) {
        for (int l = 0; l < layers; l++) {
            if (index >= kernelOffset[l] && index < biasOffset[l]) return true;
        }
        return false;
    }

    /** False for batch normalisation's moving mean and variance, which no gradient moves. */
    boolean isTrainable(int index) {
        for (int l = 0; l < layers; l++) {
            int o = normOffset[l];
            if (o >= 0 && index >= o + 2 * units[l] && index < o + 4 * units[l]) return false;
        }
        return true;
    }

    Weights toWeights(double[] params) {
        java.util.List<double[][]> kernels = new java.util.ArrayList<>();
        java.util.List<double[]> biases = new java.util.ArrayList<>();
        java.util.List<Weights.Norm> norms = new java.util.ArrayList<>();
        for (int l = 0; l < layers; l++) {
            norms.add(normOffset[l] < 0 ? null : new Weights.Norm(slice(params, normOffset[l], units[l]),
                    slice(params, normOffset[l] + units[l], units[l]), slice(params, normOffset[l] + 2 * units[l], units[l]),
                    slice(params, normOffset[l] + 3 * units[l], units[l])));
            double[][] k = new double[fanIn[l]][units[l]];
            for (int i = 0; i < fanIn[l]; i++) {
                System.arraycopy(params, kernelOffset[l] + i * units[l], k[i], 0, units[l]);
            }
            kernels.add(k);
            biases.add(java.util.Arrays.copyOfRange(params, biasOffset[l], biasOffset[l] + units[l]));
        }
        return anyNorm ? new Weights(kernels, biases, norms) : new Weights(kernels, biases);
    }

    private static double[] slice(double[] p, int from, int n) {
        return java.util.Arrays.copyOfRange(p, from, from + n);
    }

    /** Copies weights into a flat vector, checking every shape; {@code field} names the spec's weights field. */
    double[] fromWeights(Weights w, String field) {
        InvalidSpecException.require(w.layers() == layers, field,
                "has " + w.layers() + " layers, the network has " + layers);
        double[] params = new double[size];
        for (int l = 0; l < layers; l++) {
            double[][] k = w.kernels().get(l);
            InvalidSpecException.require(k.length == fanIn[l], field + ".kernels[" + l + "]",
                    "must have " + fanIn[l] + " rows (inputs), has " + k.length);
            for (int i = 0; i < fanIn[l]; i++) {
                InvalidSpecException.require(k[i].length == units[l], field + ".kernels[" + l + "][" + i + "]",
                        "must have " + units[l] + " columns (units), has " + k[i].length);
                for (int j = 0; j < units[l]; j++) {
                    InvalidSpecException.require(Double.isFinite(k[i][j]), field + ".kernels[" + l + "]",
                            "must hold finite numbers");
                }
                System.arraycopy(k[i], 0, params, kernelOffset[l] + i * units[l], units[l]);
            }
            double[] b = w.biases().get(l);
            InvalidSpecException.require(b.length == units[l], field + ".biases[" + l + "]",
                    "must have " + units[l] + " values, has " + b.length);
            for (double v : b) {
                InvalidSpecException.require(Double.isFinite(v), field + ".biases[" + l + "]", "must hold finite numbers");
            }
            System.arraycopy(b, 0, params, biasOffset[l], units[l]);
            if (normOffset[l] >= 0) copyNorm(w, l, field, params);
        }
        return params;
    }

    /** A layer's γ, β, moving mean and variance from the weights, or Keras's initial values when they give none. */
    private void copyNorm(Weights w, int l, String field, double[] params) {
        Weights.Norm n = w.batchNorm() == null || w.batchNorm().size() <= l ? null : w.batchNorm().get(l);
        if (n == null) {
            BatchNorm.initialise(params, normOffset[l], units[l]);
            return;
        }
        double[][] parts = {n.gamma(), n.beta(), n.movingMean(), n.movingVariance()};
        String[] names = {"gamma", "beta", "movingMean", "movingVariance"};
        for (int p = 0; p < 4; p++) {
            String f = field + ".batchNorm[" + l + "]." + names[p];
            InvalidSpecException.require(parts[p] != null && parts[p].length == units[l], f,
                    "must have " + units[l] + " values");
            for (double v : parts[p]) InvalidSpecException.require(Double.isFinite(v), f, "must hold finite numbers");
            InvalidSpecException.require(p != 3 || java.util.Arrays.stream(parts[p]).allMatch(v -> v >= 0), f,
                    "must not be negative");
            System.arraycopy(parts[p], 0, params, normOffset[l] + p * units[l], units[l]);
        }
    }
}
