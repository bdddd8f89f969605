package nnlab.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * Keras's model.summary(): one row per layer with its output shape and parameter count (a dense layer has
 * fanIn·units weights + units biases), and the total. Image input (MNIST's 28×28) is first flattened, as the
 * lecture's {@code Flatten(input_shape=(28, 28))}: a row with 0 parameters. 784-128-64-10 gives 109,386;
 * 10-20-3 gives 220 + 63 = 283. A layer with batch normalisation is followed by a BatchNormalization row of 4 parameters
 * per unit (γ, β, moving mean, moving variance), the last two non-trainable, as Keras counts them.
 *
 * @param nonTrainableParameters the moving means and variances (null in summaries stored before there was batch
 *                               normalisation: 0)
 */
public record ModelSummary(List<Row> rows, long totalParameters, Long nonTrainableParameters) {

    public ModelSummary(List<Row> rows, long totalParameters) {
        this(rows, totalParameters, 0L);
    }

    public long trainableParameters() {
        return totalParameters - (nonTrainableParameters == null ? 0 : nonTrainableParameters);
    }

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
        long frozen = 0;
        int norms = 0;
        for (int l = 0; l < spec.layers().size(); l++) {
            LayerSpec layer = spec.layers().get(l);
            long p = (long) (spec.fanIn(l) + 1) * layer.units();
            total += p;
            String shape = "(None, " + layer.units() + ")";
            rows.add(new Row(l == 0 ? "dense" : "dense_" + l, layer.units(), layer.activation().id(), shape, p, "Dense"));
            if (layer.batchNorm()) {
                total += 4L * layer.units();
                frozen += 2L * layer.units();
                rows.add(new Row(norms == 0 ? "batch_normalization" : "batch_normalization_" + norms, layer.units(), null,
                        shape, 4L * layer.units(), "BatchNormalization"));
                norms++;
            }
        }
        return new ModelSummary(List.copyOf(rows), total, frozen);
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
        s.append(String.format("Trainable params: %,d%n", trainableParameters()));
        s.append(String.format("Non-trainable params: %,d%n", totalParameters - trainableParameters()));
        return s.toString();
    }
}
