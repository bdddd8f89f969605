package nnlab.jobs;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.List;
import nnlab.data.DatasetSpec;

/**
 * One training job, as the REST API, the labs and the playground all describe it. Every nested part
 * is a plain record of JSON values; {@link JobSpecMapper} turns it into engine types and names the
 * field of anything it cannot accept. Unset optional fields take the defaults of {@link SpecDefaults}, the
 * one table the mapper, the OpenAPI document and GET /api/spec/defaults read.
 *
 * @param dataset     which data and how it is generated, split and scaled
 * @param model       the layers (the last one is the output layer) and how the weights start
 * @param training    loss, optimiser and the rest of the training loop
 * @param seed        makes the run reproducible; generated (and returned) when absent
 * @param output      extra live output for 2-D data sets: weights and heatmap grids
 * @param startPaused queue the job paused, to be advanced with step or resume (the playground's first step)
 * @param pace        makes the job paced: it runs only up to the epoch granted (here, then with
 *                    {@code POST /api/jobs/{id}/advance} or a STOMP SEND to {@code /app/jobs/{id}}), and waits
 *                    for more holding no worker; without it a job runs as fast as it goes
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobSpec(@NotNull @Valid DatasetSpec dataset,
                      @NotNull @Valid Model model,
                      @NotNull @Valid Training training,
                      Long seed,
                      @Valid Output output,
                      Boolean startPaused,
                      @Valid Pace pace) {

    /** A spec without a pace. */
    public JobSpec(DatasetSpec dataset, Model model, Training training, Long seed, Output output, Boolean startPaused) {
        this(dataset, model, training, seed, output, startPaused, null);
    }

    /**
     * @param until the epoch the job may run up to before it waits (absolute, so granting twice is harmless); 0 or
     *              absent: it waits for its first grant
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Pace(@PositiveOrZero Integer until) {
        public int epochs() {
            return until == null ? 0 : until;
        }
    }

    /**
     * A network (the default kind) or a classic model; each option belongs to the kinds named beside it.
     *
     * @param layers           network: dense layers in order; the last is the output layer
     * @param init             network: glorot, he, uniform (TensorFlow Playground's) or zeros
     * @param weights          network: explicit initial weights (overrides init), in the format
     *                         GET /api/jobs/{id}/model returns
     * @param kind             network (default), knn, tree, forest, svm or adaboost
     * @param k                knn: neighbours that vote
     * @param maxDepth         tree, forest: deepest split
     * @param minLeaf          tree, forest: fewest (weighted) training examples a leaf keeps
     * @param trees            forest: trees, trained one per step
     * @param featuresPerSplit forest: fraction of the features each split may choose from, (0, 1]
     * @param kernel           svm: linear, polynomial or rbf
     * @param c                svm: the cost of a margin violation
     * @param gamma            svm: the kernel's scale (polynomial, rbf)
     * @param degree           svm: the polynomial kernel's degree
     * @param rounds           adaboost: boosting rounds, one per step
     * @param weakLearner      adaboost: perceptron (the lecture's) or stump
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Model(List<Layer> layers, String init, Weights weights, String kind, Integer k, Integer maxDepth,
                        Integer minLeaf, Integer trees, Double featuresPerSplit, String kernel, Double c, Double gamma,
                        Integer degree, Integer rounds, String weakLearner) {

        /** A network. */
        public Model(List<Layer> layers, String init, Weights weights) {
            this(layers, init, weights, null, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** A classic model of this kind with every option at its default. */
        public static Model classic(String kind) {
            return new Model(null, null, null, kind, null, null, null, null, null, null, null, null, null, null, null);
        }

        /** True unless the kind names a classic model. */
        @JsonIgnore
        public boolean isNetwork() {
            return kind == null || kind.equals("network");
        }
    }

    /**
     * @param units      neurons
     * @param activation linear, sigmoid, tanh, relu, leaky_relu (slope 0.01 below 0), elu, softplus, gaussian
     *                   (e^(−z²)), clipped_linear (min(max(z, 0), 1): its gradient is zero outside [0, 1]), step
     *                   (output only: the perceptron's threshold unit), softmax (output only)
     * @param dropout    fraction of this layer's outputs dropped while training, [0, 1); 0 on the output layer
     * @param batchNorm  Keras's BatchNormalization after this layer's activation (hidden layers without dropout only):
     *                   batch statistics while training, moving averages (momentum 0.99, epsilon 1e-3) at inference;
     *                   γ, β trained, the moving mean and variance not (4 parameters a unit, 2 of them trainable)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Layer(@NotNull Integer units, @NotNull String activation, Double dropout, Boolean batchNorm) {

        public Layer(Integer units, String activation, Double dropout) {
            this(units, activation, dropout, null);
        }
    }

    /**
     * Keras's layout: kernels[layer][input][unit], biases[layer][unit]; batchNorm[layer] the γ, β, moving mean and
     * moving variance of a batch-normalised layer (null for other layers; absent: Keras's initial values).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Weights(@NotNull List<double[][]> kernels, @NotNull List<double[]> biases, List<Norm> batchNorm) {

        public Weights(List<double[][]> kernels, List<double[]> biases) {
            this(kernels, biases, null);
        }
    }

    /** One layer's batch normalisation weights, in Keras's order. */
    public record Norm(double[] gamma, double[] beta, double[] movingMean, double[] movingVariance) {
    }

    /**
     * @param optimizer       sgd (default), momentum, adam or rmsprop
     * @param learningRate    the step size, in (0, 100] (default 0.01)
     * @param batchSize       examples per weight update, up to nnlab.limits.max-batch-size (default 32)
     * @param epochs          passes over the training examples, up to nnlab.limits.max-epochs (default 10)
     * @param loss            mse, mae, binary_crossentropy, sparse_categorical_crossentropy, hinge, perceptron;
     *                        default: mse for regression, else by the output activation (softmax →
     *                        sparse_categorical_crossentropy, sigmoid → binary_crossentropy, else mse)
     * @param l1              L1 penalty on kernels, [0, 10]
     * @param l2              L2 penalty on kernels, [0, 10]
     * @param momentum        for the momentum optimizer only, in [0, 1) (default 0.9)
     * @param beta1           adam's first-moment decay, in [0, 1) (default 0.9)
     * @param beta2           adam's second-moment decay, in [0, 1) (default 0.999)
     * @param epsilon         adam's and rmsprop's guard against division by 0, in (0, 1] (default 1e-7)
     * @param rho             rmsprop's decay, in [0, 1) (default 0.9)
     * @param validationSplit fraction of the training examples held out for validation (same as dataset.validationSplit)
     * @param earlyStopping   stop when the monitored loss stops improving
     * @param shuffle         reshuffle the training examples every epoch
     * @param evaluateTrain   training metrics over all training examples after each epoch (default: true for
     *                        2-D and small sets, as TensorFlow Playground shows them; false for MNIST, Keras's running mean)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Training(String optimizer, Double learningRate, Integer batchSize, Integer epochs, String loss,
                           Double l1, Double l2, Double momentum, Double beta1, Double beta2, Double epsilon,
                           Double rho, Double validationSplit, @Valid EarlyStopping earlyStopping, Boolean shuffle,
                           Boolean evaluateTrain) {
    }

    /**
     * @param patience           epochs without improvement before stopping (required)
     * @param minDelta           smallest decrease that counts as improvement
     * @param restoreBestWeights go back to the best epoch's weights when stopping
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record EarlyStopping(@NotNull Integer patience, Double minDelta, Boolean restoreBestWeights) {
    }

    /**
     * @param weights include the network's weights in snapshot messages
     * @param grid    include heatmap grids (2-D data sets only)
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Output(Boolean weights, @Valid Grid grid) {
    }

    /**
     * @param resolution       points per axis over [−6, 6]²
     * @param neurons          a grid per neuron of every layer, not only the output
     * @param neuronResolution points per axis of the hidden neurons' grids (smaller maps, less traffic); default:
     *                         the resolution
     * @param encoding         numbers (default: {@code layers} of numbers) or bytes (each map quantised to 256
     *                         levels between its own low and high, base64: {@code packed} and {@code ranges})
     */
    @Schema(description = "Heatmap grids over [-6, 6]², sent at most nnlab.live.max-snapshots-per-second times per second")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Grid(Integer resolution, Boolean neurons, Integer neuronResolution, String encoding) {
    }

    public JobSpec withSeed(long s) {
        return new JobSpec(dataset, model, training, s, output, startPaused, pace);
    }

    /** The seed set, and dataset.seed set to it when it was not given (the data it drew), so that the spec names both. */
    public JobSpec withSeeds(long s) {
        DatasetSpec d = dataset == null || dataset.seed() != null ? dataset : dataset.withSeed(s);
        return new JobSpec(d, model, training, s, output, startPaused, pace);
    }

    public boolean paced() {
        return pace != null;
    }

    public boolean pausedAtStart() {
        return Boolean.TRUE.equals(startPaused);
    }
}
