package nnlab.jobs.classic;

import java.util.Arrays;
import java.util.stream.Collectors;
import nnlab.engine.InvalidSpecException;

/** The classic model kinds a job spec's {@code model.kind} may name (a network is the default kind). */
public enum ClassicKind {
    KNN("knn"), TREE("tree"), FOREST("forest"), SVM("svm"), ADABOOST("adaboost");

    private final String id;

    ClassicKind(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static ClassicKind fromId(String id) {
        for (ClassicKind k : values()) if (k.id.equals(id)) return k;
        throw new InvalidSpecException("model.kind", "unknown kind '" + id + "', allowed: network, " + ids());
    }

    static String ids() {
        return Arrays.stream(values()).map(ClassicKind::id).collect(Collectors.joining(", "));
    }
}
