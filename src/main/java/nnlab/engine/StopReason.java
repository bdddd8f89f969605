package nnlab.engine;

/** Why a training run ended. */
public enum StopReason {
    /** All requested epochs ran. */
    COMPLETED,
    /** Early stopping found no improvement for {@code patience} epochs. */
    EARLY_STOPPED,
    /** The loss or a weight became NaN or infinite (learning rate too high, for instance). */
    DIVERGED,
    /** Cancelled by the caller between two batches. */
    CANCELLED
}
