package nnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras's model.summary(): one row per dense layer with its output shape and parameter count
 * (fanIn·units weights + units biases), and the total. 784-128-64-10 gives 109,386; 10-20-3 gives 283.
 */
public record ModelSummary(List<Row> rows, long totalParameters) {

    public record Row(String name, int units, String activation, String outputShape, long parameters) {
    }

    public static ModelSummary of(NetworkSpec spec) {
        List<Row> rows = new ArrayList<>();
        long total = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            long p = (long) (spec.fanIn(l) + 1) * layer.units();
            total += p;
            rows.add(new Row(l == 0 ? "dense" : "dense_" + l, layer.units(), layer.activation().id(),
                    "(None, " + layer.units() + ")", p));
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
            s.append(String.format("%-28s %-22s %,12d%n", r.name() + " (Dense)", r.outputShape(), r.parameters()));
        }
        s.append(line);
        s.append(String.format("Total params: %,d%n", totalParameters));
        s.append(String.format("Trainable params: %,d%n", totalParameters));
        s.append("Non-trainable params: 0\n");
        return s.toString();
    }
}
