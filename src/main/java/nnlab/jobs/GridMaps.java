package nnlab.jobs;

import java.util.ArrayList;
import java.util.List;
import nnlab.data.HeatmapGrid;
import nnlab.engine.Model;

/** A 2-D job's heatmap grids for a model: the output layer's maps, or every neuron's, over the plane. */
final class GridMaps {

    private final PreparedJob job;
    private final HeatmapGrid heatmap;
    private final double[][] rows;

    GridMaps(PreparedJob job) {
        this.job = job;
        this.heatmap = job.data().heatmap(job.grid());
        this.rows = new double[heatmap.count()][heatmap.inputs()];
        for (int r = 0; r < heatmap.count(); r++) {
            for (int c = 0; c < heatmap.inputs(); c++) rows[r][c] = heatmap.x()[r * heatmap.inputs() + c];
        }
    }

    JobMessage.Grid of(Model model) {
        double[][][] outputs = model.layerOutputs(rows);
        int first = job.gridNeurons() ? 0 : outputs.length - 1;
        List<List<float[]>> layers = new ArrayList<>();
        for (int l = first; l < outputs.length; l++) {
            int units = outputs[l].length == 0 ? 0 : outputs[l][0].length;
            List<float[]> maps = new ArrayList<>();
            for (int u = 0; u < units; u++) {
                float[] map = new float[rows.length];
                for (int r = 0; r < rows.length; r++) map[r] = (float) (Math.round(outputs[l][r][u] * 1e4) / 1e4);
                maps.add(map);
            }
            layers.add(maps);
        }
        return new JobMessage.Grid(job.grid(), heatmap.min(), heatmap.max(), job.gridNeurons(), layers);
    }
}
