package nnlab.engine;

/** Callbacks from a training run, on the training thread. Keep them short. */
public interface TrainingListener {

    TrainingListener NONE = new TrainingListener() { };

    /** After every optimiser step: the running mean loss of the epoch so far. */
    default void onBatch(int epoch, int batch, int batches, double runningLoss) {
    }

    default void onEpoch(EpochReport report) {
    }
}
