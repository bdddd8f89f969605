package nnlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The playground's input features of a 2-D point, by the ids a spec uses. */
public enum Feature {
    X1("x1", "X1"),
    X2("x2", "X2"),
    X1SQ("x1sq", "X1²"),
    X2SQ("x2sq", "X2²"),
    X1X2("x1x2", "X1·X2"),
    SINX1("sinx1", "sin(X1)"),
    SINX2("sinx2", "sin(X2)");

    private final String id;
    private final String label;

    Feature(String id, String label) {
        this.id = id;
        this.label = label;
    }

    public String id() {
        return id;
    }

    /** How the playground writes the feature. */
    public String label() {
        return label;
    }

    public double valueAt(double x1, double x2) {
        return switch (this) {
            case X1 -> x1;
            case X2 -> x2;
            case X1SQ -> x1 * x1;
            case X2SQ -> x2 * x2;
            case X1X2 -> x1 * x2;
            case SINX1 -> Math.sin(x1);
            case SINX2 -> Math.sin(x2);
        };
    }

    public static Optional<Feature> byId(String id) {
        return Arrays.stream(values()).filter(f -> f.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(Feature::id).toList();
    }
}
