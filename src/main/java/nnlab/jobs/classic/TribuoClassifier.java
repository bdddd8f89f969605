package nnlab.jobs.classic;

import org.tribuo.Model;
import org.tribuo.classification.Label;

/** A fitted Tribuo model (k-NN, a CART tree, LibSVM) as ours: rows of our inputs in, class scores out. */
record TribuoClassifier(Model<Label> model, TribuoData data, int classes) implements ClassicModel {

    @Override
    public double[][] scores(double[][] rows) {
        return TribuoData.scores(model, data.unlabelled(rows), classes);
    }
}
