package nnlab.classroom.challenge;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import nnlab.data.Boston;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.DatasetShape;
import nnlab.data.DatasetLimits;
import nnlab.data.Mnist;
import nnlab.data.Task;
import nnlab.engine.InvalidSpecException;
import nnlab.platform.InvalidInputException;

/** What a challenge may be (checked when it is opened) and when a job's data is the challenge's. */
final class ChallengeRules {

    static final List<String> DATASETS = List.of(Datasets.PLAYGROUND, Datasets.IRIS, Datasets.BOSTON, Datasets.MNIST);
    static final int MAX_TITLE = 100;
    static final long DEFAULT_MAX_PARAMETERS = 100_000;
    static final long MAX_PARAMETERS = 10_000_000;
    static final int DEFAULT_MAX_EPOCHS = 1000;
    static final int MAX_EPOCHS = 100_000;
    static final int DEFAULT_MAX_SUBMISSIONS = 5;
    static final int MAX_SUBMISSIONS = 100;
    static final int MNIST_TEST_LIMIT = 5000;

    private ChallengeRules() {
    }

    static String title(String given) {
        String t = given == null ? "" : given.strip();
        InvalidInputException.require(!t.isEmpty() && t.length() <= MAX_TITLE
                        && t.codePoints().noneMatch(Character::isISOControl), "title",
                "must be 1 to " + MAX_TITLE + " printable characters");
        return t;
    }

    /**
     * The data spec students get: the instructor's, with Boston's columns and MNIST's test limit written out and
     * the public seed set. Its seed, validation split and scaling are not the instructor's.
     */
    static DatasetSpec data(DatasetSpec given, long publicSeed) {
        InvalidInputException.require(given != null, "dataset", "is required: {\"name\": one of " + DATASETS + ", ...}");
        InvalidInputException.require(given.name() != null && DATASETS.contains(given.name()), "dataset.name",
                "must be one of " + DATASETS + " (playground with any kind and settings), was "
                        + (given.name() == null ? "missing" : "'" + given.name() + "'"));
        InvalidInputException.require(given.seed() == null, "dataset.seed",
                "is drawn by the server for each challenge: leave it out");
        InvalidInputException.require(given.validationSplit() == null, "dataset.validationSplit",
                "is each student's choice: leave it out");
        InvalidInputException.require(given.scaling() == null, "dataset.scaling", "is each student's choice: leave it out");
        DatasetSpec d = given.withSeed(publicSeed);
        if (d.name().equals(Datasets.BOSTON)) {
            d = d.withFeatures(d.features() == null ? Boston.DEFAULT_FEATURES : d.features())
                    .withTarget(d.target() == null ? Boston.DEFAULT_TARGET : d.target());
        }
        if (d.name().equals(Datasets.MNIST)) {
            int limit = d.testLimit() == null ? MNIST_TEST_LIMIT : d.testLimit();
            int most = Mnist.Part.TEST.count() - HiddenSet.MNIST_IMAGES;
            InvalidInputException.require(limit <= most, "dataset.testLimit",
                    "must be at most " + most + ": the hidden test set takes " + HiddenSet.MNIST_IMAGES
                            + " of the test images past it, was " + limit);
            d = d.withLimits(d.trainLimit(), limit);
        }
        return d;
    }

    /** Classification or regression, checking the spec as a job's would be checked. */
    static Task task(DatasetSpec d) {
        try {
            DatasetShape shape = Datasets.shapeWithoutData(d, DatasetLimits.DEFAULT);
            return shape != null ? shape.task() : Datasets.prepare(d, d.seed()).task();
        } catch (InvalidSpecException e) {
            throw new InvalidInputException(e.field(), e.reason());
        }
    }

    /** Units of an output layer for this data: one per class (softmax), or one for regression. */
    static int outputUnits(DatasetSpec d) {
        if (Datasets.MNIST.equals(d.name())) return Mnist.CLASSES;
        var data = Datasets.prepare(d, d.seed());
        return data.isClassification() ? data.classNames().size() : 1;
    }

    static String metric(String given, Task task) {
        String fits = task == Task.CLASSIFICATION ? Challenge.ACCURACY : Challenge.MSE;
        if (given == null) return fits;
        InvalidInputException.require(given.equals(fits), "metric", "must be " + fits + " for this data set ("
                + task.name().toLowerCase() + "), was '" + given + "'");
        return given;
    }

    static long maxParameters(Long given) {
        long v = given == null ? DEFAULT_MAX_PARAMETERS : given;
        InvalidInputException.require(v >= 1 && v <= MAX_PARAMETERS, "maxParameters",
                "must be between 1 and " + MAX_PARAMETERS + ", was " + v);
        return v;
    }

    static int maxEpochs(Integer given) {
        int v = given == null ? DEFAULT_MAX_EPOCHS : given;
        InvalidInputException.require(v >= 1 && v <= MAX_EPOCHS, "maxEpochs",
                "must be between 1 and " + MAX_EPOCHS + ", was " + v);
        return v;
    }

    static int maxSubmissions(Integer given) {
        int v = given == null ? DEFAULT_MAX_SUBMISSIONS : given;
        InvalidInputException.require(v >= 1 && v <= MAX_SUBMISSIONS, "maxSubmissions",
                "must be between 1 and " + MAX_SUBMISSIONS + ", was " + v);
        return v;
    }

    static Instant deadline(Instant given, Instant now) {
        InvalidInputException.require(given != null, "deadline", "is required: an instant such as 2026-12-05T18:00:00Z");
        InvalidInputException.require(given.isAfter(now), "deadline", "must be in the future, was " + given);
        return given;
    }

    /** The parts of a data spec that decide which examples there are: not the validation split, scaling or 2-D features. */
    static DatasetSpec examplesPart(DatasetSpec d) {
        DatasetSpec e = d.withValidationSplit(null).withScaling(null);
        return Datasets.PLAYGROUND.equals(d.name()) ? e.withFeatures(null) : e;
    }

    /** The first field where the job's data differs from the challenge's, in words; null when it does not. */
    static String difference(DatasetSpec challenge, DatasetSpec job) {
        if (job == null) return "the job names no data set";
        DatasetSpec c = examplesPart(challenge);
        DatasetSpec j = examplesPart(job);
        if (!Objects.equals(c.name(), j.name())) return "dataset.name is " + j.name() + ", the challenge's is " + c.name();
        if (!Objects.equals(c.seed(), j.seed())) return "dataset.seed is " + j.seed() + ", the challenge's is " + c.seed();
        Map<String, Object> cp = c.setParameters();
        Map<String, Object> jp = j.setParameters();
        for (String field : union(cp, jp)) {
            if (!Objects.equals(cp.get(field), jp.get(field))) {
                return "dataset." + field + " is " + text(jp.get(field)) + ", the challenge's is " + text(cp.get(field));
            }
        }
        return null;
    }

    private static Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static String text(Object v) {
        return v == null ? "not set" : v.toString();
    }
}
