package nnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras's model.summary(): one row per layer with its output shape and parameter count (a dense layer has
 * fanIn·units weights + units biases), and the total. Image input (MNIST's 28×28) is first flattened, as the
 * lecture's {@code Flatten(input_shape=(28, 28))}: a row with 0 parameters. 784-128-64-10 gives 109,386;
 * 10-20-3 gives 220 + 63 = 283. Every parameter is trainable (the engine freezes none).
 */
public record ModelSummary(List<Row> rows, long totalParameters) {

    /** @param type Keras's layer class, Dense or Flatten (null in summaries stored before there were Flatten rows) */
    public record Row(String name, int units, String activation, String outputShape, long parameters, String type) {
    }

    public static ModelSummary of(NetworkSpec spec) {
        return of(spec, List.of());
    }

    /** @param inputShape the shape of one example when it is an image (e.g. [28, 28]), else empty */
    public static ModelSummary of(NetworkSpec spec, List<Integer> inputShape) {
        List<Row> rows = new ArrayList<>();
        if (inputShape.size() > 1) {
            rows.add(new Row("flatten", spec.inputs(), null, "(None, " + spec.inputs() + ")", 0, "Flatten"));
        }
        long total = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            long p = (long) (spec.fanIn(l) + 1) * layer.units();
            total += p;
            rows.add(new Row(l == 0 ? "dense" : "dense_" + l, layer.units(), layer.activation().id(),
                    "(None, " + layer.units() + ")", p, "Dense"));
        }
        return new ModelSummary(List.copyOf(rows), total);
    }

    /** The table as Keras prints it. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        String line = "─".repeat(64) + "\n";
        s.append(String.format("%-28s %-22s %12s%n", "Layer (type)", "Output Shape", "Param #"));
        s.append(line);
        for (Row r : rows) {
            String type = r.type() == null ? "Dense" : r.type();
            s.append(String.format("%-28s %-22s %,12d%n", r.name() + " (" + type + ")", r.outputShape(), r.parameters()));
        }
        s.append(line);
        s.append(String.format("Total params: %,d%n", totalParameters));
        s.append(String.format("Trainable params: %,d%n", totalParameters));
        s.append("Non-trainable params: 0\n");
        return s.toString();
    }
}
