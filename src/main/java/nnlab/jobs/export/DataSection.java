package nnlab.jobs.export;

import java.util.List;
import java.util.Map;
import nnlab.data.Scaling;

/**
 * The data part of a script, in NumPy (the same for both frameworks but for where MNIST comes from): load, split
 * as nnlab did, compute the playground's features, scale with what the training examples give. It leaves
 * x_train, y_train (x_val, y_val and x_test, y_test when the job had them) as float32 inputs and int64 class
 * indices or float32 target columns.
 */
final class DataSection {

    /** The playground's features of a point, in NumPy, by the ids a spec uses (as the playground writes them). */
    private static final Map<String, String> FEATURES = Map.of("x1", "x1", "x2", "x2", "x1sq", "x1 ** 2",
            "x2sq", "x2 ** 2", "x1x2", "x1 * x2", "sinx1", "np.sin(x1)", "sinx2", "np.sin(x2)");
    private static final Map<String, String> LABELS = Map.of("x1", "X1", "x2", "X2", "x1sq", "X1²", "x2sq", "X2²",
            "x1x2", "X1·X2", "sinx1", "sin(X1)", "sinx2", "sin(X2)");

    private final Py py;
    private final ExportPlan plan;
    private final ExportedData d;

    private DataSection(Py py, ExportPlan plan) {
        this.py = py;
        this.plan = plan;
        this.d = plan.data();
    }

    /** @param mnistLoading lines that set x_train_all, y_train_all, x_test, y_test from MNIST's files (uint8) */
    static void write(Py py, ExportPlan plan, List<String> mnistLoading) {
        new DataSection(py, plan).write(mnistLoading);
    }

    private void write(List<String> mnistLoading) {
        switch (d.source()) {
            case MNIST -> mnist(mnistLoading);
            case IRIS -> iris();
            case CSV -> csv();
        }
        if (!d.featureMap().isEmpty()) features(d.featureMap());
        scaling();
        types();
    }

    private void mnist(List<String> loading) {
        int used = d.trainCount() + d.validationCount();
        loading.forEach(py::line);
        py.line("x_train_all, x_test = x_train_all.astype(\"float64\"), x_test.astype(\"float64\")");
        py.line("# the job used the first " + used + " training images and the first " + d.testCount() + " test images");
        py.line("x_train, y_train = x_train_all[:" + used + "], y_train_all[:" + used + "]");
        py.line("x_test, y_test = x_test[:" + d.testCount() + "], y_test[:" + d.testCount() + "]");
        if (d.hasValidation()) {
            py.line("# validation: the last " + d.validationCount() + " of them, as Keras's validation_split takes"
                    + " the last fraction of the training examples");
            py.line("x_val, y_val = x_train[" + d.trainCount() + ":], y_train[" + d.trainCount() + ":]");
            py.line("x_train, y_train = x_train[:" + d.trainCount() + "], y_train[:" + d.trainCount() + "]");
        }
    }

    private void iris() {
        py.section("the data: Fisher's iris flowers from scikit-learn (150 flowers, 4 measurements in cm, 3 species)");
        py.line("iris = load_iris()");
        py.line("x_all = iris.data  # " + String.join(", ", d.columns()));
        py.line("y_all = iris.target  # species as class indices: " + classIndices(d.classNames()));
        py.line("# the job's split, stratified by species and drawn by nnlab from the seed: rows of load_iris()");
        py.line(Py.integerList("TRAIN_ROWS", d.rows().train()));
        if (d.hasValidation()) {
            py.line(Py.integerList("VALIDATION_ROWS", d.rows().validation()));
        }
        if (d.hasTest()) py.line(Py.integerList("TEST_ROWS", d.rows().test()));
        py.line("x_train, y_train = x_all[TRAIN_ROWS], y_all[TRAIN_ROWS]");
        if (d.hasValidation()) py.line("x_val, y_val = x_all[VALIDATION_ROWS], y_all[VALIDATION_ROWS]");
        if (d.hasTest()) py.line("x_test, y_test = x_all[TEST_ROWS], y_all[TEST_ROWS]");
    }

    private void csv() {
        py.section("the data: " + csvWords(d));
        py.line("# from " + plan.dataFileName() + ", which nnlab exports with the job: one row per example, with");
        py.line("# the part nnlab put it in (train, validation or test) in the column split");
        py.line("COLUMNS = " + Py.strings(d.columns()));
        py.line("TARGET = " + Py.string(d.target()));
        py.blank();
        py.blank();
        py.line("def read_part(rows, split):");
        py.line("    chosen = [row for row in rows if row[\"split\"] == split]");
        py.line("    x = np.array([[float(row[c]) for c in COLUMNS] for row in chosen]).reshape(len(chosen), len(COLUMNS))");
        py.line("    y = np.array([float(row[TARGET]) for row in chosen])");
        py.line("    return x, y");
        py.blank();
        py.blank();
        py.line("with open(args.data, newline=\"\") as f:");
        py.line("    rows = list(csv.DictReader(f))");
        py.line("x_train, y_train = read_part(rows, \"train\")");
        if (d.hasValidation()) py.line("x_val, y_val = read_part(rows, \"validation\")");
        if (d.hasTest()) py.line("x_test, y_test = read_part(rows, \"test\")");
    }

    private static String csvWords(ExportedData d) {
        return switch (d.name()) {
            case "boston" -> "Boston housing (" + d.target() + " from " + String.join(", ", d.columns()) + ")";
            case "sin" -> "y = sin(x) + noise";
            case "xor" -> "the XOR truth table";
            default -> "the playground's 2-D points (" + d.name() + ")";
        };
    }

    private void features(List<String> ids) {
        py.blank();
        py.blank();
        py.line("def playground_features(points):");
        py.line("    \"\"\"The playground's input features of each point (x1, x2): "
                + String.join(", ", ids.stream().map(LABELS::get).toList()) + ".\"\"\"");
        py.line("    x1, x2 = points[:, 0], points[:, 1]");
        py.line("    return np.stack([" + String.join(", ", ids.stream().map(FEATURES::get).toList()) + "], axis=1)");
        py.blank();
        py.blank();
        forEachPart("x_{p} = playground_features(x_{p})");
    }

    private void scaling() {
        Scaling s = d.scaling();
        switch (s) {
            case NONE -> py.line("# scaling: none, the inputs go in as they are");
            case MINMAX -> {
                if (plan.mnist()) {
                    py.line("# scaling: every pixel divided by 255, so inputs lie in [0, 1]");
                    forEachPart("x_{p} = x_{p} / 255.0");
                } else {
                    py.line("# scaling: min-max, fitted on the training examples only (nothing of the validation or");
                    py.line("# test examples leaks into training)");
                    py.line("low = x_train.min(axis=0)");
                    py.line("span = x_train.max(axis=0) - low");
                    py.line("span[span == 0] = 1  # a constant column stays as it is");
                    forEachPart("x_{p} = (x_{p} - low) / span");
                }
            }
            case STANDARD -> {
                py.line("# scaling: standard (z-score), fitted on the training examples only (nothing of the validation");
                py.line("# or test examples leaks into training)");
                py.line("mean = x_train.mean(axis=0)");
                py.line("std = x_train.std(axis=0)  # the population standard deviation, as scikit-learn's StandardScaler");
                py.line("std[std == 0] = 1  # a constant column becomes 0");
                forEachPart("x_{p} = (x_{p} - mean) / std");
            }
        }
    }

    private void types() {
        forEachPart("x_{p} = x_{p}.astype(\"float32\")");
        if (plan.classIndexTargets()) {
            py.line("# targets: class indices (sparse labels), one integer per example");
            forEachPart("y_{p} = y_{p}.astype(\"int64\")");
        } else {
            py.line(d.classification() ? "# targets: 0 or 1, one column for the single output"
                    : "# targets: one column of values to predict");
            forEachPart("y_{p} = y_{p}.astype(\"float32\").reshape(-1, 1)");
        }
        py.line("print(f\"{len(x_train)} training" + (d.hasValidation() ? ", {len(x_val)} validation" : "")
                + (d.hasTest() ? ", {len(x_test)} test" : "") + " examples\")");
    }

    /** The line for each part the job has: train, val, test. */
    private void forEachPart(String template) {
        py.line(template.replace("{p}", "train"));
        if (d.hasValidation()) py.line(template.replace("{p}", "val"));
        if (d.hasTest()) py.line(template.replace("{p}", "test"));
    }

    private static String classIndices(List<String> names) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < names.size(); i++) s.append(i > 0 ? ", " : "").append(names.get(i)).append(' ').append(i);
        return s.toString();
    }
}
