package nnlab.data;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Each data set's description and parameters, declared once: {@link Datasets#describe()} lists
 * them and {@link Datasets#prepare} reads a spec through them (defaults, ranges, allowed values).
 */
final class Catalogue {

    static final List<String> SIGNS = List.of("negative", "positive");
    static final List<String> THREE = List.of("negative", "positive", "third");
    static final List<String> BITS = List.of("0", "1");
    static final List<String> DIGITS = IntStream.range(0, 10).mapToObj(String::valueOf).toList();

    private static final List<Task> CLASSIFICATION = List.of(Task.CLASSIFICATION);
    private static final List<Task> REGRESSION = List.of(Task.REGRESSION);

    private Catalogue() {
    }

    static DatasetInfo info(String name, DatasetLimits limits) {
        return switch (name) {
            case Datasets.PLAYGROUND -> playground(limits);
            case Datasets.XOR -> xor();
            case Datasets.SEPARABLE -> separable(limits);
            case Datasets.SINE -> sine(limits);
            case Datasets.IRIS -> iris();
            case Datasets.BOSTON -> boston();
            case Datasets.MNIST -> mnist();
            case Datasets.POINTS -> points();
            case Datasets.OUTLIER -> outlier();
            default -> throw new IllegalArgumentException("no data set " + name);
        };
    }

    private static DatasetInfo playground(DatasetLimits limits) {
        return new DatasetInfo(Datasets.PLAYGROUND,
                "TensorFlow Playground's 2-D sets: circle, xor, gauss, spiral (classes), reg-plane, reg-gauss (values)",
                List.of(Task.CLASSIFICATION, Task.REGRESSION), PlaygroundKind.CLASSIFICATION_SAMPLES, 2, 2, SIGNS,
                "generated with the geometry of TensorFlow Playground (playground.tensorflow.org)",
                List.of(ParameterInfo.choice("kind", "which picture", PlaygroundKind.CIRCLE.id(), PlaygroundKind.ids()),
                        ParameterInfo.number("noise", "the playground's noise slider (0–50) divided by 100",
                                0, 0, Playground.MAX_NOISE),
                        trainRatio(0.5, ""),
                        samples(PlaygroundKind.CLASSIFICATION_SAMPLES, limits,
                                "; by default 500 for classification kinds, 1200 for regression kinds"),
                        planeFeatures(), validationSplit(), scaling(Scaling.NONE, ""),
                        ParameterInfo.integer("classes", "number of classes: 3 adds a third class (label 2, \"third\") "
                                + "to circle, gauss and spiral, for a softmax output with 3 units", 2, 2, 3)));
    }

    /** The most points a spec may list (the playground's clicked or uploaded points). */
    static final int MAX_POINTS = 1000;

    private static DatasetInfo points() {
        return new DatasetInfo(Datasets.POINTS, "your own 2-D points, [x1, x2, class] each, in [−6, 6]²",
                CLASSIFICATION, 0, 2, 2, SIGNS, "given in the spec (the playground's clicked or uploaded points)",
                List.of(ParameterInfo.points("points", "the examples, each [x1, x2, label]: x1 and x2 in [−6, 6], "
                                + "the label a class index (0 to classes − 1)", 2, MAX_POINTS),
                        ParameterInfo.integer("classes", "number of classes, 2 or 3", 2, 2, 3),
                        trainRatio(0.5, ""), planeFeatures(), scaling(Scaling.NONE, "")));
    }

    private static DatasetInfo xor() {
        return new DatasetInfo(Datasets.XOR, "the XOR truth table: (0,0)→0, (0,1)→1, (1,0)→1, (1,1)→0",
                CLASSIFICATION, 4, 2, 2, BITS, "the four points, all for training; no test set",
                List.of(planeFeatures(), scaling(Scaling.NONE, "")));
    }

    private static DatasetInfo separable(DatasetLimits limits) {
        return new DatasetInfo(Datasets.SEPARABLE,
                "two linearly separable gaussian clouds around (2, 2) and (−2, −2)",
                CLASSIFICATION, 100, 2, 2, SIGNS,
                "generated; x1 + x2 >= 1 for every positive point and <= −1 for every negative one",
                List.of(samples(100, limits, ""), trainRatio(0.8, ""), planeFeatures(), validationSplit(),
                        scaling(Scaling.NONE, "")));
    }

    private static DatasetInfo sine(DatasetLimits limits) {
        return new DatasetInfo(Datasets.SINE, "y = sin(x) + gaussian noise, x uniform in [−π, π]",
                REGRESSION, 200, 1, 0, List.of(), "generated",
                List.of(samples(200, limits, ""),
                        ParameterInfo.number("noise", "standard deviation of the noise added to sin(x)", 0.1, 0, 1),
                        trainRatio(0.8, ""), validationSplit(), scaling(Scaling.NONE, "")));
    }

    private static DatasetInfo outlier() {
        return new DatasetInfo(Datasets.OUTLIER, "y = 2x + 1 + gaussian noise at 20 x uniform in [0, 5], plus one "
                + "outlier (4, −15) among the training points; 20 test points from the same line, no outlier",
                REGRESSION, 2 * SmallSets.OUTLIER_POINTS + 1, 1, 0, List.of(), "generated",
                List.of(ParameterInfo.number("noise", "standard deviation of the noise added to 2x + 1", 0.5, 0, 5),
                        validationSplit(), scaling(Scaling.NONE, "")));
    }

    private static DatasetInfo iris() {
        return new DatasetInfo(Datasets.IRIS, "Fisher's iris flowers: 4 measurements in cm, 3 species",
                CLASSIFICATION, Iris.COUNT, Iris.FEATURES.size(), Iris.CLASSES.size(), Iris.CLASSES,
                "R. A. Fisher (1936), measured by E. Anderson; public domain",
                List.of(trainRatio(0.8, "; split per species, so both parts keep the 1:1:1 proportions"),
                        validationSplit(), scaling(Scaling.NONE, "")));
    }

    private static DatasetInfo boston() {
        return new DatasetInfo(Datasets.BOSTON,
                "Boston housing: 13 attributes of 506 census tracts and the median home value MEDV in $1000s",
                REGRESSION, Boston.COUNT, Boston.DEFAULT_FEATURES.size(), 0, List.of(),
                "Harrison & Rubinfeld (1978), via StatLib; column B encodes race, see datasets/README.md",
                List.of(ParameterInfo.list("features", "input columns, in this order; by default all but B "
                                + "(the lectures use [RM] and [RM, CRIM, INDUS, NOX, AGE, TAX])",
                                Boston.DEFAULT_FEATURES, Boston.FEATURE_COLUMNS),
                        ParameterInfo.choice("target", "the column to predict; not one of the features",
                                Boston.DEFAULT_TARGET, Boston.COLUMNS),
                        trainRatio(0.8, ""), validationSplit(), scaling(Scaling.NONE, "")));
    }

    private static DatasetInfo mnist() {
        int train = Mnist.Part.TRAIN.count();
        int test = Mnist.Part.TEST.count();
        return new DatasetInfo(Datasets.MNIST, "MNIST handwritten digits, 28×28 grey pixels",
                CLASSIFICATION, train + test, Mnist.PIXELS, Mnist.CLASSES, DIGITS,
                "LeCun, Cortes & Burges; CC BY-SA 3.0; the official 60,000/10,000 split",
                List.of(ParameterInfo.integer("trainLimit", "use only the first n training images", train, 1, train),
                        ParameterInfo.integer("testLimit", "use only the first n test images", test, 1, test),
                        validationSplit(),
                        scaling(Scaling.MINMAX, "; for MNIST, minmax divides every pixel by 255 and none keeps "
                                + "the raw 0–255 values, as the lecture's code does")));
    }

    private static ParameterInfo trainRatio(double defaultValue, String note) {
        return ParameterInfo.number("trainRatio", "fraction of the examples for training, the rest for testing" + note,
                defaultValue, 0.1, 0.9);
    }

    private static ParameterInfo samples(int defaultValue, DatasetLimits limits, String note) {
        return ParameterInfo.integer("samples", "number of examples generated" + note,
                Math.min(defaultValue, limits.maxSamples()), DatasetLimits.MIN_SAMPLES, limits.maxSamples());
    }

    private static ParameterInfo planeFeatures() {
        return ParameterInfo.list("features", "network inputs computed from each point (x1, x2), in this order",
                FeatureMap.PLAIN.ids(), Feature.ids());
    }

    private static ParameterInfo validationSplit() {
        return ParameterInfo.number("validationSplit", "fraction of the training examples held out for validation: "
                + "the last ones, like Keras's validation_split (the training part is already shuffled); 0 = none",
                0, 0, 0.5);
    }

    private static ParameterInfo scaling(Scaling defaultValue, String note) {
        return ParameterInfo.choice("scaling", "input scaling, fitted on the training examples only: "
                + "standard = z-score, minmax = into [0, 1]" + note, defaultValue.id(), Scaling.ids());
    }
}
