package nnlab.engine;

/**
 * Training, validation and test examples. Validation and test may be null; when present they have
 * the same widths as the training examples.
 *
 * @param redraw null, or how training rows are drawn anew each epoch ({@code train} holds epoch 1's)
 */
public record DataSplit(Examples train, Examples validation, Examples test, Redraw redraw) {

    public DataSplit(Examples train, Examples validation, Examples test) {
        this(train, validation, test, null);
    }

    public DataSplit {
        if (train == null) throw new IllegalArgumentException("a data split needs training examples");
        checkWidths(train, validation, "validation");
        checkWidths(train, test, "test");
    }

    /** The same examples, their training rows redrawn every epoch by {@code redraw}. */
    public DataSplit withRedraw(Redraw redraw) {
        return new DataSplit(train, validation, test, redraw);
    }

    public static DataSplit trainOnly(Examples train) {
        return new DataSplit(train, null, null);
    }

    private static void checkWidths(Examples train, Examples other, String name) {
        if (other != null && (other.inputs() != train.inputs() || other.outputs() != train.outputs())) {
            throw new IllegalArgumentException(name + " examples must have the training examples' widths");
        }
    }
}
