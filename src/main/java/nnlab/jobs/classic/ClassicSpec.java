package nnlab.jobs.classic;

import static nnlab.engine.InvalidSpecException.require;

import nnlab.data.DatasetShape;
import nnlab.jobs.JobSpec;
import nnlab.jobs.SpecDefaults;

/**
 * A classic model's options, defaulted and checked against {@link SpecDefaults} and {@link ClassicLimits}.
 *
 * @param featuresPerSplit fraction of the features a forest's split may choose from; 0: √features
 * @param gamma            the SVM kernel's scale; 0: 1 / features (LibSVM's default)
 */
public record ClassicSpec(ClassicKind kind, int k, int maxDepth, int minLeaf, int trees, double featuresPerSplit,
                          String kernel, double c, double gamma, int degree, int rounds, String weakLearner) {

    public static final String KIND = "model.kind";
    public static final String K = "model.k";
    public static final String MAX_DEPTH = "model.maxDepth";
    public static final String MIN_LEAF = "model.minLeaf";
    public static final String TREES = "model.trees";
    public static final String FEATURES_PER_SPLIT = "model.featuresPerSplit";
    public static final String KERNEL = "model.kernel";
    public static final String C = "model.c";
    public static final String GAMMA = "model.gamma";
    public static final String DEGREE = "model.degree";
    public static final String ROUNDS = "model.rounds";
    public static final String WEAK_LEARNER = "model.weakLearner";

    /** Steps the job streams: a tree of a forest, a round of adaboost, else the one fit. */
    public int steps() {
        return switch (kind) {
            case FOREST -> trees;
            case ADABOOST -> rounds;
            default -> 1;
        };
    }

    /** Maps a classic model part of a spec, naming the field of anything it cannot accept. */
    public static ClassicSpec of(JobSpec.Model m, DatasetShape data, SpecDefaults defaults, ClassicLimits limits) {
        ClassicKind kind = ClassicKind.fromId(m.kind());
        String a = kind == ClassicKind.ADABOOST ? "an " : "a ";
        require(m.layers() == null, "model.layers", a + kind.id() + " model has no layers");
        require(m.init() == null, "model.init", a + kind.id() + " model has no weights to initialise");
        require(m.weights() == null, "model.weights", a + kind.id() + " model has no weights");
        require(data.isClassification(), KIND, "the classic kinds classify; " + data.name() + " is a regression set");
        only(kind, m.k(), K, ClassicKind.KNN);
        only(kind, m.maxDepth(), MAX_DEPTH, ClassicKind.TREE, ClassicKind.FOREST);
        only(kind, m.minLeaf(), MIN_LEAF, ClassicKind.TREE, ClassicKind.FOREST);
        only(kind, m.trees(), TREES, ClassicKind.FOREST);
        only(kind, m.featuresPerSplit(), FEATURES_PER_SPLIT, ClassicKind.FOREST);
        only(kind, m.kernel(), KERNEL, ClassicKind.SVM);
        only(kind, m.c(), C, ClassicKind.SVM);
        only(kind, m.gamma(), GAMMA, ClassicKind.SVM);
        only(kind, m.degree(), DEGREE, ClassicKind.SVM);
        only(kind, m.rounds(), ROUNDS, ClassicKind.ADABOOST);
        only(kind, m.weakLearner(), WEAK_LEARNER, ClassicKind.ADABOOST);
        String kernel = defaults.text(KERNEL, m.kernel());
        require(kernel.equals("linear") || kernel.equals("polynomial") || kernel.equals("rbf"), KERNEL,
                "must be linear, polynomial or rbf, was " + kernel);
        require(m.degree() == null || kernel.equals("polynomial"), DEGREE, "only applies to the polynomial kernel");
        require(m.gamma() == null || !kernel.equals("linear"), GAMMA, "does not apply to the linear kernel");
        String weak = defaults.text(WEAK_LEARNER, m.weakLearner());
        require(weak.equals("perceptron") || weak.equals("stump"), WEAK_LEARNER,
                "must be perceptron or stump, was " + weak);
        if (kind == ClassicKind.ADABOOST) {
            require(data.outputs() == 2, KIND, "adaboost tells two classes apart (labels −1 and +1); "
                    + data.name() + " has " + data.outputs());
        }
        if (kind == ClassicKind.KNN || kind == ClassicKind.SVM) {
            require(data.trainCount() <= limits.maxExamples(), "dataset.trainLimit", a + kind.id()
                    + " model trains on at most " + limits.maxExamples() + " examples (nnlab.classic.max-examples), "
                    + data.name() + " has " + data.trainCount() + ": set dataset.trainLimit");
        }
        return new ClassicSpec(kind, defaults.integer(K, m.k()), defaults.integer(MAX_DEPTH, m.maxDepth()),
                defaults.integer(MIN_LEAF, m.minLeaf()), defaults.integer(TREES, m.trees()),
                defaults.number(FEATURES_PER_SPLIT, m.featuresPerSplit()), kernel, defaults.number(C, m.c()),
                defaults.number(GAMMA, m.gamma()), defaults.integer(DEGREE, m.degree()),
                defaults.integer(ROUNDS, m.rounds()), weak);
    }

    private static void only(ClassicKind kind, Object value, String field, ClassicKind... kinds) {
        if (value == null) return;
        for (ClassicKind k : kinds) if (k == kind) return;
        StringBuilder names = new StringBuilder();
        for (ClassicKind k : kinds) names.append(names.isEmpty() ? "" : " and ").append(k.id());
        throw new nnlab.engine.InvalidSpecException(field, "only applies to " + names + " models, not " + kind.id());
    }

    /** The classic rows of the defaults table. */
    public static void addDefaults(SpecDefaults table, ClassicLimits limits) {
        table.add(KIND, "network", "network (the default), knn, tree, forest, svm or adaboost");
        table.add(new SpecDefaults.Field(K, 5, 1.0, false, (double) limits.maxK(), false, "nnlab.classic.max-k",
                "knn: neighbours that vote"));
        table.add(new SpecDefaults.Field(MAX_DEPTH, 8, 1.0, false, (double) limits.maxDepth(), false,
                "nnlab.classic.max-depth", "tree, forest: deepest split"));
        table.add(new SpecDefaults.Field(MIN_LEAF, 1, 1.0, false, 10000.0, false, null,
                "tree, forest: fewest training examples a leaf keeps"));
        table.add(new SpecDefaults.Field(TREES, 50, 1.0, false, (double) limits.maxTrees(), false,
                "nnlab.classic.max-trees", "forest: trees, one per step"));
        table.add(new SpecDefaults.Field(FEATURES_PER_SPLIT, 0.0, 0.0, false, 1.0, false, null,
                "forest: fraction of the features a split may choose from; 0: √features"));
        table.add(KERNEL, "rbf", "svm: linear, polynomial or rbf");
        table.add(new SpecDefaults.Field(C, 1.0, 0.0, true, 1e6, false, null, "svm: the cost of a margin violation"));
        table.add(new SpecDefaults.Field(GAMMA, 0.0, 0.0, false, 1e6, false, null,
                "svm: the kernel's scale (polynomial, rbf); 0: 1 / features"));
        table.add(new SpecDefaults.Field(DEGREE, 3, 1.0, false, 10.0, false, null, "svm: the polynomial's degree"));
        table.add(new SpecDefaults.Field(ROUNDS, 50, 1.0, false, (double) limits.maxRounds(), false,
                "nnlab.classic.max-rounds", "adaboost: boosting rounds, one per step"));
        table.add(WEAK_LEARNER, "perceptron", "adaboost: perceptron (the lecture's) or stump");
    }
}
