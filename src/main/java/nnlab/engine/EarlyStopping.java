package nnlab.engine;

/**
 * Stop when the monitored loss (validation loss if there is a validation set, else training loss) has
 * not improved by more than {@code minDelta} for {@code patience} epochs; optionally go back to the
 * best epoch's weights.
 */
public record EarlyStopping(int patience, double minDelta, boolean restoreBestWeights) {

    void validate(String field) {
        InvalidSpecException.require(patience >= 1 && patience <= 10_000, field + ".patience",
                "must be between 1 and 10000, was " + patience);
        InvalidSpecException.require(Double.isFinite(minDelta) && minDelta >= 0, field + ".minDelta",
                "must be a finite number >= 0, was " + minDelta);
    }
}
