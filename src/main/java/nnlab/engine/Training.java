package nnlab.engine;

import java.util.SplittableRandom;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * One training run: a network, its parameters and optimiser state, and the data, trained epoch by
 * epoch. The same spec, data and seed give the same numbers, bit for bit, on the same machine.
 *
 * <p>Used from one thread; {@link #cancel()} and {@link #setLearningRate(double)} may be called from
 * any thread and take effect before the next batch.
 */
public final class Training implements AutoCloseable {

    /** Multiply-adds per batch above which native matrix products beat plain Java loops (measured, see README). */
    static final long NATIVE_THRESHOLD_MACS = 200_000;
    private static final int EVAL_CHUNK = 1024;

    private final NetworkSpec spec;
    private final TrainingConfig config;
    private final DataSplit data;
    /** The training examples this run reads: the split's, or from epoch 2 its own copy when they are redrawn. */
    private Examples train;
    private final ParameterLayout layout;
    private final Kernel kernel;
    private final OutputLoss outputLoss;
    private final Updater updater;
    /** Set for the single-precision kernel, whose gradient is float: then {@link #floatUpdater} steps. */
    private final BlasKernel blas;
    private final FloatUpdater floatUpdater;
    private final SplittableRandom shuffleRng;
    private final SplittableRandom dropoutRng;
    private final double[] params;
    private final double[] gradient;
    private final int[] order;
    private final int trainTable;
    private final int validationTable;
    private final int testTable;
    private final double[] outZ;
    private final double[] outA;
    private final double[] outGrad;
    private final double[][] masks;
    private final boolean hasDropout;
    private volatile double learningRate;
    private volatile boolean cancelled;
    private int epoch;
    private StopReason stopped;
    private double bestLoss = Double.POSITIVE_INFINITY;
    private int epochsSinceBest;
    private double[] bestParams;

    private Training(NetworkSpec spec, TrainingConfig config, DataSplit data, long seed, Kernel kernel,
                     ParameterLayout layout) {
        this.spec = spec;
        this.config = config;
        this.data = data;
        this.train = data.train();
        this.layout = layout;
        this.kernel = kernel;
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom initRng = root.split();
        shuffleRng = root.split();
        dropoutRng = root.split();
        params = spec.initialWeights() != null
                ? layout.fromWeights(spec.initialWeights(), "model.weights")
                : initialParameters(spec, layout, initRng);
        blas = kernel instanceof BlasKernel b ? b : null;
        gradient = new double[blas == null ? layout.size : 0];
        updater = blas == null ? Updater.of(config.optimizer(), layout.size) : null;
        floatUpdater = blas == null ? null : FloatUpdater.of(config.optimizer(), layout.size);
        learningRate = config.optimizer().learningRate();
        outputLoss = new OutputLoss(config.loss(), spec.outputActivation(), layout.outputs(), config.classification());
        order = new int[data.train().count()];
        for (int i = 0; i < order.length; i++) order[i] = i;
        int widest = Math.max(config.batchSize(), EVAL_CHUNK);
        outZ = new double[widest * layout.outputs()];
        outA = new double[widest * layout.outputs()];
        outGrad = new double[config.batchSize() * layout.outputs()];
        masks = new double[layout.layers][];
        boolean anyDropout = false;
        for (int l = 0; l < layout.layers; l++) {
            if (layout.dropout[l] > 0) {
                masks[l] = new double[config.batchSize() * layout.units[l]];
                anyDropout = true;
            }
        }
        hasDropout = anyDropout;
        trainTable = kernel.load(data.train());
        validationTable = data.validation() == null ? -1 : kernel.load(data.validation());
        testTable = data.test() == null ? -1 : kernel.load(data.test());
        kernel.setParameters(params);
    }

    public static Training create(NetworkSpec spec, TrainingConfig config, DataSplit data, long seed) {
        return create(spec, config, data, seed, EngineLimits.DEFAULT);
    }

    /** Validates everything first: a bad spec throws {@link InvalidSpecException} before any allocation. */
    public static Training create(NetworkSpec spec, TrainingConfig config, DataSplit data, long seed,
                                  EngineLimits limits) {
        SpecValidator.validate(spec, config, data, limits);
        ParameterLayout layout = new ParameterLayout(spec);
        return new Training(spec, config, data, seed, kernelFor(layout, config), layout);
    }

    static Kernel kernelFor(ParameterLayout layout, TrainingConfig config) {
        boolean large = layout.macsPerExample() * config.batchSize() >= NATIVE_THRESHOLD_MACS;
        return switch (config.backend()) {
            case BLAS -> new BlasKernel(layout);
            case ND4J -> new Nd4jKernel(layout, DataType.FLOAT);
            case ARRAYS -> new ArrayKernel(layout);
            case AUTO -> large ? new BlasKernel(layout) : new ArrayKernel(layout);
        };
    }

    static double[] initialParameters(NetworkSpec spec, ParameterLayout layout, SplittableRandom rng) {
        double[] p = new double[layout.size];
        for (int l = 0; l < layout.layers; l++) {
            double[] kernel = new double[layout.fanIn[l] * layout.units[l]];
            double[] bias = new double[layout.units[l]];
            spec.init().fill(kernel, bias, layout.fanIn[l], layout.units[l], rng);
            System.arraycopy(kernel, 0, p, layout.kernelOffset[l], kernel.length);
            System.arraycopy(bias, 0, p, layout.biasOffset[l], bias.length);
            if (layout.normOffset[l] >= 0) BatchNorm.initialise(p, layout.normOffset[l], layout.units[l]);
        }
        return p;
    }

    /** Runs epochs until the configured number, early stopping, divergence or cancellation. */
    public StopReason fit(TrainingListener listener) {
        while (stopped == null) {
            runEpoch(listener);
        }
        return stopped;
    }

    /** Runs one epoch; after the configured epochs, or a stop, it does nothing and returns null. */
    public EpochReport runEpoch(TrainingListener listener) {
        if (stopped != null) return null;
        if (epoch >= config.epochs()) {
            stopped = StopReason.COMPLETED;
            return null;
        }
        long start = System.nanoTime();
        double lr = learningRate;
        epoch++;
        if (data.redraw() != null && epoch > 1) redraw();
        if (config.shuffle()) shuffle();
        MetricSums running = new MetricSums(config.classification());
        int n = order.length;
        int batch = config.batchSize();
        int batches = (n + batch - 1) / batch;
        int steps = 0;
        boolean diverged = false;
        for (int b = 0; b < batches && !cancelled; b++) {
            int from = b * batch;
            int rows = Math.min(batch, n - from);
            double batchLoss = step(from, rows, running, lr);
            steps++;
            listener.onBatch(epoch, steps, batches, running.meanLoss());
            if (!Double.isFinite(batchLoss)) {
                diverged = true;
                break;
            }
            lr = learningRate;
        }
        Metrics train = config.evaluateTrain() && !diverged ? evaluate(trainTable, this.train) : running.metrics();
        Metrics validation = validationTable < 0 ? Metrics.NONE : evaluate(validationTable, data.validation());
        Metrics test = testTable < 0 ? Metrics.NONE : evaluate(testTable, data.test());
        double norm = weightNorm();
        StopReason stop = decideStop(diverged || !Double.isFinite(norm) || !train.finite(), train, validation);
        EpochReport report = new EpochReport(epoch, steps, train, validation, test,
                (System.nanoTime() - start) / 1e9, norm, lr, stop);
        listener.onEpoch(report);
        return report;
    }

    /** Epoch 1's rows are the split's own; later epochs redraw theirs in one copy made here, once. */
    private void redraw() {
        if (train == data.train()) {
            train = new Examples(train.x().clone(), train.y(), train.count(), train.inputs(), train.outputs());
            kernel.replace(trainTable, train);
        }
        data.redraw().draw(epoch, train.x());
    }

    private StopReason decideStop(boolean diverged, Metrics train, Metrics validation) {
        if (diverged) {
            stopped = StopReason.DIVERGED;
        } else if (cancelled) {
            stopped = StopReason.CANCELLED;
        } else if (earlyStop(validationTable >= 0 ? validation.loss() : train.loss())) {
            stopped = StopReason.EARLY_STOPPED;
        } else if (epoch >= config.epochs()) {
            stopped = StopReason.COMPLETED;
        }
        return stopped;
    }

    private boolean earlyStop(double monitored) {
        EarlyStopping es = config.earlyStopping();
        if (es == null) return false;
        if (monitored < bestLoss - es.minDelta()) {
            bestLoss = monitored;
            epochsSinceBest = 0;
            if (es.restoreBestWeights()) bestParams = params.clone();
            return false;
        }
        if (++epochsSinceBest < es.patience()) return false;
        if (es.restoreBestWeights() && bestParams != null) {
            System.arraycopy(bestParams, 0, params, 0, params.length);
            kernel.setParameters(params);
        }
        return true;
    }

    /** One optimiser step on rows order[from..from+rows); returns the batch's summed loss. */
    private double step(int from, int rows, MetricSums running, double lr) {
        double[][] batchMasks = hasDropout ? drawMasks(rows) : null;
        kernel.training(true);
        kernel.forward(trainTable, order, from, rows, batchMasks);
        kernel.read(layout.layers - 1, outZ, outA);
        double loss = outputLoss.score(outZ, outA, train, order, from, rows, outGrad, running);
        if (!Double.isFinite(loss)) return loss;
        if (blas != null) {
            blas.backward(outGrad);
            addPenaltyGradient(params, blas.gradient());
            floatUpdater.step(blas.gradient(), lr);
            blas.descend(params);
            if (layout.anyNorm) blas.updateMovingStatistics(params);
        } else {
            kernel.backward(outGrad, gradient);
            addPenaltyGradient();
            updater.step(params, gradient, lr);
            if (layout.anyNorm) kernel.updateMovingStatistics(params);
            kernel.setParameters(params);
        }
        return loss;
    }

    private double[][] drawMasks(int rows) {
        for (int l = 0; l < layout.layers; l++) {
            double p = layout.dropout[l];
            if (p == 0) continue;
            double keep = 1 / (1 - p);
            double[] m = masks[l];
            for (int i = 0; i < rows * layout.units[l]; i++) m[i] = dropoutRng.nextDouble() < p ? 0 : keep;
        }
        return masks;
    }

    /** ∂/∂w of l1·Σ|w| + l2·Σw², on kernels only. */
    private void addPenaltyGradient() {
        double l1 = config.l1();
        double l2 = config.l2();
        if (l1 == 0 && l2 == 0) return;
        for (int l = 0; l < layout.layers; l++) {
            for (int i = layout.kernelOffset[l]; i < layout.biasOffset[l]; i++) {
                gradient[i] += l1 * Math.signum(params[i]) + 2 * l2 * params[i];
            }
        }
    }

    /** The same penalty into a float gradient. */
    private void addPenaltyGradient(double[] p, float[] g) {
        double l1 = config.l1();
        double l2 = config.l2();
        if (l1 == 0 && l2 == 0) return;
        for (int l = 0; l < layout.layers; l++) {
            for (int i = layout.kernelOffset[l]; i < layout.biasOffset[l]; i++) {
                g[i] += (float) (l1 * Math.signum(p[i]) + 2 * l2 * p[i]);
            }
        }
    }

    private void shuffle() {
        for (int i = order.length - 1; i > 0; i--) {
            int j = shuffleRng.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
    }

    private Metrics evaluate(int table, Examples examples) {
        MetricSums sums = new MetricSums(config.classification());
        kernel.training(false);
        for (int from = 0; from < examples.count(); from += EVAL_CHUNK) {
            int rows = Math.min(EVAL_CHUNK, examples.count() - from);
            kernel.forward(table, null, from, rows, null);
            kernel.read(layout.layers - 1, outZ, outA);
            outputLoss.score(outZ, outA, examples, null, from, rows, null, sums);
        }
        return sums.metrics();
    }

    /** The current weights' metrics over the training examples: an evaluation, not an epoch. */
    public Metrics trainMetrics() {
        return evaluate(trainTable, train);
    }

    /** The current weights' metrics over the test examples, {@link Metrics#NONE} without a test set. */
    public Metrics testMetrics() {
        return testTable < 0 ? Metrics.NONE : evaluate(testTable, data.test());
    }

    /** Euclidean norm of all kernels (biases left out, as in the perceptron lab's plot). */
    public double weightNorm() {
        double s = 0;
        for (int l = 0; l < layout.layers; l++) {
            for (int i = layout.kernelOffset[l]; i < layout.biasOffset[l]; i++) s += params[i] * params[i];
        }
        return Math.sqrt(s);
    }

    /** Changes the learning rate from the next batch on; optimiser state is kept. */
    public void setLearningRate(double lr) {
        Optimizer.checkLearningRate(lr, "learningRate");
        learningRate = lr;
    }

    public double learningRate() {
        return learningRate;
    }

    /** Stops the run before its next batch; the current epoch is reported with what it finished. */
    public void cancel() {
        cancelled = true;
    }

    public int epoch() {
        return epoch;
    }

    /** Null while training can go on. */
    public StopReason stopReason() {
        return stopped;
    }

    public NetworkSpec spec() {
        return spec;
    }

    public TrainingConfig config() {
        return config;
    }

    /** The current weights as an immutable model that predicts in plain Java, independent of this run. */
    public Model snapshot() {
        return new Model(spec, params.clone());
    }

    public Weights weights() {
        return layout.toWeights(params);
    }

    /** Which kernel runs this training: "blas", "nd4j" or "arrays". */
    public String backend() {
        return kernel instanceof BlasKernel ? "blas" : kernel instanceof Nd4jKernel ? "nd4j" : "arrays";
    }

    @Override
    public void close() {
        kernel.close();
    }
}
