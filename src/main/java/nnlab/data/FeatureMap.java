package nnlab.data;

import java.util.HashSet;
import java.util.List;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;

/** Maps 2-D points (x1, x2) to the chosen features, in the chosen order. */
public record FeatureMap(List<Feature> features) {

    public static final FeatureMap PLAIN = new FeatureMap(List.of(Feature.X1, Feature.X2));
    public static final int MIN_GRID_RESOLUTION = 2;
    public static final int MAX_GRID_RESOLUTION = 500;

    public FeatureMap {
        features = List.copyOf(features);
        if (features.isEmpty()) throw new IllegalArgumentException("a feature map needs at least one feature");
        if (new HashSet<>(features).size() != features.size()) {
            throw new IllegalArgumentException("a feature map must not repeat a feature: " + features);
        }
    }

    public static FeatureMap of(Feature... features) {
        return new FeatureMap(List.of(features));
    }

    /**
     * Reads feature ids such as {@code ["x1", "x1sq"]}. Errors name {@code field[i]} for the
     * offending entry and list the allowed ids.
     */
    public static FeatureMap parse(List<String> ids, String field) {
        InvalidSpecException.require(ids != null, field,
                "must list at least one of " + String.join(", ", Feature.ids()));
        return new FeatureMap(ParameterInfo.checkChoices(ids, Feature.ids(), field).stream()
                .map(id -> Feature.byId(id).orElseThrow()).toList());
    }

    public int width() {
        return features.size();
    }

    public List<String> ids() {
        return features.stream().map(Feature::id).toList();
    }

    /** The feature vector of one point, e.g. a heatmap cell. */
    public float[] apply(double x1, double x2) {
        float[] row = new float[features.size()];
        write(x1, x2, row, 0);
        return row;
    }

    /** Featurises two-column examples (x1, x2); the targets are kept. */
    public Examples apply(Examples points) {
        if (points.inputs() != 2) throw new IllegalArgumentException("a feature map needs 2-D points");
        float[] x = new float[points.count() * width()];
        for (int i = 0; i < points.count(); i++) {
            write(points.x(i, 0), points.x(i, 1), x, i * width());
        }
        return new Examples(x, points.y().clone(), points.count(), width(), points.outputs());
    }

    public Examples apply(List<LabeledPoint> points) {
        return apply(LabeledPoint.toExamples(points));
    }

    /**
     * A square grid over [−6, 6]² with {@code resolution} points a side, featurised: row 0 is the
     * top (x2 = 6), column 0 the left (x1 = −6), as a heatmap is drawn.
     */
    public HeatmapGrid grid(int resolution) {
        InvalidSpecException.require(resolution >= MIN_GRID_RESOLUTION && resolution <= MAX_GRID_RESOLUTION,
                "resolution", "must be between " + MIN_GRID_RESOLUTION + " and " + MAX_GRID_RESOLUTION
                        + ", was " + resolution);
        HeatmapGrid grid = new HeatmapGrid(resolution, -Playground.EXTENT, Playground.EXTENT, width(),
                new float[resolution * resolution * width()]);
        for (int row = 0; row < resolution; row++) {
            for (int column = 0; column < resolution; column++) {
                write(grid.x1(column), grid.x2(row), grid.x(), (row * resolution + column) * width());
            }
        }
        return grid;
    }

    private void write(double x1, double x2, float[] target, int offset) {
        for (int j = 0; j < features.size(); j++) {
            target[offset + j] = (float) features.get(j).valueAt(x1, x2);
        }
    }

}
