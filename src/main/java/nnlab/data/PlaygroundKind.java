package nnlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The TensorFlow Playground's data sets, by the ids a spec uses. */
public enum PlaygroundKind {
    CIRCLE("circle", Task.CLASSIFICATION),
    XOR("xor", Task.CLASSIFICATION),
    GAUSS("gauss", Task.CLASSIFICATION),
    SPIRAL("spiral", Task.CLASSIFICATION),
    REG_PLANE("reg-plane", Task.REGRESSION),
    REG_GAUSS("reg-gauss", Task.REGRESSION);

    /** The playground's own sample counts. */
    public static final int CLASSIFICATION_SAMPLES = 500;
    public static final int REGRESSION_SAMPLES = 1200;

    private final String id;
    private final Task task;

    PlaygroundKind(String id, Task task) {
        this.id = id;
        this.task = task;
    }

    public String id() {
        return id;
    }

    public Task task() {
        return task;
    }

    public int defaultSamples() {
        return task == Task.CLASSIFICATION ? CLASSIFICATION_SAMPLES : REGRESSION_SAMPLES;
    }

    public static Optional<PlaygroundKind> byId(String id) {
        return Arrays.stream(values()).filter(k -> k.id.equals(id)).findFirst();
    }

    public static List<String> ids() {
        return Arrays.stream(values()).map(PlaygroundKind::id).toList();
    }
}
