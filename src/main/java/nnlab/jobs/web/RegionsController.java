package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import nnlab.engine.LinearRegions;
import nnlab.engine.Model;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Weights;
import nnlab.jobs.JobCaller;
import nnlab.jobs.JobPreviews;
import nnlab.jobs.JobRegions;
import nnlab.jobs.ReachableJob;
import nnlab.jobs.SubmissionGuard;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The linear regions a ReLU network of two inputs cuts the plane into, counted by the engine from the network's
 * activation patterns over a grid: for hand-set weights, a seeded random network, or a job's own trained network
 * (through the job's door). Counted as a preview.
 */
@RestController
@Tag(name = "surfaces")
public class RegionsController {

    static final int DEFAULT_RESOLUTION = 200;
    static final double DEFAULT_RANGE = 6;

    private final JobPreviews previews;
    private final List<SubmissionGuard> guards;
    private final JobRegions jobRegions;

    public RegionsController(JobPreviews previews, List<SubmissionGuard> guards, JobRegions jobRegions) {
        this.previews = previews;
        this.guards = guards;
        this.jobRegions = jobRegions;
    }

    /**
     * @param layers  hidden ReLU layers' units, e.g. [10, 10, 10]
     * @param weights the hidden layers' weights in Keras's layout (else seeded random ones)
     */
    public record RegionsRequest(List<Integer> layers, Long seed, Double biasScale, Weights weights, Double range,
                                 Integer resolution) {
    }

    public record Regions(List<Integer> layers, Long seed, int regions, double range, int resolution, int[] cells) {
    }

    @PostMapping(path = "/api/networks/regions", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "how many linear regions a ReLU network of two inputs cuts the square [−range, range]² into",
            description = "layers: 1 to " + LinearRegions.MAX_LAYERS + " hidden ReLU layers of 1 to "
                    + LinearRegions.MAX_UNITS + " units; weights (the hidden layers', Keras's layout) or seed (default 1) "
                    + "and biasScale (default 1) for random ones: He-normal kernels, N(0, biasScale²) biases. The count "
                    + "is of distinct activation patterns at the centres of resolution² cells (2 to "
                    + LinearRegions.MAX_RESOLUTION + ", default " + DEFAULT_RESOLUTION + "); cells gives each cell's "
                    + "region, row 0 at the top. 400 naming the field; 429 past the previews' rate")
    public Regions regions(@RequestBody RegionsRequest request,
                           @Parameter(hidden = true) @AuthenticationPrincipal JobCaller caller) {
        NetworkSpec spec = LinearRegions.network(request.layers(), "layers");
        long seed = request.seed() != null ? request.seed() : 1;
        double range = request.range() != null ? request.range() : DEFAULT_RANGE;
        int resolution = request.resolution() != null ? request.resolution() : DEFAULT_RESOLUTION;
        Model model = request.weights() != null ? LinearRegions.model(spec, request.weights())
                : LinearRegions.model(spec, LinearRegions.random(spec, seed, request.biasScale() != null ? request.biasScale() : 1));
        LinearRegions.check(range, resolution);
        for (SubmissionGuard guard : guards) guard.checkPreview(caller);
        previews.count(caller.ownerKey());
        LinearRegions.Count count = LinearRegions.count(model, range, resolution);
        return new Regions(spec.layers().stream().limit(spec.layers().size() - 1).map(l -> l.units()).toList(),
                request.weights() != null ? null : seed, count.regions(), range, resolution, count.cells());
    }

    @GetMapping("/api/jobs/{id}/regions")
    @Tag(name = "jobs")
    @Operation(summary = "how many linear regions the job's own network cuts the square [−range, range]² of its 2-D data into",
            description = "on the job's current weights (live jobs) or final weights; each point goes through the job's "
                    + "features and scaling as its training points did, and the count is of distinct on/off patterns of "
                    + "the hidden ReLU (and leaky ReLU) units at the centres of resolution² cells (2 to "
                    + LinearRegions.MAX_RESOLUTION + ", default " + DEFAULT_RESOLUTION + "); cells gives each cell's "
                    + "region, row 0 at the top. 400 naming the field; 409 for a network that is not piecewise linear "
                    + "(curved activations such as tanh, features such as x1², data not of the plane), a classic model "
                    + "or a job without weights yet; 429 past the previews' rate")
    public JobRegions.Regions jobRegions(ReachableJob job,
                                         @Parameter(description = "grid points per side, 2 to " + LinearRegions.MAX_RESOLUTION)
                                         @RequestParam(defaultValue = "200") int resolution,
                                         @Parameter(description = "half-width of the square, in the data's raw units")
                                         @RequestParam(defaultValue = "6") double range,
                                         @Parameter(hidden = true) @AuthenticationPrincipal JobCaller caller) {
        JobRegions.check(range, resolution);
        previews.count(caller.ownerKey());
        return jobRegions.count(job, range, resolution);
    }
}
