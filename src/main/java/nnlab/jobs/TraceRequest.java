package nnlab.jobs;

/**
 * Which example to trace through a job's network: one of
 * <ul>
 * <li>{@code index}: the training example at this index (the default: example 0);</li>
 * <li>{@code inputs} and {@code target}: the data set's features, unscaled (the server applies the training
 * scaler), and the target as the data set holds it;</li>
 * <li>{@code point} and {@code target}: (x1, x2) of a 2-D data set, featurised and scaled by the server.</li>
 * </ul>
 *
 * @param target the class index (0, 1, …) for classifiers, else the value(s) to regress to
 */
public record TraceRequest(Integer index, double[] inputs, double[] point, double[] target) {
}
