package nnlab.data;

/**
 * Featurised points of a square grid over [min, max]², row-major: {@code x} holds
 * {@code resolution² × inputs} values; row 0 is the top edge (x2 = max), column 0 the left edge
 * (x1 = min).
 */
public record HeatmapGrid(int resolution, double min, double max, int inputs, float[] x) {

    public HeatmapGrid {
        if (x.length != resolution * resolution * inputs) {
            throw new IllegalArgumentException("a grid needs resolution² × inputs values");
        }
    }

    public int count() {
        return resolution * resolution;
    }

    public double x1(int column) {
        return min + (max - min) * column / (resolution - 1);
    }

    public double x2(int row) {
        return max - (max - min) * row / (resolution - 1);
    }
}
