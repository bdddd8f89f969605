package nnlab.data;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code dataset} part of a job spec. Every field is optional: null means the data set's
 * default, and a field the named data set does not take is an error ({@link Datasets#describe()}
 * lists each set's parameters, defaults and allowed values).
 *
 * @param name            playground, xor, separable, sin, iris, boston, mnist or points (default playground)
 * @param kind            playground only: circle, xor, gauss, spiral, reg-plane, reg-gauss
 * @param noise           playground: the slider / 100, in [0, 0.5]; sin: the noise's standard deviation
 * @param trainRatio      fraction of the examples used for training, the rest for testing, in [0.1, 0.9]
 * @param samples         how many examples a generated set has
 * @param features        2-D sets: feature ids (x1, x2, x1sq, …); boston: column names
 * @param target          boston only: the column to predict (default MEDV)
 * @param validationSplit fraction of the training examples held out for validation, Keras-style
 * @param scaling         none, standard or minmax, fitted on the training examples
 * @param trainLimit      mnist only: use the first n training images
 * @param testLimit       mnist only: use the first n test images
 * @param classes         playground: 2 (default) or 3, a third class for gauss, spiral and circle; points: 2 or 3
 * @param points          points only: the examples, each [x1, x2, label] with x1, x2 in [−6, 6] and the label a class index
 * @param seed            draws the examples and their split (and validation hold-out); without it the job's seed does,
 *                        so one seed can keep the data while another draws new weights
 * @param augmentation    mnist only: shifted and rotated copies of the training images, drawn anew every epoch
 *                        (see {@link Augmentation})
 */
public record DatasetSpec(String name, String kind, Double noise, Double trainRatio, Integer samples,
                          List<String> features, String target, Double validationSplit, String scaling,
                          Integer trainLimit, Integer testLimit, Integer classes,
                          List<List<Double>> points, Long seed, Augmentation augmentation) {

    /**
     * @param shift    the largest shift in pixels, each way, 0 to 4 (default 2)
     * @param rotation the largest rotation in degrees, each way, 0 to 30 (default 10)
     * @param copies   transformed copies of each training image, added to the originals, 1 to 4 (default 1)
     * @param seed     draws the shifts and angles of every epoch (default: the data's seed)
     */
    public record Augmentation(Integer shift, Double rotation, Integer copies, Long seed) {

        /** Every field set: the given ones, else the defaults, the seed the data's. */
        public Augmentation resolved(long dataSeed) {
            return new Augmentation(shift == null ? nnlab.data.Augmentation.DEFAULT_SHIFT : shift,
                    rotation == null ? nnlab.data.Augmentation.DEFAULT_ROTATION : rotation,
                    copies == null ? nnlab.data.Augmentation.DEFAULT_COPIES : copies, seed == null ? dataSeed : seed);
        }
    }

    /** A spec without augmentation. */
    public DatasetSpec(String name, String kind, Double noise, Double trainRatio, Integer samples,
                       List<String> features, String target, Double validationSplit, String scaling,
                       Integer trainLimit, Integer testLimit, Integer classes, List<List<Double>> points, Long seed) {
        this(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling, trainLimit, testLimit,
                classes, points, seed, null);
    }

    public DatasetSpec {
        // not List.copyOf: a null entry must reach validation and be reported with its index
        features = features == null ? null : Collections.unmodifiableList(new ArrayList<>(features));
        points = points == null ? null : Collections.unmodifiableList(new ArrayList<>(points));
    }

    public static DatasetSpec of(String name) {
        return new DatasetSpec(name, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static DatasetSpec playground(String kind) {
        return of(Datasets.PLAYGROUND).withKind(kind);
    }

    public DatasetSpec withKind(String kind) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withNoise(Double noise) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withTrainRatio(Double trainRatio) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withSamples(Integer samples) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withFeatures(List<String> features) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withTarget(String target) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withValidationSplit(Double validationSplit) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withScaling(String scaling) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withLimits(Integer trainLimit, Integer testLimit) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withClasses(Integer classes) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withPoints(List<List<Double>> points) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    public DatasetSpec withSeed(Long seed) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, augmentation);
    }

    /** The parameters that are set (everything but the name and the seed, which every set takes), by field name, in order. */
    public DatasetSpec withAugmentation(Augmentation a) {
        return new DatasetSpec(name, kind, noise, trainRatio, samples, features, target, validationSplit, scaling,
                trainLimit, testLimit, classes, points, seed, a);
    }

    public Map<String, Object> setParameters() {
        Map<String, Object> set = new LinkedHashMap<>();
        putIfSet(set, "kind", kind);
        putIfSet(set, "noise", noise);
        putIfSet(set, "trainRatio", trainRatio);
        putIfSet(set, "samples", samples);
        putIfSet(set, "features", features);
        putIfSet(set, "target", target);
        putIfSet(set, "validationSplit", validationSplit);
        putIfSet(set, "scaling", scaling);
        putIfSet(set, "trainLimit", trainLimit);
        putIfSet(set, "testLimit", testLimit);
        putIfSet(set, "classes", classes);
        putIfSet(set, "points", points);
        return set;
    }

    private static void putIfSet(Map<String, Object> set, String field, Object value) {
        if (value != null) set.put(field, value);
    }
}
