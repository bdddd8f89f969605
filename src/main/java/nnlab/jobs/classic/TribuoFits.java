package nnlab.jobs.classic;

import java.util.List;
import org.tribuo.Example;
import org.tribuo.Model;
import org.tribuo.MutableDataset;
import org.tribuo.Trainer;
import org.tribuo.classification.Label;
import org.tribuo.classification.dtree.CARTClassificationTrainer;
import org.tribuo.classification.dtree.impurity.GiniIndex;
import org.tribuo.classification.ensemble.VotingCombiner;
import org.tribuo.classification.libsvm.LibSVMClassificationTrainer;
import org.tribuo.classification.libsvm.SVMClassificationType;
import org.tribuo.common.libsvm.KernelType;
import org.tribuo.common.libsvm.SVMParameters;
import org.tribuo.common.nearest.KNNModel;
import org.tribuo.common.nearest.KNNTrainer;
import org.tribuo.math.distance.L2Distance;
import org.tribuo.math.neighbour.NeighboursQueryFactoryType;

/** Tribuo's trainers for the kinds it fits in one go (and a forest's single tree), on one thread each. */
final class TribuoFits {

    static {
        // LibSVM prints its optimiser's progress to standard output, a few lines a fit: not for a server's log
        libsvm.svm.svm_set_print_string_function(line -> { });
    }

    private TribuoFits() {
    }

    static Trainer<Label> knn(int k) {
        return new KNNTrainer<>(k, new L2Distance(), 1, new VotingCombiner(), KNNModel.Backend.THREADPOOL,
                NeighboursQueryFactoryType.BRUTE_FORCE);
    }

    /**
     * @param featuresPerSplit fraction of the features each split chooses from (1: all)
     */
    static Trainer<Label> tree(int maxDepth, int minLeaf, float featuresPerSplit, long seed) {
        return new CARTClassificationTrainer(maxDepth, minLeaf, 0f, featuresPerSplit, false, new GiniIndex(), seed);
    }

    /** C-SVC; the polynomial kernel is (γ·u·v + 1)^degree, the rbf kernel exp(−γ·|u − v|²). */
    static Trainer<Label> svm(String kernel, double c, double gamma, int degree, long seed) {
        KernelType type = switch (kernel) {
            case "linear" -> KernelType.LINEAR;
            case "polynomial" -> KernelType.POLY;
            default -> KernelType.RBF;
        };
        SVMParameters<Label> p = new SVMParameters<>(new SVMClassificationType(SVMClassificationType.SVMMode.C_SVC),
                type);
        p.setCost(c);
        p.setGamma(gamma);
        p.setDegree(degree);
        p.setCoeff(type == KernelType.POLY ? 1.0 : 0.0);
        return new LibSVMClassificationTrainer(p, seed);
    }

    static Model<Label> fit(Trainer<Label> trainer, MutableDataset<Label> data) {
        return trainer.train(data);
    }

    /** A Tribuo model as ours. */
    static TribuoClassifier of(Model<Label> model, TribuoData data, int classes) {
        return new TribuoClassifier(model, data, classes);
    }

    static List<Example<Label>> sample(List<Example<Label>> all, int[] indices) {
        return java.util.Arrays.stream(indices).mapToObj(all::get).toList();
    }
}
