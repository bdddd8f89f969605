package nnlab.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nnlab.data.LabeledPoint;
import nnlab.data.PreparedDataset;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Training;
import nnlab.engine.Weights;
import nnlab.platform.PerCallerRateLimit;
import nnlab.platform.RateBuckets;
import org.springframework.stereotype.Service;

/**
 * What a 2-D job would start from, without a job: its points, its initial (or given) weights, their train and
 * test metrics and heatmap grids. Planned and checked as a submission is, then evaluated once on the calling
 * thread (no queue, no worker): the playground shows data and neuron maps before anyone presses ▶, and the loss
 * right after a hand edit of a weight.
 */
@Service
public class JobPreviews {

    static final String RATE = "nnlab.limits.previews-per-minute";

    private final JobSpecMapper mapper;
    private final PerCallerRateLimit rate;

    JobPreviews(JobSpecMapper mapper, LimitsProperties limits, RateBuckets buckets) {
        this.mapper = mapper;
        this.rate = new PerCallerRateLimit(RATE, limits.previewsPerMinute(), "caller", buckets);
    }

    /**
     * @param points [x1, x2, label] rows of the training and test splits, as {@code GET /api/jobs/{id}/points}
     * @param seed   the seed the weights came from (generated when the spec had none)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Preview(Points points, Weights weights, MetricsView train, MetricsView test, JobMessage.Grid grid,
                          long seed, long dataSeed) {
    }

    public record Points(List<double[]> train, List<double[]> test) {
    }

    /**
     * Counts one request of another preview-like answer computed on the calling thread (an optimiser's path on
     * a surface) against the caller's previews, so that all such answers share one limit.
     */
    public void count(String caller) {
        rate.acquire(caller, "previews");
    }

    /** @param caller the owner key whose rate is counted */
    public Preview preview(JobSpec submitted, String caller) {
        rate.acquire(caller, "previews");
        JobPlan plan = mapper.plan(mapper.withSeed(submitted));
        InvalidSpecException.require(plan.data().plane(), "dataset.name",
                "a preview is for 2-D data sets (playground, xor, separable, points), not " + plan.data().name());
        InvalidSpecException.require(plan.classic() == null, "model.kind",
                "a preview shows a network's first weights; a " + submitted.model().kind() + " model has none: submit it");
        PreparedJob job = mapper.prepare(plan);
        PreparedDataset data = job.data();
        try (Training t = Training.create(job.network(), job.config(), data.split(), job.seed(),
                mapper.engineLimits())) {
            JobMessage.Grid grid = job.grid() > 0 ? new GridMaps(job).of(t.snapshot()) : null;
            return new Preview(new Points(rows(data.plane().train()), rows(data.plane().test())), t.weights(),
                    MetricsView.of(t.trainMetrics()), MetricsView.of(t.testMetrics()), grid, plan.seed(),
                    plan.dataSeed());
        }
    }

    static List<double[]> rows(List<LabeledPoint> points) {
        return points.stream().map(p -> new double[]{p.x1(), p.x2(), p.label()}).toList();
    }
}
