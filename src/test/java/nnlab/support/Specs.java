package nnlab.support;

/** Job specs the tests submit. */
public final class Specs {

    private Specs() {
    }

    /** The lecture's MNIST model (784-128-64-10, Adam, batch 32) on a subset of the images. */
    public static String mnist(int trainLimit, int testLimit, int batchSize, int epochs, String extra) {
        return """
                {"dataset": {"name": "mnist", "trainLimit": %d, "testLimit": %d},
                 "model": {"layers": [{"units": 128, "activation": "relu"},
                                      {"units": 64, "activation": "relu"},
                                      {"units": 10, "activation": "softmax"}],
                           "init": "glorot"},
                 "training": {"optimizer": "adam", "learningRate": 0.001, "batchSize": %d, "epochs": %d,
                              "loss": "sparse_categorical_crossentropy"},
                 "seed": 42%s}""".formatted(trainLimit, testLimit, batchSize, epochs, extra == null ? "" : ", " + extra);
    }

    /** A small playground spiral network; fast epochs. */
    public static String spiral(int epochs, String extra) {
        return """
                {"dataset": {"name": "playground", "kind": "spiral", "noise": 0.1},
                 "model": {"layers": [{"units": 8, "activation": "tanh"}, {"units": 8, "activation": "tanh"},
                                      {"units": 2, "activation": "softmax"}]},
                 "training": {"optimizer": "adam", "learningRate": 0.03, "batchSize": 10, "epochs": %d},
                 "seed": 7%s}""".formatted(epochs, extra == null ? "" : ", " + extra);
    }
}
