package nnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's parameters, layer by layer, in Keras's layout: kernel[i][j] connects input i to unit j,
 * so a layer computes z = x·W + b. {@code batchNorm}, when a layer has batch normalisation, holds per layer its
 * γ, β, moving mean and moving variance (null for a layer without); null for a network without any.
 */
public record Weights(List<double[][]> kernels, List<double[]> biases, List<Norm> batchNorm) {

    /** One layer's batch normalisation, in Keras's order of weights. */
    public record Norm(double[] gamma, double[] beta, double[] movingMean, double[] movingVariance) {
    }

    public Weights {
        if (kernels.size() != biases.size()) {
            throw new IllegalArgumentException("weights need one bias vector per kernel");
        }
        kernels = List.copyOf(kernels);
        biases = List.copyOf(biases);
        if (batchNorm != null) batchNorm = java.util.Collections.unmodifiableList(new ArrayList<>(batchNorm));
    }

    public Weights(List<double[][]> kernels, List<double[]> biases) {
        this(kernels, biases, null);
    }

    public int layers() {
        return kernels.size();
    }

    public Weights copy() {
        List<double[][]> k = new ArrayList<>();
        List<double[]> b = new ArrayList<>();
        for (int l = 0; l < layers(); l++) {
            double[][] src = kernels.get(l);
            double[][] dst = new double[src.length][];
            for (int i = 0; i < src.length; i++) dst[i] = src[i].clone();
            k.add(dst);
            b.add(biases.get(l).clone());
        }
        List<Norm> n = null;
        if (batchNorm != null) {
            n = new ArrayList<>();
            for (Norm x : batchNorm) {
                n.add(x == null ? null : new Norm(x.gamma().clone(), x.beta().clone(), x.movingMean().clone(),
                        x.movingVariance().clone()));
            }
        }
        return new Weights(k, b, n);
    }
}
