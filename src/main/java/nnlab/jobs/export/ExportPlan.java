package nnlab.jobs.export;

import java.util.List;
import java.util.Locale;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.engine.Activation;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.NetworkSpec;
import nnlab.engine.TrainingConfig;

/**
 * Everything an exported script states: the job's data, its network and its training, all defaults resolved
 * (the spec as nnlab ran it, not as it was typed).
 *
 * @param seed         the job's seed: it draws nnlab's initial weights, shuffling and dropout; the script seeds its
 *                     own generators with it
 * @param augmentation MNIST's augmentation with every field set, or null for none
 */
record ExportPlan(String jobId, long seed, ExportedData data, NetworkSpec network, TrainingConfig config,
                  DatasetSpec.Augmentation augmentation) {

    ExportPlan(String jobId, long seed, ExportedData data, NetworkSpec network, TrainingConfig config) {
        this(jobId, seed, data, network, config, null);
    }

    List<LayerSpec> layers() {
        return network.layers();
    }

    Activation outputActivation() {
        return network.outputActivation();
    }

    Loss loss() {
        return config.loss();
    }

    boolean mnist() {
        return data.name().equals(Datasets.MNIST);
    }

    /** Softmax outputs trained with sparse categorical cross-entropy: PyTorch fuses the two in CrossEntropyLoss. */
    boolean softmaxCrossEntropy() {
        return outputActivation() == Activation.SOFTMAX && loss() == Loss.SPARSE_CATEGORICAL_CROSSENTROPY;
    }

    /** Class indices as targets (one column of integers), not 0/1 values on one output. */
    boolean classIndexTargets() {
        return data.classification() && outputActivation() == Activation.SOFTMAX;
    }

    /** A single output above this is class 1: 0 for tanh, hinge and step outputs (their z), else 0.5. */
    double threshold() {
        Activation out = outputActivation();
        return loss() == Loss.HINGE || out == Activation.TANH || out == Activation.STEP ? 0 : 0.5;
    }

    /** The training examples of an epoch: with augmentation, the images and their copies. */
    int trainedPerEpoch() {
        return augmentation == null ? data.trainCount() : data.trainCount() * (1 + augmentation.copies());
    }

    /** Weight updates per epoch: ⌈training examples / batch size⌉. */
    int stepsPerEpoch() {
        return (trainedPerEpoch() + config.batchSize() - 1) / config.batchSize();
    }

    int testBatches() {
        return (data.testCount() + config.batchSize() - 1) / config.batchSize();
    }

    long parameters() {
        return network.parameterCount();
    }

    boolean batchNorm() {
        return layers().stream().anyMatch(LayerSpec::batchNorm);
    }

    /** The moving means and variances: counted as parameters by nnlab and Keras, buffers to PyTorch. */
    long movingStatistics() {
        return layers().stream().filter(LayerSpec::batchNorm).mapToLong(l -> 2L * l.units()).sum();
    }

    /** "4 → Dense 100 relu → Dense 3 softmax", for the script's opening words. */
    String architecture() {
        StringBuilder s = new StringBuilder(mnist() ? "28×28 images → Flatten 784" : network.inputs() + " inputs");
        for (LayerSpec l : layers()) {
            s.append(" → Dense ").append(l.units()).append(' ').append(l.activation().id());
            if (l.batchNorm()) s.append(" → BatchNorm");
            if (l.dropout() > 0) s.append(" (dropout ").append(Py.number(l.dropout())).append(')');
        }
        return s.toString();
    }

    String fileName(Framework framework) {
        return fileName(jobId, framework);
    }

    static String fileName(String jobId, Framework framework) {
        return "nnlab-job-" + jobId + "-" + framework.id() + ".py";
    }

    String dataFileName() {
        return dataFileName(jobId);
    }

    String weightsFileName() {
        return weightsFileName(jobId);
    }

    static String dataFileName(String jobId) {
        return "nnlab-job-" + jobId + "-data.csv";
    }

    static String weightsFileName(String jobId) {
        return "nnlab-job-" + jobId + "-weights.json";
    }

    String optimizerWords() {
        var o = config.optimizer();
        return String.format(Locale.ROOT, "%s, learning rate %s, batch %d, %d epochs", o.kind().id(),
                Py.number(o.learningRate()), config.batchSize(), config.epochs());
    }
}
