package nnlab.data;

import java.util.List;
import java.util.SplittableRandom;
import nnlab.engine.DataSplit;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;

/**
 * The catalogue of data sets: what each one is and takes ({@link #describe()}), and turning the
 * {@code dataset} part of a job spec into examples ready to train on ({@link #prepare}). The same
 * spec and seed always give the same examples.
 *
 * <p>Order of work: generate or load; split into train and test (shuffled, seeded; Iris stratified;
 * MNIST keeps its official parts); hold out the last {@code validationSplit} of the training part;
 * fit the scaler on what is left for training and apply it to all parts.
 */
public final class Datasets {

    public static final String PLAYGROUND = "playground";
    public static final String XOR = "xor";
    public static final String SEPARABLE = "separable";
    public static final String SINE = "sin";
    public static final String IRIS = "iris";
    public static final String BOSTON = "boston";
    public static final String MNIST = "mnist";
    public static final String POINTS = "points";
    public static final String OUTLIER = "outlier";
    public static final List<String> NAMES = List.of(PLAYGROUND, XOR, SEPARABLE, SINE, IRIS, BOSTON, MNIST, POINTS,
            OUTLIER);

    private static final ParameterInfo NAME = ParameterInfo.choice("name", "the data set", PLAYGROUND, NAMES);

    private Datasets() {
    }

    public static List<DatasetInfo> describe() {
        return describe(DatasetLimits.DEFAULT);
    }

    public static List<DatasetInfo> describe(DatasetLimits limits) {
        return NAMES.stream().map(name -> Catalogue.info(name, limits)).toList();
    }

    public static PreparedDataset prepare(DatasetSpec spec, long seed) {
        return prepare(spec, seed, DatasetLimits.DEFAULT);
    }

    /** @throws InvalidSpecException naming the field ({@code dataset.…}) and what it allows */
    public static PreparedDataset prepare(DatasetSpec spec, long seed, DatasetLimits limits) {
        Params p = params(spec, limits);
        return switch (p.info().name()) {
            case PLAYGROUND -> playground(p, seed, limits);
            case XOR -> xor(p);
            case SEPARABLE -> separable(p, seed);
            case SINE -> sine(p, seed);
            case IRIS -> iris(p, seed);
            case BOSTON -> boston(p, seed);
            case MNIST -> mnist(p, seed);
            case POINTS -> points(p, seed);
            case OUTLIER -> outlier(p, seed);
            default -> throw new IllegalStateException(p.info().name());
        };
    }

    /**
     * The identity of what {@link #prepare} gives: equal keys, equal examples. MNIST's key is its resolved
     * parameters (it does not depend on the seed); the other sets' is the spec and the seed.
     *
     * @throws InvalidSpecException as {@link #prepare} would, for MNIST's parameters
     */
    public static Object contentKey(DatasetSpec spec, long seed, DatasetLimits limits) {
        Params p = params(spec, limits);
        if (p.info().name().equals(MNIST)) return MnistParts.of(p, seed);
        return new SpecKey(p.spec(), seed);
    }

    /**
     * The shape {@link #prepare} would give, checked as it checks, for the sets too large to prepare just
     * to look at them (MNIST); null for the others, which are cheap to prepare.
     */
    public static DatasetShape shapeWithoutData(DatasetSpec spec, DatasetLimits limits) {
        Params p = params(spec, limits);
        if (!p.info().name().equals(MNIST)) return null;
        MnistParts parts = MnistParts.of(p, 0);
        int validation = parts.trainLimit - parts.keep;
        int trained = parts.augmentation == null ? parts.keep : parts.augmentation.images(parts.keep);
        long bytes = DatasetShape.bytes(trained, Mnist.PIXELS) + DatasetShape.bytes(validation, Mnist.PIXELS)
                + DatasetShape.bytes(parts.testLimit, Mnist.PIXELS);
        // minmax divides as it converts; the other scalings fit a scaler and copy the examples once
        long preparing = parts.scaling == Scaling.MINMAX || parts.scaling == Scaling.NONE ? 0 : bytes;
        return new DatasetShape(parts, MNIST, Task.CLASSIFICATION, Mnist.PIXELS, Mnist.CLASSES, Catalogue.DIGITS,
                trained, validation, parts.testLimit, false, bytes, preparing,
                parts.augmentation == null ? 0 : (long) trained * Mnist.PIXELS * Float.BYTES);
    }

    private static Params params(DatasetSpec spec, DatasetLimits limits) {
        if (spec == null) spec = DatasetSpec.of(null);
        String name = NAME.read(spec.name());
        DatasetInfo info = Catalogue.info(name, limits);
        InvalidSpecException.require(spec.augmentation() == null || name.equals(MNIST), "dataset.augmentation",
                "is for mnist's images only, not " + name);
        rejectParametersNotTaken(spec, info);
        return new Params(spec, info);
    }

    private record SpecKey(DatasetSpec spec, long seed) {
    }

    /**
     * MNIST's resolved parameters: the images kept for training, and all that decides the examples (the data's seed
     * only through an augmentation that names none of its own).
     */
    private record MnistParts(int trainLimit, int testLimit, int keep, Scaling scaling, Augmentation augmentation) {

        static MnistParts of(Params p, long seed) {
            int trainLimit = p.integer("trainLimit", p.spec().trainLimit());
            int testLimit = p.integer("testLimit", p.spec().testLimit());
            double fraction = p.validationSplit();
            int keep = fraction == 0 ? trainLimit : trainLimit - holdOutCount(trainLimit, fraction);
            return new MnistParts(trainLimit, testLimit, keep, p.scaling(),
                    Augmentation.of(p.spec().augmentation(), seed, keep));
        }
    }

    private static void rejectParametersNotTaken(DatasetSpec spec, DatasetInfo info) {
        for (String field : spec.setParameters().keySet()) {
            InvalidSpecException.require(info.parameterNames().contains(field), "dataset." + field,
                    "is not a parameter of " + info.name() + ", which takes "
                            + (info.parameters().isEmpty() ? "none" : String.join(", ", info.parameterNames())));
        }
    }

    /** Reads a spec's values through the set's parameter declarations. */
    private record Params(DatasetSpec spec, DatasetInfo info) {

        double number(String name, Double value) {
            return info.parameter(name).read(value);
        }

        int integer(String name, Integer value) {
            return info.parameter(name).read(value);
        }

        String choice(String name, String value) {
            return info.parameter(name).read(value);
        }

        double trainRatio() {
            return number("trainRatio", spec.trainRatio());
        }

        double validationSplit() {
            return number("validationSplit", spec.validationSplit());
        }

        Scaling scaling() {
            return Scaling.byId(choice("scaling", spec.scaling())).orElseThrow();
        }

        FeatureMap planeFeatures() {
            return spec.features() == null ? FeatureMap.PLAIN : FeatureMap.parse(spec.features(), "dataset.features");
        }
    }

    // ---- preparing each set

    private static PreparedDataset playground(Params p, long seed, DatasetLimits limits) {
        PlaygroundKind kind = PlaygroundKind.byId(p.choice("kind", p.spec().kind())).orElseThrow();
        double noise = p.number("noise", p.spec().noise());
        int samples = p.spec().samples() == null ? Math.min(kind.defaultSamples(), limits.maxSamples())
                : p.integer("samples", p.spec().samples());
        int classes = p.integer("classes", p.spec().classes());
        InvalidSpecException.require(classes == 2 || Playground.THREE_CLASS_KINDS.contains(kind), "dataset.classes",
                "3 classes come with the kinds circle, gauss and spiral, not " + kind.id());
        List<LabeledPoint> points = Playground.generate(kind, samples, noise, seed, classes);
        DataSplit raw = Splits.trainTest(LabeledPoint.toExamples(points), p.trainRatio(), splitSeed(seed));
        return kind.task() == Task.CLASSIFICATION
                ? plane(p, Task.CLASSIFICATION, raw, classes == 3 ? Catalogue.THREE : Catalogue.SIGNS, "class")
                : plane(p, Task.REGRESSION, raw, List.of(), "value");
    }

    /** Points given in the spec (clicked or uploaded in the playground): checked one by one, then split like the playground's. */
    private static PreparedDataset points(Params p, long seed) {
        int classes = p.integer("classes", p.spec().classes());
        List<LabeledPoint> points = readPoints(p.spec().points(), p.info().parameter("points"), classes);
        DataSplit raw = Splits.trainTest(LabeledPoint.toExamples(points), p.trainRatio(), splitSeed(seed));
        return plane(p, Task.CLASSIFICATION, raw, classes == 3 ? Catalogue.THREE : Catalogue.SIGNS, "class");
    }

    private static List<LabeledPoint> readPoints(List<List<Double>> rows, ParameterInfo info, int classes) {
        String field = info.field();
        InvalidSpecException.require(rows != null, field, "is required: a list of [x1, x2, label]");
        int min = info.min().intValue();
        int max = info.max().intValue();
        InvalidSpecException.require(rows.size() >= min && rows.size() <= max, field,
                "must have between " + min + " and " + max + " points, has " + rows.size());
        List<LabeledPoint> points = new java.util.ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            List<Double> row = rows.get(i);
            String entry = field + "[" + i + "]";
            InvalidSpecException.require(row != null && row.size() == 3, entry,
                    "must be [x1, x2, label], was " + row);
            for (int c = 0; c < 2; c++) {
                Double v = row.get(c);
                InvalidSpecException.require(v != null && v >= -Playground.EXTENT && v <= Playground.EXTENT,
                        entry + "[" + c + "]", "must be a number between -6 and 6, was " + v);
            }
            Double label = row.get(2);
            InvalidSpecException.require(label != null && label == Math.rint(label) && label >= 0 && label < classes,
                    entry + "[2]", "must be a class index, 0 to " + (classes - 1) + ", was " + label);
            points.add(new LabeledPoint(row.get(0), row.get(1), label));
        }
        return points;
    }

    private static PreparedDataset xor(Params p) {
        DataSplit raw = DataSplit.trainOnly(LabeledPoint.toExamples(SmallSets.xor()));
        return plane(p, Task.CLASSIFICATION, raw, Catalogue.BITS, "x1 xor x2");
    }

    private static PreparedDataset separable(Params p, long seed) {
        List<LabeledPoint> points = SmallSets.separable(p.integer("samples", p.spec().samples()), seed);
        DataSplit raw = Splits.trainTest(LabeledPoint.toExamples(points), p.trainRatio(), splitSeed(seed));
        return plane(p, Task.CLASSIFICATION, raw, Catalogue.SIGNS, "class");
    }

    /** 2-D sets: split the raw points first, so that the points drawn are exactly the examples trained on. */
    private static PreparedDataset plane(Params p, Task task, DataSplit raw, List<String> classNames, String target) {
        FeatureMap features = p.planeFeatures();
        if (p.info().parameterNames().contains("validationSplit")) raw = holdOut(raw, p.validationSplit());
        DataSplit featurised = new DataSplit(features.apply(raw.train()), featurise(features, raw.validation()),
                featurise(features, raw.test()));
        PlaneData plane = new PlaneData(features, LabeledPoint.fromExamples(raw.train()),
                LabeledPoint.fromExamples(raw.validation()), LabeledPoint.fromExamples(raw.test()));
        Scaler scaler = Scaler.fit(p.scaling(), featurised.train());
        return finish(p.info().name(), task, scaler.apply(featurised), scaler, features.ids(), classNames, target,
                plane);
    }

    private static Examples featurise(FeatureMap features, Examples points) {
        return points == null ? null : features.apply(points);
    }

    private static PreparedDataset sine(Params p, long seed) {
        Examples all = SmallSets.sine(p.integer("samples", p.spec().samples()), p.number("noise", p.spec().noise()),
                SmallSets.SINE_FROM, SmallSets.SINE_TO, seed);
        return table(p, Task.REGRESSION, Splits.trainTest(all, p.trainRatio(), splitSeed(seed)), List.of("x"),
                List.of(), "sin(x)");
    }

    /** 20 training points on a noisy line plus one outlier; 20 test points from the same line, none off it. */
    private static PreparedDataset outlier(Params p, long seed) {
        double noise = p.number("noise", p.spec().noise());
        SplittableRandom random = new SplittableRandom(seed);
        Examples train = SmallSets.line(SmallSets.OUTLIER_POINTS, noise, true, random.split().nextLong());
        Examples test = SmallSets.line(SmallSets.OUTLIER_POINTS, noise, false, random.split().nextLong());
        return table(p, Task.REGRESSION, new DataSplit(train, null, test), List.of("x"), List.of(), "y");
    }

    private static PreparedDataset iris(Params p, long seed) {
        DataSplit split = Splits.stratified(HeldOut.without(IRIS, seed, Iris.load()), p.trainRatio(), splitSeed(seed));
        return table(p, Task.CLASSIFICATION, split, Iris.FEATURES, Iris.CLASSES, "species");
    }

    private static PreparedDataset boston(Params p, long seed) {
        List<String> features = p.info().parameter("features").read(p.spec().features());
        String target = p.choice("target", p.spec().target());
        InvalidSpecException.require(!features.contains(target), "dataset.target",
                "must not also be one of the features, was '" + target + "'");
        Examples all = HeldOut.without(BOSTON, seed, Boston.load(features, target));
        return table(p, Task.REGRESSION, Splits.trainTest(all, p.trainRatio(), splitSeed(seed)), features,
                List.of(), target);
    }

    /**
     * MNIST keeps its official parts; the validation images are the last ones of the training part,
     * read straight from the cached file so that the 60,000 images are not copied once more.
     */
    private static PreparedDataset mnist(Params p, long seed) {
        MnistParts parts = MnistParts.of(p, seed);
        int trainLimit = parts.trainLimit();
        int keep = parts.keep();
        Scaling scaling = parts.scaling();
        // pixels have a known range, so minmax divides by 255 rather than by each column's training extremes
        boolean unit = scaling == Scaling.MINMAX;
        DataSplit split = new DataSplit(Mnist.load(Mnist.Part.TRAIN, 0, keep, unit),
                keep == trainLimit ? null : Mnist.load(Mnist.Part.TRAIN, keep, trainLimit, unit),
                Mnist.load(Mnist.Part.TEST, 0, parts.testLimit(), unit));
        if (parts.augmentation() != null) {
            split = new DataSplit(parts.augmentation().apply(split.train(), Mnist.SIDE), split.validation(), split.test());
        }
        Scaler scaler = unit ? Scaler.fixedRange(Mnist.PIXELS, 0, Mnist.MAX_PIXEL)
                : Scaler.fit(scaling, split.train());
        if (!unit) split = scaler.apply(split);
        if (parts.augmentation() != null) {
            boolean asLoaded = unit || scaling == Scaling.NONE;
            split = split.withRedraw(parts.augmentation().redraw(keep, Mnist.SIDE, asLoaded ? null : scaler));
        }
        return finish(MNIST, Task.CLASSIFICATION, split, scaler, Mnist.PIXEL_NAMES, Catalogue.DIGITS, "digit", null);
    }

    private static PreparedDataset table(Params p, Task task, DataSplit split, List<String> featureNames,
                                         List<String> classNames, String target) {
        split = holdOut(split, p.validationSplit());
        Scaler scaler = Scaler.fit(p.scaling(), split.train());
        return finish(p.info().name(), task, scaler.apply(split), scaler, featureNames, classNames, target, null);
    }

    /** @param split already scaled with {@code scaler} */
    private static PreparedDataset finish(String name, Task task, DataSplit split, Scaler scaler,
                                          List<String> featureNames, List<String> classNames, String target,
                                          PlaneData plane) {
        int outputs = task == Task.CLASSIFICATION ? classNames.size() : 1;
        return new PreparedDataset(name, task, split, split.train().inputs(), outputs, featureNames, classNames,
                target, scaler, plane);
    }

    private static DataSplit holdOut(DataSplit split, double fraction) {
        if (fraction == 0) return split;
        holdOutCount(split.train().count(), fraction);
        return Splits.holdOutLast(split, fraction);
    }

    private static int holdOutCount(int trainCount, double fraction) {
        try {
            return Splits.holdOutCount(trainCount, fraction);
        } catch (IllegalArgumentException e) {
            throw new InvalidSpecException("dataset.validationSplit", "must leave at least one training and one "
                    + "validation example of the " + trainCount + " training examples, was " + fraction);
        }
    }

    /** The split uses its own random stream, so changing a split setting does not change the generated points. */
    private static long splitSeed(long seed) {
        return new SplittableRandom(seed).split().nextLong();
    }
}
