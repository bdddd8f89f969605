package nnlab.jobs.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import nnlab.data.DatasetInfo;
import nnlab.data.Datasets;
import nnlab.engine.Activation;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Loss;
import nnlab.engine.Optimizer;
import nnlab.jobs.JobSpecMapper;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * What a spec may name, in one answer for the browser (data sets, activations, optimisers, losses), and an
 * activation's curve computed by the engine's own code, so that pages draw exactly what the network computes.
 */
@RestController
@Tag(name = "datasets")
public class CatalogueController {

    /** Samples of one curve at most: a chart a few hundred pixels wide needs no more. */
    static final int MAX_POINTS = 1001;
    /** |z| at most: beyond it every activation is flat or linear, and exp() overflows. */
    static final int MAX_Z = 1000;

    private final JobSpecMapper mapper;

    public CatalogueController(JobSpecMapper mapper) {
        this.mapper = mapper;
    }

    public record ActivationInfo(String id, String name, String formula, String derivative, String range) {
    }

    public record Catalogue(List<DatasetInfo> datasets, List<ActivationInfo> activations, List<String> optimizers,
                            List<String> losses) {
    }

    public record Curve(String id, double[] z, double[] values, double[] derivatives) {
    }

    /** Display text per activation: its name, f(z), f'(z) and range, as the lecture's table writes them. */
    private static final Map<Activation, ActivationInfo> TABLE = Map.ofEntries(
            Map.entry(Activation.LINEAR, info(Activation.LINEAR, "linear (identity)", "z", "1", "(−∞, ∞)")),
            Map.entry(Activation.SIGMOID, info(Activation.SIGMOID, "sigmoid", "1 / (1 + e^(−z))", "f(z)·(1 − f(z))", "(0, 1)")),
            Map.entry(Activation.TANH, info(Activation.TANH, "tanh", "tanh(z)", "1 − f(z)²", "(−1, 1)")),
            Map.entry(Activation.RELU, info(Activation.RELU, "ReLU", "max(0, z)", "1 if z > 0, else 0", "[0, ∞)")),
            Map.entry(Activation.LEAKY_RELU, info(Activation.LEAKY_RELU, "leaky ReLU", "z if z > 0, else " + Activation.LEAKY_SLOPE + "·z",
                    "1 if z > 0, else " + Activation.LEAKY_SLOPE, "(−∞, ∞)")),
            Map.entry(Activation.ELU, info(Activation.ELU, "ELU", "z if z > 0, else e^z − 1", "1 if z > 0, else f(z) + 1", "(−1, ∞)")),
            Map.entry(Activation.SOFTPLUS, info(Activation.SOFTPLUS, "softplus", "ln(1 + e^z)", "sigmoid(z)", "(0, ∞)")),
            Map.entry(Activation.GAUSSIAN, info(Activation.GAUSSIAN, "Gaussian", "e^(−z²)", "−2z·f(z)", "(0, 1]")),
            Map.entry(Activation.STEP, info(Activation.STEP, "step", "1 if z > 0, else 0", "0 (almost everywhere)", "{0, 1}")),
            Map.entry(Activation.CLIPPED_LINEAR, info(Activation.CLIPPED_LINEAR, "clipped linear", "min(max(z, 0), 1)",
                    "1 if 0 < z < 1, else 0", "[0, 1]")),
            Map.entry(Activation.SOFTMAX, info(Activation.SOFTMAX, "softmax", "e^(z_k) / Σ_j e^(z_j) (over the layer)",
                    "f_k·(δ_kj − f_j)", "(0, 1), summing to 1")));

    private static ActivationInfo info(Activation a, String name, String formula, String derivative, String range) {
        return new ActivationInfo(a.id(), name, formula, derivative, range);
    }

    @GetMapping("/api/catalogue")
    @Operation(summary = "the data sets (as /api/datasets), activations (with formulas), optimizers and losses a spec can name")
    public Catalogue catalogue() {
        return new Catalogue(Datasets.describe(mapper.datasetLimits()),
                Arrays.stream(Activation.values()).map(TABLE::get).toList(),
                Arrays.stream(Optimizer.Kind.values()).map(Optimizer.Kind::id).toList(),
                Arrays.stream(Loss.values()).map(Loss::id).toList());
    }

    @GetMapping("/api/activations/{id}/curve")
    @Operation(summary = "an activation and its derivative at `points` evenly spaced z from `from` to `to`, as the engine computes them")
    public Curve curve(@PathVariable String id, @RequestParam(defaultValue = "-5") double from,
                       @RequestParam(defaultValue = "5") double to, @RequestParam(defaultValue = "201") int points) {
        Activation activation = Activation.fromId(id, "id");
        InvalidSpecException.require(activation != Activation.SOFTMAX, "id",
                "softmax is defined on a whole layer, not on one z: it has no curve");
        InvalidSpecException.require(Double.isFinite(from) && Math.abs(from) <= MAX_Z, "from", "must be between −" + MAX_Z + " and " + MAX_Z);
        InvalidSpecException.require(Double.isFinite(to) && Math.abs(to) <= MAX_Z, "to", "must be between −" + MAX_Z + " and " + MAX_Z);
        InvalidSpecException.require(from < to, "to", "must be greater than from (" + from + ")");
        InvalidSpecException.require(points >= 2 && points <= MAX_POINTS, "points", "must be between 2 and " + MAX_POINTS);
        double[] z = new double[points], values = new double[points], derivatives = new double[points];
        for (int i = 0; i < points; i++) {
            z[i] = i == points - 1 ? to : from + (to - from) * i / (points - 1);
            values[i] = activation.apply(z[i]);
            derivatives[i] = activation.derivative(z[i], values[i]);
        }
        return new Curve(activation.id(), z, values, derivatives);
    }
}
