package nnlab.jobs;

import nnlab.data.DatasetShape;
import nnlab.engine.LayerSpec;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Optimizer;
import nnlab.engine.TrainingConfig;
import nnlab.jobs.classic.ClassicSpec;

/**
 * The heap a job needs while it trains, in two parts: its data set, which every job with the same data
 * shares (reserved once, see {@link MemoryLedger}), and what the job holds alone. The formula, in bytes:
 *
 * <pre>
 * data = examples × (inputs + 1) × 4                     (float inputs and one target column, all parts;
 *        + a scaled copy while preparing, for standard       2-D sets add ~40 per point)
 *          scaling
 * job  = P × 8 × (5 + optimiser state + best)             (parameters, gradient, the kernel's copy, the
 *                                                           published model and the next one; Adam keeps
 *                                                           2 more copies, momentum and RMSprop 1, SGD none;
 *                                                           restoreBestWeights 1)
 *      + rows × (inputs + 1 + 4 × Σunits) × 8             (activations, pre-activations, deltas, masks of
 *                                                           each batch shape: rows = 2 × batch + 3 × min(1024, n))
 *      + min(1024, n) × inputs × 4                         (the staging rows handed to ND4J)
 *      + train × 4                                         (the shuffled order)
 *      + n × (outputs × 8 + 32)                            (a confusion matrix over the largest part)
 *      + epochs × 400                                      (the epoch history kept in memory)
 *      + grid² × (inputs + Σunits) × 16                    (heatmap rows and maps, when asked for)
 *      + 1 MiB                                             (the job, its runner and messages)
 *      + train × inputs × 4                                (its own copy of the training inputs, when
 *                                                           augmentation redraws them every epoch)
 * </pre>
 *
 * where P is the parameter count and n the largest of the train, validation and test parts. ND4J's
 * buffers for the batches live outside the heap (JavaCPP); they are counted here too, at double width,
 * since the container must hold them as well.
 *
 * @param dataKey   the data set's identity: jobs with equal keys share it
 * @param dataBytes the shared part
 * @param jobBytes  the job's own part
 */
public record MemoryEstimate(Object dataKey, long dataBytes, long jobBytes) {

    static final int EVALUATION_CHUNK = 1024;
    static final long JOB_OVERHEAD = 1L << 20;
    static final long EPOCH_BYTES = 400;

    public long total() {
        return dataBytes + jobBytes;
    }

    static MemoryEstimate of(DatasetShape data, NetworkSpec network, TrainingConfig config, int grid) {
        long p = network.parameterCount();
        long copies = 5 + optimiserCopies(config.optimizer().kind())
                + (config.earlyStopping() != null && config.earlyStopping().restoreBestWeights() ? 1 : 0);
        long units = 0;
        for (LayerSpec layer : network.layers()) units += layer.units();
        int n = data.largestPart();
        int chunk = Math.min(EVALUATION_CHUNK, n);
        long rows = 2L * Math.min(config.batchSize(), data.trainCount()) + 3L * chunk;
        long job = p * 8 * copies
                + rows * (network.inputs() + 1 + 4 * units) * 8
                + (long) chunk * network.inputs() * 4
                + (long) data.trainCount() * 4
                + (long) n * (network.outputs() * 8L + 32)
                + config.epochs() * EPOCH_BYTES
                + (long) grid * grid * (network.inputs() + units) * 16
                + JOB_OVERHEAD
                + data.perRunBytes();
        return new MemoryEstimate(data.key(), data.bytes() + data.preparingBytes(), job);
    }

    /**
     * A classic model's own heap: Tribuo's copy of the training examples (some 32 bytes a feature, the first
     * always kept), our rows of every part as doubles and their running class scores, the trees' nodes (a node
     * per training example at most, some 200 bytes each, per tree) and the grid.
     */
    static MemoryEstimate classic(DatasetShape data, ClassicSpec classic, int grid) {
        long n = (long) data.trainCount() + data.validationCount() + data.testCount();
        int trees = switch (classic.kind()) {
            case TREE -> 1;
            case FOREST -> classic.trees();
            default -> 0;
        };
        long job = (long) data.trainCount() * data.inputs() * 32
                + n * (data.inputs() + data.outputs()) * 8
                + (long) trees * data.trainCount() * 200
                + (long) classic.rounds() * 64
                + (long) grid * grid * (data.inputs() + data.outputs()) * 16
                + JOB_OVERHEAD
                + data.perRunBytes();
        return new MemoryEstimate(data.key(), data.bytes() + data.preparingBytes(), job);
    }

    private static int optimiserCopies(Optimizer.Kind kind) {
        return switch (kind) {
            case SGD -> 0;
            case MOMENTUM, RMSPROP -> 1;
            case ADAM -> 2;
        };
    }

    /** In MiB, rounded up, for messages. */
    static long mib(long bytes) {
        return (bytes + (1L << 20) - 1) >> 20;
    }
}
