package nnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * A network's parameters, layer by layer, in Keras's layout: kernel[i][j] connects input i to unit j,
 * so a layer computes z = x·W + b.
 */
public record Weights(List<double[][]> kernels, List<double[]> biases) {

    public Weights {
        if (kernels.size() != biases.size()) {
            throw new IllegalArgumentException("weights need one bias vector per kernel");
        }
        kernels = List.copyOf(kernels);
        biases = List.copyOf(biases);
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
        return new Weights(k, b);
    }
}
