package nnlab.classroom.challenge;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import nnlab.data.Boston;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.HeldOut;
import nnlab.data.Iris;
import nnlab.data.LabeledPoint;
import nnlab.data.Mnist;
import nnlab.data.PreparedDataset;
import nnlab.engine.Examples;
import nnlab.jobs.PredictRequest;
import nnlab.jobs.Prediction;

/**
 * A challenge's hidden test set, drawn from the seed the server keeps, and the score of a model's answers on
 * it. Generated 2-D sets: a second draw of the same generator and settings from the hidden seed. Iris and
 * Boston: rows chosen by the hidden seed and kept out of every job on the challenge's data ({@link HeldOut}).
 * MNIST: test images chosen by the hidden seed past the challenge's {@code testLimit}, which no job trains or
 * validates on (MNIST's training part is separate) and jobs on the challenge's data do not test on.
 */
final class HiddenSet {

    static final int IRIS_ROWS = 30;
    static final int BOSTON_ROWS = 100;
    static final int MNIST_IMAGES = 1000;

    /** The examples and their true values; never sent anywhere, only scored against. */
    private final List<double[]> rows;
    private final boolean points;
    private final double[] truth;

    private HiddenSet(List<double[]> rows, boolean points, double[] truth) {
        this.rows = rows;
        this.points = points;
        this.truth = truth;
    }

    int size() {
        return truth.length;
    }

    /** The examples as the jobs' predict takes them (2-D points or raw inputs). */
    PredictRequest request() {
        return points ? new PredictRequest(null, rows) : new PredictRequest(rows, null);
    }

    /** Accuracy (share of classes right) or mean squared error of the output, over the whole hidden set. */
    double score(String metric, Prediction answer) {
        if (Challenge.ACCURACY.equals(metric)) {
            int right = 0;
            for (int i = 0; i < truth.length; i++) if (answer.classes()[i] == (int) truth[i]) right++;
            return (double) right / truth.length;
        }
        double sum = 0;
        for (int i = 0; i < truth.length; i++) {
            double d = answer.outputs()[i][0] - truth[i];
            sum += d * d;
        }
        return sum / truth.length;
    }

    /** Registers the rows Iris and Boston keep out of the challenge's data; nothing for the other sets. */
    static void holdOut(DatasetSpec data, long hiddenSeed) {
        int[] rows = heldOutRows(data, hiddenSeed);
        if (rows != null) HeldOut.register(data.name(), data.seed(), rows);
    }

    /** The rows of Iris or Boston kept out of the challenge's data; null for the other sets. */
    static int[] heldOutRows(DatasetSpec data, long hiddenSeed) {
        return switch (data.name()) {
            case Datasets.IRIS -> chosen(Iris.COUNT, IRIS_ROWS, hiddenSeed);
            case Datasets.BOSTON -> chosen(Boston.COUNT, BOSTON_ROWS, hiddenSeed);
            default -> null;
        };
    }

    static void release(DatasetSpec data) {
        HeldOut.forget(data.name(), data.seed());
    }

    /** How many examples the hidden set of this (normalised) data spec has, without drawing it. */
    static int sizeOf(DatasetSpec data) {
        return switch (data.name()) {
            case Datasets.IRIS -> IRIS_ROWS;
            case Datasets.BOSTON -> BOSTON_ROWS;
            case Datasets.MNIST -> MNIST_IMAGES;
            default -> draw(data, 1).size();
        };
    }

    static HiddenSet draw(DatasetSpec data, long hiddenSeed) {
        return switch (data.name()) {
            case Datasets.IRIS -> table(Iris.load(), chosen(Iris.COUNT, IRIS_ROWS, hiddenSeed));
            case Datasets.BOSTON -> table(Boston.load(data.features(), data.target()),
                    chosen(Boston.COUNT, BOSTON_ROWS, hiddenSeed));
            case Datasets.MNIST -> mnist(data.testLimit(), hiddenSeed);
            default -> plane(data, hiddenSeed);
        };
    }

    /** The first {@code n} of a seeded shuffle of 0..count-1, in increasing order. */
    static int[] chosen(int count, int n, long seed) {
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int[] first = Arrays.copyOf(order, n);
        Arrays.sort(first);
        return first;
    }

    private static HiddenSet plane(DatasetSpec data, long hiddenSeed) {
        PreparedDataset drawn = Datasets.prepare(data.withSeed(hiddenSeed), hiddenSeed);
        List<LabeledPoint> all = new ArrayList<>(drawn.plane().train());
        all.addAll(drawn.plane().validation());
        all.addAll(drawn.plane().test());
        List<double[]> rows = all.stream().map(p -> new double[]{p.x1(), p.x2()}).toList();
        return new HiddenSet(rows, true, all.stream().mapToDouble(LabeledPoint::label).toArray());
    }

    private static HiddenSet table(Examples all, int[] chosen) {
        Examples held = all.rows(chosen);
        List<double[]> rows = new ArrayList<>();
        double[] truth = new double[held.count()];
        for (int i = 0; i < held.count(); i++) {
            double[] row = new double[held.inputs()];
            for (int c = 0; c < row.length; c++) row[c] = held.x(i, c);
            rows.add(row);
            truth[i] = held.y(i, 0);
        }
        return new HiddenSet(rows, false, truth);
    }

    /** Images from the test part past {@code testLimit}, which jobs on the challenge's data never see. */
    private static HiddenSet mnist(int testLimit, long hiddenSeed) {
        int[] chosen = chosen(Mnist.Part.TEST.count() - testLimit, MNIST_IMAGES, hiddenSeed);
        Examples rest = Mnist.load(Mnist.Part.TEST, testLimit, Mnist.Part.TEST.count(), false);
        return table(rest, chosen);
    }
}
