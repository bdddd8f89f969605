package nnlab.jobs;

import java.util.List;
import nnlab.data.Feature;
import nnlab.data.PreparedDataset;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.LinearRegions;
import org.springframework.stereotype.Component;

/**
 * The linear regions of a job's own network over the plane of its 2-D data: the pieces its ReLU units cut the
 * raw (x1, x2) square into, counted on the network's current weights (a live job's latest, a finished one's
 * final), each point going through the job's features and scaling as its training points did.
 */
@Component
public class JobRegions {

    /** Multiply-adds one count may cost: the network's parameters times the grid's points. */
    static final long MAX_WORK = 2_000_000_000L;
    private static final List<Feature> AFFINE = List.of(Feature.X1, Feature.X2);

    private final JobService jobs;

    JobRegions(JobService jobs) {
        this.jobs = jobs;
    }

    /**
     * @param hidden the hidden layers' units
     * @param cells  each grid cell's region, row by row, row 0 at the top (x2 = range)
     */
    public record Regions(String jobId, int epoch, List<Integer> hidden, List<String> activations, int regions,
                          double range, int resolution, int[] cells) {
    }

    /** Checks the request's range and resolution (400 naming the field) before anything else is done. */
    public static void check(double range, int resolution) {
        LinearRegions.check(range, resolution);
    }

    public Regions count(ReachableJob job, double range, int resolution) {
        check(range, resolution);
        TrainedModel m = jobs.model(job);
        PreparedDataset data = m.data();
        if (data.plane() == null) {
            throw notLinearOnPieces(job, "it is trained on " + data.name() + ", not on points of the plane");
        }
        List<Feature> features = data.plane().featureMap().features();
        if (!AFFINE.containsAll(features)) {
            throw notLinearOnPieces(job, "its inputs include " + data.plane().featureMap().ids().stream()
                    .filter(f -> !f.equals("x1") && !f.equals("x2")).toList()
                    + ", which bend the plane before the network sees it (only x1 and x2 keep the pieces straight)");
        }
        String curved = LinearRegions.notPiecewiseLinear(m.model().spec());
        if (curved != null) throw notLinearOnPieces(job, curved);
        long work = m.model().parameterCount() * (long) resolution * resolution;
        InvalidSpecException.require(work <= MAX_WORK, "resolution", "must be at most "
                + (int) Math.sqrt((double) MAX_WORK / m.model().parameterCount()) + " for a network of "
                + m.model().parameterCount() + " parameters, was " + resolution);
        LinearRegions.Count count = LinearRegions.count(m.model(), range, resolution, (x1, x2) -> {
            float[] in = data.inputsAt(x1, x2);
            double[] x = new double[in.length];
            for (int i = 0; i < in.length; i++) x[i] = in[i];
            return x;
        });
        var layers = m.model().spec().layers();
        var hidden = layers.subList(0, layers.size() - 1);
        return new Regions(job.id(), m.epochs(), hidden.stream().map(l -> l.units()).toList(),
                hidden.stream().map(l -> l.activation().id()).toList(), count.regions(), range, resolution,
                count.cells());
    }

    private JobStateException notLinearOnPieces(ReachableJob job, String why) {
        return new JobStateException(jobs.get(job).status(), "job " + job.id()
                + "'s network is not piecewise linear, so it has no linear regions to count: " + why);
    }
}
