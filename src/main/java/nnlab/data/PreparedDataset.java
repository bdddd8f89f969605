package nnlab.data;

import java.util.List;
import nnlab.engine.DataSplit;

/**
 * A data set ready to train on: split, featurised and scaled.
 *
 * @param split        the examples; inputs already scaled with {@code scaler}; validation and test may be null
 * @param inputs       the network's input width
 * @param outputs      the network's output width: the number of classes, or 1 for regression
 *                     (the examples' targets always have one column: a class index or a value)
 * @param featureNames one per input column
 * @param classNames   by class index; empty for regression
 * @param target       what is predicted: a column name, "class", "digit", …
 * @param scaler       fitted on the training examples; apply it to any further input
 * @param plane        the raw points of 2-D sets (playground, xor, separable), else null
 */
public record PreparedDataset(String name, Task task, DataSplit split, int inputs, int outputs,
                              List<String> featureNames, List<String> classNames, String target,
                              Scaler scaler, PlaneData plane) {

    public PreparedDataset {
        featureNames = List.copyOf(featureNames);
        classNames = List.copyOf(classNames);
    }

    public boolean isClassification() {
        return task == Task.CLASSIFICATION;
    }

    /** The network input for a point of the plane (featurised, then scaled). */
    public float[] inputsAt(double x1, double x2) {
        float[] row = requirePlane().featureMap().apply(x1, x2);
        scaler.applyInPlace(row);
        return row;
    }

    /** Network inputs for a heatmap over [−6, 6]² (featurised, then scaled). */
    public HeatmapGrid heatmap(int resolution) {
        HeatmapGrid grid = requirePlane().featureMap().grid(resolution);
        scaler.applyInPlace(grid.x());
        return grid;
    }

    private PlaneData requirePlane() {
        if (plane == null) throw new IllegalStateException(name + " is not a set of 2-D points");
        return plane;
    }
}
