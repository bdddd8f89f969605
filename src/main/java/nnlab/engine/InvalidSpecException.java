package nnlab.engine;

/**
 * A specification that cannot be trained: names the offending field (a JSON-pointer-like path such as
 * {@code model.layers[2].units}) and says what is allowed. Thrown before any training starts.
 */
public class InvalidSpecException extends IllegalArgumentException {

    private final String field;

    public InvalidSpecException(String field, String message) {
        super(field + ": " + message);
        this.field = field;
    }

    public String field() {
        return field;
    }

    /** The message without the field prefix. */
    public String reason() {
        return getMessage().substring(field.length() + 2);
    }

    public static void require(boolean condition, String field, String message) {
        if (!condition) throw new InvalidSpecException(field, message);
    }
}
