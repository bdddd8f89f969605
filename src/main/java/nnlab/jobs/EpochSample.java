package nnlab.jobs;

/**
 * Which epochs of a long playground run stay stored: every epoch up to {@value #DENSE}, the last one, and after
 * {@value #DENSE} a log-spaced sample, the epochs with two significant digits (1100, 1200 … 9900, then 10000,
 * 11000 …): 90 per decade, as dense on a log scale from 1,000 epochs on as from 10,000. A run of 15,000 epochs
 * keeps 1,095 rows instead of 15,000.
 */
final class EpochSample {

    static final int DENSE = 1000;

    private EpochSample() {
    }

    static boolean kept(int epoch, int last) {
        return epoch <= DENSE || epoch == last || epoch % step(epoch) == 0;
    }

    /** The spacing of the sample among epochs of this many digits: 100 for 1000–9999, 1000 for 10000–99999. */
    static int step(int epoch) {
        int step = 1;
        for (int e = epoch; e >= 100; e /= 10) step *= 10;
        return step;
    }
}
