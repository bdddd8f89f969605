package nnlab.jobs.classic;

import java.util.List;

/** A random forest's trees so far; its scores are their scores averaged. */
record Forest(List<TribuoClassifier> trees, int classes) implements ClassicModel {

    Forest {
        trees = List.copyOf(trees);
    }

    @Override
    public double[][] scores(double[][] rows) {
        double[][] sum = new double[rows.length][classes];
        for (TribuoClassifier t : trees) {
            double[][] s = t.scores(rows);
            for (int r = 0; r < rows.length; r++) for (int c = 0; c < classes; c++) sum[r][c] += s[r][c] / trees.size();
        }
        return sum;
    }
}
