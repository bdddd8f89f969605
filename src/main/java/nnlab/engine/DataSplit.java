package nnlab.engine;

/**
 * Training, validation and test examples. Validation and test may be null; when present they have
 * the same widths as the training examples.
 */
public record DataSplit(Examples train, Examples validation, Examples test) {

    public DataSplit {
        if (train == null) throw new IllegalArgumentException("a data split needs training examples");
        checkWidths(train, validation, "validation");
        checkWidths(train, test, "test");
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
