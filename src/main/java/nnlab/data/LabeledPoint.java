package nnlab.data;

import java.util.List;
import nnlab.engine.Examples;

/**
 * A point of the plane with its label, as the playground page draws it: a class index (0 or 1)
 * for classification sets, a value in [−1, 1] for regression sets.
 */
public record LabeledPoint(double x1, double x2, double label) {

    /** Two-column examples (x1, x2) with the label as the single target column. */
    public static Examples toExamples(List<LabeledPoint> points) {
        int n = points.size();
        float[] x = new float[n * 2];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            LabeledPoint p = points.get(i);
            x[2 * i] = (float) p.x1();
            x[2 * i + 1] = (float) p.x2();
            y[i] = (float) p.label();
        }
        return new Examples(x, y, n, 2, 1);
    }

    /** The inverse of {@link #toExamples}; an absent part (null) gives an empty list. */
    public static List<LabeledPoint> fromExamples(Examples examples) {
        if (examples == null) return List.of();
        if (examples.inputs() != 2 || examples.outputs() != 1) {
            throw new IllegalArgumentException("points need examples with 2 inputs and 1 output");
        }
        LabeledPoint[] points = new LabeledPoint[examples.count()];
        for (int i = 0; i < points.length; i++) {
            points[i] = new LabeledPoint(examples.x(i, 0), examples.x(i, 1), examples.y(i, 0));
        }
        return List.of(points);
    }
}
