package nnlab.jobs;

import static nnlab.engine.InvalidSpecException.require;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.jobs.classic.ClassicLimits;
import nnlab.jobs.classic.ClassicSpec;

/**
 * The one table of a {@link JobSpec}'s defaulted fields: each field's default and the bounds the API
 * accepts. The mapper fills and checks specs with it, the OpenAPI document shows it, and
 * {@code GET /api/spec/defaults} serves it to the pages. Data set defaults depend on the data set and are
 * served with it ({@code GET /api/datasets}); the loss and evaluateTrain defaults depend on the network and
 * the data (see {@link JobSpec.Training}).
 */
public final class SpecDefaults {

    public static final String OPTIMIZER = "training.optimizer";
    public static final String LEARNING_RATE = "training.learningRate";
    public static final String BATCH_SIZE = "training.batchSize";
    public static final String EPOCHS = "training.epochs";
    public static final String MOMENTUM = "training.momentum";
    public static final String BETA1 = "training.beta1";
    public static final String BETA2 = "training.beta2";
    public static final String EPSILON = "training.epsilon";
    public static final String RHO = "training.rho";
    public static final String L1 = "training.l1";
    public static final String L2 = "training.l2";
    public static final String SHUFFLE = "training.shuffle";
    public static final String MIN_DELTA = "training.earlyStopping.minDelta";
    public static final String RESTORE_BEST_WEIGHTS = "training.earlyStopping.restoreBestWeights";
    public static final String INIT = "model.init";
    public static final String DROPOUT = "model.layers[].dropout";
    public static final String BATCH_NORM = "model.layers[].batchNorm";
    public static final String OUTPUT_WEIGHTS = "output.weights";
    public static final String GRID_RESOLUTION = "output.grid.resolution";
    public static final String GRID_NEURONS = "output.grid.neurons";
    public static final String GRID_NEURON_RESOLUTION = "output.grid.neuronResolution";
    public static final String GRID_ENCODING = "output.grid.encoding";
    public static final String START_PAUSED = "startPaused";

    /**
     * One defaulted field.
     *
     * @param path     dotted path in the JSON that POST /api/jobs takes; {@code []} stands for every element
     * @param value    the default
     * @param min      lower bound of a number, null for none
     * @param max      upper bound of a number, null for none
     * @param limit    the configuration property that sets {@code max}, null when it is fixed
     */
    public record Field(String path, Object value, Double min, boolean minExclusive, Double max, boolean maxExclusive,
                        String limit, String description) {

        /** The bounds as an interval, e.g. "(0, 100]" or "[1, 10000]". */
        public String range() {
            return (minExclusive ? "(" : "[") + format(min, "-∞") + ", " + format(max, "∞") + (maxExclusive ? ")" : "]");
        }

        boolean allows(double v) {
            if (!Double.isFinite(v)) return false;
            if (min != null && (minExclusive ? v <= min : v < min)) return false;
            return max == null || (maxExclusive ? v < max : v <= max);
        }

        /**
         * Refuses a value out of bounds, naming the field (with {@code at} in place of {@code []}), the
         * bounds and the property that sets them.
         */
        public double check(double v, String at) {
            String where = limit == null ? "" : " (" + limit + ")";
            String what = value instanceof Integer ? "between " + format(min, "") + " and " + format(max, "")
                    : "a finite number in " + range();
            require(allows(v), at, "must be " + what + where + ", was " + format(v, ""));
            return v;
        }

        public double check(double v) {
            return check(v, path);
        }

        private static String format(Double d, String none) {
            if (d == null) return none;
            return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf(d.longValue()) : String.valueOf(d);
        }
    }

    private final Map<String, Field> fields = new LinkedHashMap<>();

    public SpecDefaults(LimitsProperties limits) {
        this(limits, ClassicLimits.DEFAULTS);
    }

    public SpecDefaults(LimitsProperties limits, ClassicLimits classic) {
        add(OPTIMIZER, "sgd", "sgd, momentum, adam or rmsprop");
        add(new Field(LEARNING_RATE, 0.01, 0.0, true, 100.0, false, null,
                "step size; can be changed while the job runs (PATCH /api/jobs/{id})"));
        add(new Field(BATCH_SIZE, 32, 1.0, false, (double) limits.maxBatchSize(), false, "nnlab.limits.max-batch-size",
                "examples per weight update"));
        add(new Field(EPOCHS, 10, 1.0, false, (double) limits.maxEpochs(), false, "nnlab.limits.max-epochs",
                "passes over the training examples"));
        add(new Field(MOMENTUM, 0.9, 0.0, false, 1.0, true, null, "for the momentum optimizer only"));
        add(new Field(BETA1, 0.9, 0.0, false, 1.0, true, null, "adam's first-moment decay"));
        add(new Field(BETA2, 0.999, 0.0, false, 1.0, true, null, "adam's second-moment decay"));
        add(new Field(EPSILON, 1e-7, 0.0, true, 1.0, false, null, "adam's and rmsprop's guard against division by 0"));
        add(new Field(RHO, 0.9, 0.0, false, 1.0, true, null, "rmsprop's decay"));
        add(new Field(L1, 0.0, 0.0, false, 10.0, false, null, "L1 penalty on kernels"));
        add(new Field(L2, 0.0, 0.0, false, 10.0, false, null, "L2 penalty on kernels"));
        add(SHUFFLE, true, "reshuffle the training examples every epoch");
        add(new Field(MIN_DELTA, 0.0, 0.0, false, null, false, null,
                "smallest decrease of the monitored loss that counts as improvement"));
        add(RESTORE_BEST_WEIGHTS, false, "go back to the best epoch's weights when stopping early");
        add(INIT, "glorot", "glorot, he, uniform (TensorFlow Playground's) or zeros");
        add(new Field(DROPOUT, 0.0, 0.0, false, 1.0, true, null,
                "fraction of a layer's outputs dropped while training; 0 on the output layer"));
        add(BATCH_NORM, false, "Keras's BatchNormalization after this hidden layer's activation (momentum 0.99, epsilon 1e-3)");
        add(OUTPUT_WEIGHTS, false, "include the network's weights in snapshot messages");
        add(new Field(GRID_RESOLUTION, 50, 2.0, false, (double) limits.maxGridResolution(), false,
                "nnlab.limits.max-grid-resolution", "heatmap points per axis over [-6, 6]² (2-D data sets only)"));
        add(GRID_NEURONS, false, "a heatmap per neuron of every layer, not only the output");
        add(new Field(GRID_NEURON_RESOLUTION, 0, 0.0, false, (double) limits.maxGridResolution(), false,
                "nnlab.limits.max-grid-resolution", "points per axis of the hidden neurons' heatmaps; 0: the resolution"));
        add(GRID_ENCODING, "numbers", "numbers (a list of numbers per map) or bytes (a map quantised to one byte a"
                + " point, base64, with its low and high)");
        add(START_PAUSED, false, "queue the job paused, to be advanced with step or resume");
        ClassicSpec.addDefaults(this, classic);
    }

    /** A row without bounds. */
    public void add(String path, Object value, String description) {
        add(new Field(path, value, null, false, null, false, null, description));
    }

    public void add(Field f) {
        fields.put(f.path(), f);
    }

    public Collection<Field> fields() {
        return fields.values();
    }

    public Field field(String path) {
        Field f = fields.get(path);
        if (f == null) throw new IllegalArgumentException("no default for " + path);
        return f;
    }

    /** The field's default, or the given value checked against its bounds. */
    public double number(String path, Number given) {
        Field f = field(path);
        return given == null ? ((Number) f.value()).doubleValue() : f.check(given.doubleValue());
    }

    public int integer(String path, Integer given) {
        return (int) number(path, given);
    }

    public String text(String path, String given) {
        return given != null ? given : (String) field(path).value();
    }

    public boolean flag(String path, Boolean given) {
        return given != null ? given : (Boolean) field(path).value();
    }

    /** Path → default, in the table's order: what GET /api/spec/defaults answers. */
    public Map<String, Object> values() {
        Map<String, Object> values = new LinkedHashMap<>();
        for (Field f : fields.values()) values.put(f.path(), f.value());
        return values;
    }

    /** The fields with bounds. */
    public List<Field> bounded() {
        List<Field> bounded = new ArrayList<>();
        for (Field f : fields.values()) if (f.min() != null || f.max() != null) bounded.add(f);
        return bounded;
    }
}
