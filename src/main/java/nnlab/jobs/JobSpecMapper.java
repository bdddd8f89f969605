package nnlab.jobs;

import static nnlab.engine.InvalidSpecException.require;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import nnlab.data.DatasetCache;
import nnlab.data.DatasetLimits;
import nnlab.data.DatasetShape;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.Mnist;
import nnlab.engine.DataSplit;
import nnlab.engine.Examples;
import nnlab.engine.Activation;
import nnlab.engine.EarlyStopping;
import nnlab.engine.EngineLimits;
import nnlab.engine.Initializer;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.LayerSpec;
import nnlab.engine.ModelSummary;
import nnlab.engine.Loss;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Optimizer;
import nnlab.engine.Training;
import nnlab.engine.TrainingConfig;
import nnlab.engine.Weights;
import nnlab.jobs.classic.ClassicLimits;
import nnlab.jobs.classic.ClassicSpec;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link JobSpec} into a {@link JobPlan} of engine types, filling defaults and checking bounds from
 * the one {@link SpecDefaults} table, and checks it completely — against the configured limits and against
 * its data set's shape — so that a job that is accepted can start. Data sets come from one
 * {@link DatasetCache}, shared by every job of the server. Every problem is an {@link InvalidSpecException}
 * naming the JSON field.
 */
@Component
public class JobSpecMapper {

    /** Largest seed handed out: 2^53, so that JavaScript reads it back exactly. */
    static final long MAX_GENERATED_SEED = 1L << 53;
    /** Above this many training examples the training metrics are the epoch's running mean (Keras), not a full pass. */
    static final int EVALUATE_TRAIN_UP_TO = 10_000;

    private final LimitsProperties limits;
    private final ClassicLimits classicLimits;
    private final EngineLimits engineLimits;
    private final DatasetLimits datasetLimits;
    private final DatasetCache datasets;
    private final SpecDefaults defaults;

    public JobSpecMapper(LimitsProperties limits) {
        this(limits, ClassicLimits.DEFAULTS);
    }

    @Autowired
    public JobSpecMapper(LimitsProperties limits, ClassicLimits classicLimits) {
        this.limits = limits;
        this.classicLimits = classicLimits;
        this.engineLimits = new EngineLimits(limits.maxLayers(), limits.maxUnits(), limits.maxEpochs(),
                limits.maxBatchSize(), limits.maxParameters(), EngineLimits.DEFAULT.maxInputs());
        this.datasetLimits = new DatasetLimits(limits.maxSamples());
        this.datasets = new DatasetCache(datasetLimits);
        this.defaults = new SpecDefaults(limits, classicLimits);
    }

    /** The defaults and bounds this mapper fills and checks specs with. */
    public SpecDefaults defaults() {
        return defaults;
    }

    public EngineLimits engineLimits() {
        return engineLimits;
    }

    public DatasetLimits datasetLimits() {
        return datasetLimits;
    }

    /**
     * Fills in a seed when there is none, and dataset.seed when there is none (the same seed: it drew the data,
     * as before there were two), so that the stored spec reproduces the run and names both.
     */
    public JobSpec withSeed(JobSpec spec) {
        long seed = spec.seed() != null ? spec.seed() : ThreadLocalRandom.current().nextLong(MAX_GENERATED_SEED);
        return spec.withSeeds(seed);
    }

    /**
     * Maps and checks the whole spec against its data set's shape and estimates the job's memory, without
     * loading any data (MNIST's shape comes from its parameters; the small sets take milliseconds and stay in
     * the shared cache). The network is not allocated.
     */
    public JobPlan plan(JobSpec spec) {
        require(spec.dataset() != null, "dataset", "is required, e.g. {\"name\": \"playground\", \"kind\": \"spiral\"}");
        require(spec.model() != null, "model", "is required: {\"layers\": [...]}, or {\"kind\": \"forest\", ...}");
        require(spec.training() != null, "training", "is required: {\"epochs\": ..., ...}");
        long seed = spec.seed() == null ? 0 : spec.seed();
        long dataSeed = dataSeed(spec);
        JobSpec.Training t = spec.training();
        DatasetSpec datasetSpec = datasetSpec(spec);
        DatasetShape data;
        try {
            data = datasets.shape(datasetSpec, dataSeed);
        } catch (InvalidSpecException e) {
            // the data set names validationSplit as dataset.validationSplit even when it came from training
            if (t.validationSplit() != null && e.field().equals("dataset.validationSplit")) {
                throw new InvalidSpecException("training.validationSplit", e.reason());
            }
            throw e;
        }
        if (!spec.model().isNetwork()) return classicPlan(spec, datasetSpec, data, seed, dataSeed);
        NetworkSpec network = network(spec.model(), data.inputs());
        checkOutputLayer(network, data);
        TrainingConfig config = config(t, network, data);
        checkWork(network, data, config.epochs());
        int grid = 0;
        boolean neurons = false;
        GridForm form = GridForm.PLAIN;
        boolean weights = false;
        if (spec.output() != null) {
            weights = defaults.flag(SpecDefaults.OUTPUT_WEIGHTS, spec.output().weights());
            JobSpec.Grid g = spec.output().grid();
            if (g != null) {
                require(data.plane(), "output.grid",
                        "heatmap grids are for 2-D data sets (playground, xor, separable), not " + data.name());
                grid = defaults.integer(SpecDefaults.GRID_RESOLUTION, g.resolution());
                neurons = defaults.flag(SpecDefaults.GRID_NEURONS, g.neurons());
                form = gridForm(g, grid);
            }
        }
        // the engine's own checks: limits, loss against output layer, output layer against the data's widths
        // (one example of the data set's shape stands in for the data: its labels are in range by construction)
        try (Training check = Training.create(network, config.withBackend(TrainingConfig.Backend.ARRAYS),
                standIn(data), seed, engineLimits)) {
            // nothing to do: creating it validated everything
        }
        return new JobPlan(spec, datasetSpec, data, network, config, seed, dataSeed, grid, neurons, form, weights,
                MemoryEstimate.of(data, network, config, grid), ModelSummary.of(network, imageShape(data)));
    }

    /**
     * A classic model's plan: its options checked against the data; output.grid as for networks (one map per
     * class, a single one for two classes); it has no weights, no network and no training section of its own.
     */
    private JobPlan classicPlan(JobSpec spec, DatasetSpec datasetSpec, DatasetShape data, long seed, long dataSeed) {
        ClassicSpec classic = ClassicSpec.of(spec.model(), data, defaults, classicLimits);
        int grid = 0;
        GridForm form = GridForm.PLAIN;
        if (spec.output() != null) {
            require(!Boolean.TRUE.equals(spec.output().weights()), "output.weights",
                    "a " + classic.kind().id() + " model has no weights to send");
            JobSpec.Grid g = spec.output().grid();
            if (g != null) {
                require(data.plane(), "output.grid",
                        "heatmap grids are for 2-D data sets (playground, xor, separable), not " + data.name());
                require(!Boolean.TRUE.equals(g.neurons()), "output.grid.neurons",
                        "a " + classic.kind().id() + " model has no neurons: its grid is the output's");
                grid = defaults.integer(SpecDefaults.GRID_RESOLUTION, g.resolution());
                form = gridForm(g, grid);
            }
        }
        return new JobPlan(spec, datasetSpec, data, null, null, seed, dataSeed, grid, false, form, false,
                MemoryEstimate.classic(data, classic, grid), null, classic);
    }

    /** MNIST's examples are 28×28 images, flattened before the first dense layer (a Flatten row in the summary). */
    private static List<Integer> imageShape(DatasetShape data) {
        return Datasets.MNIST.equals(data.name()) ? List.of(Mnist.SIDE, Mnist.SIDE) : List.of();
    }

    private GridForm gridForm(JobSpec.Grid g, int resolution) {
        int hidden = defaults.integer(SpecDefaults.GRID_NEURON_RESOLUTION, g.neuronResolution());
        require(hidden == 0 || hidden >= 2, "output.grid.neuronResolution",
                "must be at least 2 points per axis (or 0 for the resolution), was " + hidden);
        String encoding = defaults.text(SpecDefaults.GRID_ENCODING, g.encoding());
        require(encoding.equals("numbers") || encoding.equals("bytes"), "output.grid.encoding",
                "must be numbers or bytes, was " + encoding);
        return new GridForm(hidden == 0 ? resolution : hidden, encoding.equals("bytes"));
    }

    /** Takes a planned job's data set from the shared cache (preparing it if no job holds it). */
    public PreparedJob prepare(JobPlan plan) {
        return PreparedJob.of(plan, datasets.get(plan.datasetSpec(), plan.dataSeed()));
    }

    /** Plans the spec, then prepares its data. */
    public PreparedJob prepare(JobSpec spec) {
        return prepare(plan(spec));
    }

    /** The shared data sets. */
    public DatasetCache datasets() {
        return datasets;
    }

    /** dataset.seed draws the data when it is set; otherwise the job's seed does, as before there were two. */
    static long dataSeed(JobSpec spec) {
        Long own = spec.dataset() == null ? null : spec.dataset().seed();
        if (own != null) return own;
        return spec.seed() == null ? 0 : spec.seed();
    }

    /** The data set to prepare: its seed taken out (it is passed beside), so equal data is shared whichever seed named it. */
    private static DatasetSpec datasetSpec(JobSpec spec) {
        JobSpec.Training t = spec.training();
        DatasetSpec datasetSpec = spec.dataset().withSeed(null);
        if (t.validationSplit() != null) {
            require(datasetSpec.validationSplit() == null || datasetSpec.validationSplit().equals(t.validationSplit()),
                    "training.validationSplit", "is also set as dataset.validationSplit, to a different value");
            datasetSpec = datasetSpec.withValidationSplit(t.validationSplit());
        }
        return datasetSpec;
    }

    private static DataSplit standIn(DatasetShape data) {
        return DataSplit.trainOnly(new Examples(new float[data.inputs()], new float[1], 1, data.inputs(), 1));
    }

    /**
     * A job's size on top of the separate limits: a network, a data set and an epoch count may each be
     * allowed and together still keep a worker for hours.
     */
    private void checkWork(NetworkSpec network, DatasetShape data, int epochs) {
        long rows = data.trainCount();
        double work = (double) network.parameterCount() * rows * epochs;
        require(work <= limits.maxWork(), "training.epochs", String.format(java.util.Locale.ROOT,
                "the job is too large: %,d parameters × %,d training examples × %,d epochs = %.3g, the limit is %.3g"
                        + " (nnlab.limits.max-work); use fewer epochs, fewer examples or a smaller network",
                network.parameterCount(), rows, epochs, work, (double) limits.maxWork()));
    }

    /** The output layer must fit the data set's classes (the engine checks regression targets). */
    private static void checkOutputLayer(NetworkSpec network, DatasetShape data) {
        if (!data.isClassification()) return;
        int last = network.layers().size() - 1;
        String f = "model.layers[" + last + "]";
        int classes = data.outputs();
        int units = network.outputs();
        String names = data.classNames().isEmpty() ? "" : " (" + String.join(", ", data.classNames()) + ")";
        if (network.outputActivation() == Activation.SOFTMAX) {
            require(units == classes, f + ".units", "the data set " + data.name() + " has " + classes + " classes"
                    + names + ", so a softmax output layer needs " + classes + " units, not " + units);
        } else {
            require(units == 1 && classes == 2, f + ".units", classes == 2
                    ? "a " + network.outputActivation().id() + " output layer for two classes" + names
                    + " has 1 unit, not " + units
                    : "the data set " + data.name() + " has " + classes + " classes" + names
                    + ": use a softmax output layer with " + classes + " units");
        }
    }

    NetworkSpec network(JobSpec.Model model, int inputs) {
        require(model.layers() != null && !model.layers().isEmpty(), "model.layers",
                "needs at least one layer (the output layer)");
        require(model.layers().size() <= limits.maxLayers(), "model.layers",
                "at most " + limits.maxLayers() + " layers (nnlab.limits.max-layers), has " + model.layers().size());
        List<LayerSpec> layers = new ArrayList<>();
        for (int l = 0; l < model.layers().size(); l++) {
            JobSpec.Layer layer = model.layers().get(l);
            String f = "model.layers[" + l + "]";
            require(layer != null, f, "must be an object {\"units\": ..., \"activation\": ...}");
            require(layer.units() != null, f + ".units", "is required");
            require(layer.units() >= 1 && layer.units() <= limits.maxUnits(), f + ".units",
                    "must be between 1 and " + limits.maxUnits() + " (nnlab.limits.max-units), was " + layer.units());
            require(layer.activation() != null, f + ".activation", "is required, allowed: " + Activation.ids());
            Activation activation = Activation.fromId(layer.activation(), f + ".activation");
            double dropout = layer.dropout() == null ? (Double) defaults.field(SpecDefaults.DROPOUT).value()
                    : defaults.field(SpecDefaults.DROPOUT).check(layer.dropout(), f + ".dropout");
            boolean norm = defaults.flag(SpecDefaults.BATCH_NORM, layer.batchNorm());
            layers.add(new LayerSpec(layer.units(), activation, dropout, norm));
        }
        Initializer init = Initializer.fromId(defaults.text(SpecDefaults.INIT, model.init()), "model.init");
        Weights weights = model.weights() == null ? null : weights(model.weights());
        return new NetworkSpec(inputs, layers, init, weights);
    }

    private static Weights weights(JobSpec.Weights w) {
        require(w.kernels() != null, "model.weights.kernels", "is required");
        require(w.biases() != null, "model.weights.biases", "is required");
        for (int l = 0; l < w.kernels().size(); l++) {
            double[][] k = w.kernels().get(l);
            require(k != null, "model.weights.kernels[" + l + "]", "must be a matrix");
            for (int i = 0; i < k.length; i++) {
                require(k[i] != null, "model.weights.kernels[" + l + "][" + i + "]", "must be a row of numbers");
            }
        }
        for (int l = 0; l < w.biases().size(); l++) {
            require(w.biases().get(l) != null, "model.weights.biases[" + l + "]", "must be a vector");
        }
        List<Weights.Norm> norms = null;
        if (w.batchNorm() != null) {
            norms = new ArrayList<>();
            for (JobSpec.Norm n : w.batchNorm()) {
                norms.add(n == null ? null : new Weights.Norm(n.gamma(), n.beta(), n.movingMean(), n.movingVariance()));
            }
        }
        try {
            return new Weights(w.kernels(), w.biases(), norms);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("model.weights", e.getMessage());
        }
    }

    TrainingConfig config(JobSpec.Training t, NetworkSpec network, DatasetShape data) {
        Optimizer.Kind kind = Optimizer.Kind.fromId(defaults.text(SpecDefaults.OPTIMIZER, t.optimizer()),
                "training.optimizer");
        if (t.momentum() != null) {
            require(kind == Optimizer.Kind.MOMENTUM, "training.momentum", "only applies to the momentum optimizer");
        }
        Optimizer o = new Optimizer(kind, defaults.number(SpecDefaults.LEARNING_RATE, t.learningRate()),
                kind == Optimizer.Kind.MOMENTUM ? defaults.number(SpecDefaults.MOMENTUM, t.momentum()) : 0,
                defaults.number(SpecDefaults.BETA1, t.beta1()), defaults.number(SpecDefaults.BETA2, t.beta2()),
                defaults.number(SpecDefaults.EPSILON, t.epsilon()), defaults.number(SpecDefaults.RHO, t.rho()));
        Loss loss = t.loss() == null ? defaultLoss(network, data) : Loss.fromId(t.loss(), "training.loss");
        int batch = defaults.integer(SpecDefaults.BATCH_SIZE, t.batchSize());
        int epochs = defaults.integer(SpecDefaults.EPOCHS, t.epochs());
        EarlyStopping es = null;
        if (t.earlyStopping() != null) {
            require(t.earlyStopping().patience() != null, "training.earlyStopping.patience", "is required");
            es = new EarlyStopping(t.earlyStopping().patience(),
                    defaults.number(SpecDefaults.MIN_DELTA, t.earlyStopping().minDelta()),
                    defaults.flag(SpecDefaults.RESTORE_BEST_WEIGHTS, t.earlyStopping().restoreBestWeights()));
        }
        boolean evaluateTrain = t.evaluateTrain() != null ? t.evaluateTrain()
                : data.trainCount() <= EVALUATE_TRAIN_UP_TO;
        TrainingConfig.Task task = data.isClassification() ? TrainingConfig.Task.CLASSIFICATION
                : TrainingConfig.Task.REGRESSION;
        return new TrainingConfig(loss, o, batch, epochs, defaults.number(SpecDefaults.L1, t.l1()),
                defaults.number(SpecDefaults.L2, t.l2()), es, defaults.flag(SpecDefaults.SHUFFLE, t.shuffle()), task,
                evaluateTrain, TrainingConfig.Backend.AUTO);
    }

    private static Loss defaultLoss(NetworkSpec network, DatasetShape data) {
        if (!data.isClassification()) return Loss.MSE;
        return switch (network.outputActivation()) {
            case SOFTMAX -> Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
            case SIGMOID -> Loss.BINARY_CROSSENTROPY;
            case STEP -> Loss.PERCEPTRON;
            default -> Loss.MSE;
        };
    }
}
