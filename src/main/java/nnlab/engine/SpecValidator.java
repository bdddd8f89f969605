package nnlab.engine;

import static nnlab.engine.InvalidSpecException.require;

/** Checks a network, a training configuration and data against each other before anything is allocated. */
final class SpecValidator {

    private SpecValidator() {
    }

    static void validate(NetworkSpec net, TrainingConfig cfg, DataSplit data, EngineLimits limits) {
        require(net.inputs() >= 1 && net.inputs() <= limits.maxInputs(), "model.inputs",
                "must be between 1 and " + limits.maxInputs() + ", was " + net.inputs());
        int layers = net.layers().size();
        require(layers >= 1 && layers <= limits.maxLayers(), "model.layers",
                "must have between 1 and " + limits.maxLayers() + " layers (the last is the output), has " + layers);
        for (int l = 0; l < layers; l++) {
            LayerSpec layer = net.layers().get(l);
            String f = "model.layers[" + l + "]";
            require(layer.units() >= 1 && layer.units() <= limits.maxUnits(), f + ".units",
                    "must be between 1 and " + limits.maxUnits() + ", was " + layer.units());
            require(layer.activation() != null, f + ".activation", "is required, allowed: " + Activation.ids());
            boolean output = l == layers - 1;
            require(output || layer.activation() != Activation.SOFTMAX, f + ".activation",
                    "softmax is only allowed on the output layer");
            require(output || layer.activation() != Activation.STEP, f + ".activation",
                    "step is only allowed on the output layer (the perceptron)");
            require(Double.isFinite(layer.dropout()) && layer.dropout() >= 0 && layer.dropout() < 1, f + ".dropout",
                    "must be in [0, 1), was " + layer.dropout());
            require(!output || layer.dropout() == 0, f + ".dropout", "must be 0 on the output layer");
            require(!output || !layer.batchNorm(), f + ".batchNorm", "is for hidden layers, not the output layer");
            require(!layer.batchNorm() || layer.dropout() == 0, f + ".batchNorm",
                    "and dropout on the same layer are not supported: normalise one layer, drop out of another");
        }
        require(net.parameterCount() <= limits.maxParameters(), "model.layers",
                "the network has " + net.parameterCount() + " parameters, the limit is " + limits.maxParameters());
        validateTraining(net, cfg, limits);
        validateData(net, cfg, data);
    }

    private static void validateTraining(NetworkSpec net, TrainingConfig cfg, EngineLimits limits) {
        require(cfg.loss() != null, "training.loss", "is required");
        require(cfg.optimizer() != null, "training.optimizer", "is required");
        cfg.optimizer().validate("training");
        require(cfg.batchSize() >= 1 && cfg.batchSize() <= limits.maxBatchSize(), "training.batchSize",
                "must be between 1 and " + limits.maxBatchSize() + ", was " + cfg.batchSize());
        require(cfg.epochs() >= 0 && cfg.epochs() <= limits.maxEpochs(), "training.epochs",
                "must be between 0 and " + limits.maxEpochs() + ", was " + cfg.epochs());
        require(Double.isFinite(cfg.l1()) && cfg.l1() >= 0 && cfg.l1() <= 10, "training.l1",
                "must be in [0, 10], was " + cfg.l1());
        require(Double.isFinite(cfg.l2()) && cfg.l2() >= 0 && cfg.l2() <= 10, "training.l2",
                "must be in [0, 10], was " + cfg.l2());
        if (cfg.earlyStopping() != null) cfg.earlyStopping().validate("training.earlyStopping");
        Activation out = net.outputActivation();
        int units = net.outputs();
        String f = "model.layers[" + (net.layers().size() - 1) + "]";
        switch (cfg.loss()) {
            case SPARSE_CATEGORICAL_CROSSENTROPY -> {
                require(out == Activation.SOFTMAX, f + ".activation",
                        "sparse_categorical_crossentropy needs a softmax output, was " + out.id());
                require(units >= 2, f + ".units", "a softmax output needs at least 2 units (one per class)");
            }
            case BINARY_CROSSENTROPY -> require(out == Activation.SIGMOID, f + ".activation",
                    "binary_crossentropy needs a sigmoid output, was " + out.id());
            case PERCEPTRON -> require(out == Activation.STEP && units == 1, f,
                    "the perceptron loss needs one step output unit");
            case HINGE -> require((out == Activation.LINEAR || out == Activation.TANH) && units == 1, f,
                    "the hinge loss needs one linear or tanh output unit");
            default -> {
                require(out != Activation.SOFTMAX, f + ".activation",
                        "softmax outputs go with sparse_categorical_crossentropy");
                require(out != Activation.STEP, f + ".activation", "step outputs go with the perceptron loss");
            }
        }
    }

    private static void validateData(NetworkSpec net, TrainingConfig cfg, DataSplit data) {
        Examples train = data.train();
        require(train.count() >= 1, "dataset", "has no training examples");
        require(train.inputs() == net.inputs(), "model.inputs",
                "the data set has " + train.inputs() + " input features, the network expects " + net.inputs());
        int expected = OutputLoss.targetWidth(cfg.loss(), net.outputs());
        String f = "model.layers[" + (net.layers().size() - 1) + "].units";
        require(train.outputs() == expected, f, cfg.loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY
                ? "sparse_categorical_crossentropy needs one label column, the data set has " + train.outputs()
                : "the data set has " + train.outputs() + " target columns, the output layer has " + net.outputs());
        if (cfg.loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            for (Examples e : new Examples[] {train, data.validation(), data.test()}) {
                if (e == null) continue;
                for (float label : e.y()) {
                    require(label >= 0 && label < net.outputs() && label == Math.rint(label), f,
                            "the data set has class " + label + ", the output layer has " + net.outputs() + " units");
                }
            }
        }
    }
}
