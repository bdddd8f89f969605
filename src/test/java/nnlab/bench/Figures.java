package nnlab.bench;

import java.time.Instant;

/** What the benchmarks share: the lecture's MNIST job, name=value lines, percentiles, the publish clock. */
final class Figures {

    private Figures() {
    }

    /** The lecture's MNIST network (784-128-64-10, Adam 0.001, batches of 32) for this many epochs, seed 42. */
    static String lectureMnist(int epochs) {
        return """
                {"dataset": {"name": "mnist"},
                 "model": {"layers": [{"units": 128, "activation": "relu"}, {"units": 64, "activation": "relu"},
                                      {"units": 10, "activation": "softmax"}], "init": "glorot"},
                 "training": {"optimizer": "adam", "learningRate": 0.001, "batchSize": 32, "epochs": %d,
                              "loss": "sparse_categorical_crossentropy"},
                 "seed": 42}""".formatted(epochs);
    }

    /** One name=value line; doubles with three decimals. */
    static void print(String name, Object value) {
        System.out.println(name + "=" + (value instanceof Double d ? String.format("%.3f", d) : value));
    }

    /** The p-quantile (0..1) of sorted values, 0 for none. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) return 0;
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** Now in microseconds since 1970, the unit of the nnlab-published-at header. */
    static long nowMicros() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1000;
    }
}
