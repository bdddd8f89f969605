package nnlab.data;

/**
 * Size bounds on generated data sets (playground, separable, sin), for the job server to configure.
 * The bundled sets are bounded by their files.
 */
public record DatasetLimits(int maxSamples) {

    /** Below this a train/test split of a generated set stops making sense. */
    public static final int MIN_SAMPLES = 10;
    public static final DatasetLimits DEFAULT = new DatasetLimits(10_000);

    public DatasetLimits {
        if (maxSamples < MIN_SAMPLES) {
            throw new IllegalArgumentException("maxSamples must be at least " + MIN_SAMPLES + ", was " + maxSamples);
        }
    }
}
