package nnlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How input columns are rescaled, by the ids a spec uses. Targets are never rescaled. */
public enum Scaling {
    /** Inputs as they are. */
    NONE("none"),
    /** z-score: (x − mean) / standard deviation, both from the training examples. */
    STANDARD("standard"),
    /** (x − min) / (max − min), min and max from the training examples, so training inputs lie in [0, 1]. */
    MINMAX("minmax");

    private final String id;

    Scaling(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Scaling> byId(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Scaling::id).toList();
    }
}
