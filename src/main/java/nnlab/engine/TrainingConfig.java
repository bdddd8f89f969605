package nnlab.engine;

/**
 * How to train: loss, optimiser, batch size, epochs, regularisation, early stopping.
 *
 * @param l1              penalty l1·Σ|w| on kernels (not biases)
 * @param l2              penalty l2·Σw² on kernels (not biases), Keras's convention
 * @param earlyStopping   null for none
 * @param shuffle         reshuffle the training examples every epoch (seeded)
 * @param task            null to follow the loss (MSE/MAE regress, the others classify)
 * @param evaluateTrain   true: training metrics are computed on all training examples after each epoch
 *                        (TensorFlow Playground); false: the running mean over the epoch's batches (Keras)
 * @param backend         which kernel runs the arithmetic; AUTO picks by network and batch size: OpenBLAS
 *                        in single precision ({@code BLAS}) for large ones, plain Java in double precision
 *                        ({@code ARRAYS}) for small ones; {@code ND4J} is the older native kernel, chosen only
 *                        explicitly
 */
public record TrainingConfig(Loss loss, Optimizer optimizer, int batchSize, int epochs, double l1, double l2,
                             EarlyStopping earlyStopping, boolean shuffle, Task task, boolean evaluateTrain,
                             Backend backend) {

    public enum Task { CLASSIFICATION, REGRESSION }

    public enum Backend { AUTO, BLAS, ND4J, ARRAYS }

    public TrainingConfig {
        if (backend == null) backend = Backend.AUTO;
    }

    public static TrainingConfig of(Loss loss, Optimizer optimizer, int batchSize, int epochs) {
        return new TrainingConfig(loss, optimizer, batchSize, epochs, 0, 0, null, true, null, false, Backend.AUTO);
    }

    public boolean classification() {
        return task == null ? loss.classification() : task == Task.CLASSIFICATION;
    }

    public TrainingConfig withRegularization(double l1, double l2) {
        return new TrainingConfig(loss, optimizer, batchSize, epochs, l1, l2, earlyStopping, shuffle, task,
                evaluateTrain, backend);
    }

    public TrainingConfig withEarlyStopping(EarlyStopping es) {
        return new TrainingConfig(loss, optimizer, batchSize, epochs, l1, l2, es, shuffle, task, evaluateTrain, backend);
    }

    public TrainingConfig withBackend(Backend b) {
        return new TrainingConfig(loss, optimizer, batchSize, epochs, l1, l2, earlyStopping, shuffle, task,
                evaluateTrain, b);
    }

    public TrainingConfig withEvaluateTrain(boolean evaluate) {
        return new TrainingConfig(loss, optimizer, batchSize, epochs, l1, l2, earlyStopping, shuffle, task,
                evaluate, backend);
    }

    public TrainingConfig withShuffle(boolean s) {
        return new TrainingConfig(loss, optimizer, batchSize, epochs, l1, l2, earlyStopping, s, task, evaluateTrain,
                backend);
    }

    public TrainingConfig withTask(Task t) {
        return new TrainingConfig(loss, optimizer, batchSize, epochs, l1, l2, earlyStopping, shuffle, t, evaluateTrain,
                backend);
    }
}
