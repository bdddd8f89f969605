package nnlab.jobs.classic;

/** A trained classic model at one step, immutable: it may answer while training goes on. */
public interface ClassicModel {

    /** Class scores for rows of the data set's (featurised, scaled) inputs: rows × classes, each row summing to 1. */
    double[][] scores(double[][] rows);

    /** The class of each row: the highest score (the first on a tie). */
    default int[] classify(double[][] rows) {
        double[][] s = scores(rows);
        int[] classes = new int[s.length];
        for (int r = 0; r < s.length; r++) classes[r] = argmax(s[r]);
        return classes;
    }

    static int argmax(double[] scores) {
        int best = 0;
        for (int c = 1; c < scores.length; c++) if (scores[c] > scores[best]) best = c;
        return best;
    }
}
