package nnlab.jobs.classic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import nnlab.data.PreparedDataset;
import nnlab.engine.EpochReport;
import nnlab.engine.Examples;
import nnlab.engine.Metrics;
import nnlab.engine.StopReason;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.classification.Label;

/**
 * A classic model trained step by step, each step reported as an epoch with the accuracy on each split and, as its
 * loss, the 0-1 loss (the fraction of examples it gets wrong, 1 − accuracy): a forest
 * adds a tree a step, adaboost a round, the other kinds fit in one step. The scores on each split are kept as
 * running sums, so a step costs one tree's or one round's predictions. Used by one thread at a time.
 */
public final class ClassicTraining {

    /** Above this many training examples a k-NN model's training accuracy is not computed (each row looks at all). */
    static final int KNN_TRAIN_METRICS_UP_TO = 2000;

    private final ClassicSpec spec;
    private final int classes;
    private final Split[] splits;
    private final Stepper stepper;
    private int step;
    private volatile ClassicModel model;
    private Map<String, Double> figures;

    /** Rows and labels of one part of the data, and the current model's summed scores on it. */
    private static final class Split {
        final double[][] x;
        final int[] y;
        final double[][] sums;
        final boolean evaluated;

        Split(Examples ex, int classes, boolean evaluated) {
            x = ex == null ? new double[0][] : rows(ex);
            y = new int[x.length];
            for (int r = 0; r < x.length; r++) y[r] = (int) ex.y(r, 0);
            sums = new double[evaluated ? x.length : 0][classes];
            this.evaluated = evaluated && x.length > 0;
        }

        double accuracy() {
            if (!evaluated) return Double.NaN;
            int right = 0;
            for (int r = 0; r < x.length; r++) if (ClassicModel.argmax(sums[r]) == y[r]) right++;
            return (double) right / x.length;
        }

        void add(double[][] scores, double weight) {
            for (int r = 0; r < sums.length; r++) for (int c = 0; c < scores[r].length; c++) sums[r][c] += weight * scores[r][c];
        }

        void set(double[][] scores) {
            for (int r = 0; r < sums.length; r++) sums[r] = scores[r].clone();
        }
    }

    private interface Stepper {
        /** Trains the next step and updates each split's sums; returns the model after it. */
        ClassicModel next(int step, Split[] splits);
    }

    private ClassicTraining(ClassicSpec spec, PreparedDataset data, long seed) {
        this.spec = spec;
        this.classes = data.outputs();
        Examples train = data.split().train();
        boolean trainMetrics = spec.kind() != ClassicKind.KNN || train.count() <= KNN_TRAIN_METRICS_UP_TO;
        splits = new Split[]{new Split(train, classes, trainMetrics), new Split(data.split().validation(), classes, true),
                new Split(data.split().test(), classes, true)};
        stepper = switch (spec.kind()) {
            case FOREST -> forest(data, seed);
            case ADABOOST -> adaboost(seed);
            default -> oneFit(data, seed);
        };
    }

    public static ClassicTraining start(ClassicSpec spec, PreparedDataset data, long seed) {
        return new ClassicTraining(spec, data, seed);
    }

    /** Runs the next step; null when every step has run. */
    public EpochReport step() {
        if (step >= spec.steps()) return null;
        long start = System.nanoTime();
        step++;
        model = stepper.next(step, splits);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new EpochReport(step, 1, metrics(splits[0]), metrics(splits[1]), metrics(splits[2]), seconds,
                Double.NaN, 0, step == spec.steps() ? StopReason.COMPLETED : null);
    }

    private static Metrics metrics(Split s) {
        if (!s.evaluated) return Metrics.NONE;
        double accuracy = s.accuracy();
        return new Metrics(1 - accuracy, accuracy, Double.NaN, Double.NaN);
    }

    /** The model after the last step; null before the first. */
    public ClassicModel model() {
        return model;
    }

    /** The last step's own figures (adaboost: alpha and error of the round), or null. */
    public Map<String, Double> figures() {
        return figures;
    }

    public int steps() {
        return spec.steps();
    }

    private Stepper oneFit(PreparedDataset data, long seed) {
        return (step, splits) -> {
            TribuoData tribuo = new TribuoData(data.inputs());
            var trainer = switch (spec.kind()) {
                case KNN -> TribuoFits.knn(spec.k());
                case TREE -> TribuoFits.tree(spec.maxDepth(), spec.minLeaf(), 1f, seed);
                default -> TribuoFits.svm(spec.kernel(), spec.c(),
                        spec.gamma() > 0 ? spec.gamma() : 1.0 / data.inputs(), spec.degree(), seed);
            };
            Model<Label> fitted = TribuoFits.fit(trainer, tribuo.dataset(tribuo.examples(data.split().train())));
            ClassicModel m = TribuoFits.of(fitted, tribuo, classes);
            for (Split s : splits) if (s.evaluated) s.set(m.scores(s.x));
            return m;
        };
    }

    /** Bagging by hand so that each tree is a step: a bootstrap sample and a CART tree on it, votes averaged. */
    private Stepper forest(PreparedDataset data, long seed) {
        TribuoData tribuo = new TribuoData(data.inputs());
        List<Example<Label>> all = tribuo.examples(data.split().train());
        float fraction = (float) (spec.featuresPerSplit() > 0 ? spec.featuresPerSplit()
                : Math.sqrt(data.inputs()) / data.inputs());
        Random random = new Random(seed);
        List<TribuoClassifier> trees = new ArrayList<>();
        return (step, splits) -> {
            int[] sample = new int[all.size()];
            for (int i = 0; i < sample.length; i++) sample[i] = random.nextInt(all.size());
            Model<Label> tree = TribuoFits.fit(TribuoFits.tree(spec.maxDepth(), spec.minLeaf(), fraction,
                    seed + step), tribuo.dataset(TribuoFits.sample(all, sample)));
            TribuoClassifier m = TribuoFits.of(tree, tribuo, classes);
            trees.add(m);
            for (Split s : splits) if (s.evaluated) s.add(m.scores(s.x), 1);
            return new Forest(trees, classes);
        };
    }

    private Stepper adaboost(long seed) {
        int[] signs = new int[splits[0].x.length];
        for (int i = 0; i < signs.length; i++) signs[i] = splits[0].y[i] == 1 ? 1 : -1;
        Adaboost boost = new Adaboost(splits[0].x, signs, WeakLearners.of(spec.weakLearner()), seed);
        double[][] margins = new double[splits.length][];
        for (int s = 0; s < splits.length; s++) margins[s] = new double[splits[s].sums.length];
        return (step, splits) -> {
            Adaboost.Round round = boost.round();
            for (int s = 0; s < splits.length; s++) {
                if (!splits[s].evaluated) continue;
                for (int r = 0; r < margins[s].length; r++) {
                    margins[s][r] += round.alpha() * round.h().predict(splits[s].x[r]);
                    splits[s].sums[r] = Adaboost.scores(margins[s][r]);
                }
            }
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("alpha", round.alpha());
            f.put("error", round.error());
            figures = f;
            return Adaboost.combined(boost.rounds());
        };
    }

    private static double[][] rows(Examples ex) {
        double[][] rows = new double[ex.count()][ex.inputs()];
        for (int r = 0; r < rows.length; r++) for (int c = 0; c < ex.inputs(); c++) rows[r][c] = ex.x(r, c);
        return rows;
    }
}
