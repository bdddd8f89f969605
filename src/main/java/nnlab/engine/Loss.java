package nnlab.engine;

/**
 * Loss functions. Targets are given as the data set gives them: regression targets, 0/1 labels for a
 * single-output classifier, class indices (one column) for {@link #SPARSE_CATEGORICAL_CROSSENTROPY}.
 * The reported loss is the mean over examples (and over outputs for MSE/MAE), as Keras reports it.
 */
public enum Loss {
    MSE(false),
    MAE(false),
    BINARY_CROSSENTROPY(true),
    /** Keras's sparse_categorical_crossentropy: softmax outputs, integer labels. */
    SPARSE_CATEGORICAL_CROSSENTROPY(true),
    /** max(0, 1 − t·z) with t = ±1 from 0/1 labels, on a linear output. */
    HINGE(true),
    /** Rosenblatt's rule on a step output: max(0, −t·z); its gradient step is w += lr·(y − ŷ)·x. */
    PERCEPTRON(true);

    private final boolean classification;

    Loss(boolean classification) {
        this.classification = classification;
    }

    public boolean classification() {
        return classification;
    }

    public String id() {
        return Ids.of(this);
    }

    public static Loss fromId(String id, String field) {
        return Ids.parse(values(), id, field, "loss");
    }
}
