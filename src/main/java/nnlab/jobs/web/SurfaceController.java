package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Optimizer;
import nnlab.engine.Surface;
import nnlab.engine.SurfaceDescent;
import nnlab.jobs.JobCaller;
import nnlab.jobs.JobPreviews;
import nnlab.jobs.SubmissionGuard;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Optimisers on named 2-D loss surfaces, run by the engine's own optimiser code: the paths of several optimisers
 * from one start, each point's loss, and the surface on a grid for its contour plot. No job and no worker: the
 * answer is computed on the calling thread and counted as a preview.
 */
@RestController
@Tag(name = "surfaces", description = "optimisers' paths on 2-D loss surfaces, from the engine's optimiser code")
public class SurfaceController {

    static final int MAX_RUNS = 8;
    static final int MAX_GRID = 201;
    static final int DEFAULT_GRID = 61;
    static final int DEFAULT_STEPS = 100;

    private final JobPreviews previews;
    private final List<SubmissionGuard> guards;

    public SurfaceController(JobPreviews previews, List<SubmissionGuard> guards) {
        this.previews = previews;
        this.guards = guards;
    }

    /** @param domain {xMin, xMax, yMin, yMax} */
    public record SurfaceInfo(String id, String formula, double[] domain, double[] start, List<double[]> minima) {
        static SurfaceInfo of(Surface s) {
            return new SurfaceInfo(s.id(), s.formula(), s.domain(), s.start(), s.minima());
        }
    }

    /** One optimiser; unset hyper-parameters take Keras's defaults. */
    public record Run(String optimizer, Double learningRate, Double momentum, Double beta1, Double beta2, Double rho,
                      Double epsilon) {
    }

    /** @param grid points per side of the contour grid (0: none) */
    public record PathRequest(List<Run> runs, double[] start, Integer steps, Integer grid) {
    }

    public record RunPath(String optimizer, double learningRate, double momentum, double beta1, double beta2,
                          double rho, double epsilon, double[] x, double[] y, double[] loss, Integer diverged) {
    }

    public record Paths(SurfaceInfo surface, double[] start, int steps, Surface.Grid grid, List<RunPath> paths) {
    }

    @GetMapping("/api/surfaces")
    @Operation(summary = "the named 2-D surfaces: formula, the square pictures show, default start, minima")
    public List<SurfaceInfo> surfaces() {
        return Arrays.stream(Surface.values()).map(SurfaceInfo::of).toList();
    }

    @PostMapping(path = "/api/surfaces/{name}/paths", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "each optimiser's path on the surface from one start, with the loss per step, and the surface "
            + "on a grid", description = "runs: 1 to " + MAX_RUNS + " of {optimizer (sgd, momentum, rmsprop, adam), "
            + "learningRate, momentum, beta1, beta2, rho, epsilon}; start [x, y] (default the surface's); steps 1 to "
            + SurfaceDescent.MAX_STEPS + " (default " + DEFAULT_STEPS + "); grid 0 or 2 to " + MAX_GRID
            + " points a side (default " + DEFAULT_GRID + "). The steps are the engine's optimiser code, as in "
            + "training. 400 naming the field; 429 with Retry-After past nnlab.limits.previews-per-minute (counted "
            + "as previews)")
    public Paths paths(@PathVariable String name, @RequestBody PathRequest request,
                       @Parameter(hidden = true) @AuthenticationPrincipal JobCaller caller) {
        Surface surface = Surface.fromId(name, "name");
        List<Run> runs = request.runs();
        InvalidSpecException.require(runs != null && !runs.isEmpty() && runs.size() <= MAX_RUNS, "runs",
                "must list 1 to " + MAX_RUNS + " optimisers");
        double[] start = request.start() != null ? request.start() : surface.start();
        InvalidSpecException.require(start.length == 2, "start", "must be two numbers [x, y], had " + start.length);
        int steps = request.steps() != null ? request.steps() : DEFAULT_STEPS;
        int grid = request.grid() != null ? request.grid() : DEFAULT_GRID;
        InvalidSpecException.require(grid == 0 || (grid >= 2 && grid <= MAX_GRID), "grid",
                "must be 0 (no grid) or between 2 and " + MAX_GRID + ", was " + grid);
        List<Optimizer> optimizers = new ArrayList<>();
        for (int i = 0; i < runs.size(); i++) {
            InvalidSpecException.require(runs.get(i) != null, "runs[" + i + "]", "must be an optimiser, was null");
            optimizers.add(optimizer(runs.get(i), "runs[" + i + "]"));
        }
        SurfaceDescent.check(steps, start[0], start[1]);
        for (SubmissionGuard guard : guards) guard.checkPreview(caller);
        previews.count(caller.ownerKey());
        List<RunPath> paths = new ArrayList<>();
        for (int i = 0; i < optimizers.size(); i++) {
            Optimizer o = optimizers.get(i);
            SurfaceDescent.Path p = SurfaceDescent.run(surface, o, start[0], start[1], steps, "runs[" + i + "]");
            paths.add(new RunPath(o.kind().id(), o.learningRate(), o.momentum(), o.beta1(), o.beta2(), o.rho(),
                    o.epsilon(), p.x(), p.y(), p.loss(), p.diverged()));
        }
        return new Paths(SurfaceInfo.of(surface), start, steps, grid == 0 ? null : surface.grid(grid), paths);
    }

    private static Optimizer optimizer(Run run, String field) {
        InvalidSpecException.require(run.optimizer() != null, field + ".optimizer",
                "is required: one of " + String.join(", ", Arrays.stream(Optimizer.Kind.values()).map(Optimizer.Kind::id).toList()));
        Optimizer.Kind kind = Optimizer.Kind.fromId(run.optimizer(), field + ".optimizer");
        double kerasRate = kind == Optimizer.Kind.SGD || kind == Optimizer.Kind.MOMENTUM ? 0.01 : 0.001;
        Optimizer d = Optimizer.of(kind, run.learningRate() != null ? run.learningRate() : kerasRate);
        Optimizer o = new Optimizer(kind, d.learningRate(), or(run.momentum(), d.momentum()), or(run.beta1(), d.beta1()),
                or(run.beta2(), d.beta2()), or(run.epsilon(), d.epsilon()), or(run.rho(), d.rho()));
        SurfaceDescent.validate(o, field);
        return o;
    }

    private static double or(Double given, double otherwise) {
        return given != null ? given : otherwise;
    }
}
