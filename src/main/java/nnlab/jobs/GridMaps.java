package nnlab.jobs;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import nnlab.data.HeatmapGrid;
import nnlab.engine.Model;
import nnlab.jobs.classic.ClassicModel;

/**
 * A 2-D job's heatmap grids for a model: the output layer's maps, or every neuron's, over the plane, in the form
 * the spec asked for ({@link GridForm}).
 */
final class GridMaps {

    private final PreparedJob job;
    private final HeatmapGrid output;
    private final double[][] outputRows;
    /** The hidden neurons' points when they have a resolution of their own, else null. */
    private final double[][] hiddenRows;

    GridMaps(PreparedJob job) {
        this.job = job;
        this.output = job.data().heatmap(job.grid());
        this.outputRows = rows(output);
        int hidden = job.gridForm().neuronResolution(job.grid());
        this.hiddenRows = job.gridNeurons() && hidden != job.grid() ? rows(job.data().heatmap(hidden)) : null;
    }

    private static double[][] rows(HeatmapGrid g) {
        double[][] rows = new double[g.count()][g.inputs()];
        for (int r = 0; r < g.count(); r++) {
            for (int c = 0; c < g.inputs(); c++) rows[r][c] = g.x()[r * g.inputs() + c];
        }
        return rows;
    }

    JobMessage.Grid of(Model model) {
        double[][][] outputs = model.layerOutputs(outputRows);
        double[][][] hidden = hiddenRows != null ? model.layerOutputs(hiddenRows) : outputs;
        int last = outputs.length - 1;
        int first = job.gridNeurons() ? 0 : last;
        List<List<float[]>> layers = new ArrayList<>();
        for (int l = first; l <= last; l++) layers.add(maps(l == last ? outputs[l] : hidden[l]));
        int neuronResolution = job.gridForm().neuronResolution(job.grid());
        Integer ownResolution = job.gridNeurons() && neuronResolution != job.grid() ? neuronResolution : null;
        return grid(layers, job.gridNeurons(), ownResolution);
    }

    /**
     * A classic model's output over the plane: a map per class of its scores, or for two classes one map, the
     * score of class 1 (as a network's single sigmoid unit gives it).
     */
    JobMessage.Grid of(ClassicModel model) {
        double[][] scores = model.scores(outputRows);
        if (scores.length > 0 && scores[0].length == 2) {
            double[][] one = new double[scores.length][];
            for (int r = 0; r < scores.length; r++) one[r] = new double[]{scores[r][1]};
            scores = one;
        }
        return grid(List.of(maps(scores)), false, null);
    }

    /** The maps as numbers, or each quantised to bytes between its own low and high (the spec's grid encoding). */
    private JobMessage.Grid grid(List<List<float[]>> layers, boolean neurons, Integer ownResolution) {
        if (!job.gridForm().packed()) {
            return new JobMessage.Grid(job.grid(), output.min(), output.max(), neurons, ownResolution, null, layers,
                    null, null);
        }
        List<List<String>> packed = new ArrayList<>();
        List<List<double[]>> ranges = new ArrayList<>();
        for (List<float[]> maps : layers) {
            List<String> bytes = new ArrayList<>();
            List<double[]> range = new ArrayList<>();
            for (float[] map : maps) {
                double[] lowHigh = lowHigh(map);
                bytes.add(pack(map, lowHigh));
                range.add(lowHigh);
            }
            packed.add(bytes);
            ranges.add(range);
        }
        return new JobMessage.Grid(job.grid(), output.min(), output.max(), neurons, ownResolution, "bytes", null,
                packed, ranges);
    }

    private static List<float[]> maps(double[][] outputs) {
        int units = outputs.length == 0 ? 0 : outputs[0].length;
        List<float[]> maps = new ArrayList<>();
        for (int u = 0; u < units; u++) {
            float[] map = new float[outputs.length];
            for (int r = 0; r < outputs.length; r++) map[r] = (float) (Math.round(outputs[r][u] * 1e4) / 1e4);
            maps.add(map);
        }
        return maps;
    }

    private static double[] lowHigh(float[] map) {
        double low = Double.POSITIVE_INFINITY;
        double high = Double.NEGATIVE_INFINITY;
        for (float v : map) {
            if (!Float.isFinite(v)) continue;
            low = Math.min(low, v);
            high = Math.max(high, v);
        }
        return low > high ? new double[]{0, 0} : new double[]{low, high};
    }

    /** One byte a point: 0 at the map's low, 255 at its high (a flat or non-finite map is all 0). */
    static String pack(float[] map, double[] lowHigh) {
        double span = lowHigh[1] - lowHigh[0];
        byte[] bytes = new byte[map.length];
        for (int i = 0; i < map.length; i++) {
            double v = Float.isFinite(map[i]) && span > 0 ? (map[i] - lowHigh[0]) / span : 0;
            bytes[i] = (byte) Math.round(Math.max(0, Math.min(1, v)) * 255);
        }
        return Base64.getEncoder().encodeToString(bytes);
    }
}
