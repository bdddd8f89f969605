package nnlab.engine;

import java.util.List;

/**
 * A multi-layer perceptron: input width, dense layers, how the weights start. {@code initialWeights},
 * when given, overrides {@code init} (the XOR hand solution, an imported model).
 */
public record NetworkSpec(int inputs, List<LayerSpec> layers, Initializer init, Weights initialWeights) {

    public NetworkSpec {
        layers = List.copyOf(layers);
        if (init == null) init = Initializer.GLOROT;
    }

    public NetworkSpec(int inputs, List<LayerSpec> layers, Initializer init) {
        this(inputs, layers, init, null);
    }

    public int outputs() {
        return layers.get(layers.size() - 1).units();
    }

    public Activation outputActivation() {
        return layers.get(layers.size() - 1).activation();
    }

    /** Width of layer l's input: the data's width for the first layer. */
    public int fanIn(int layer) {
        return layer == 0 ? inputs : layers.get(layer - 1).units();
    }

    public long parameterCount() {
        long total = 0;
        for (int l = 0; l < layers.size(); l++) {
            total += layers.get(l).parameters(fanIn(l));
        }
        return total;
    }
}
