package nnlab.jobs;

import java.util.List;

/**
 * @param inputs rows of the data set's features, unscaled (the server applies the training scaler)
 * @param points rows of (x1, x2) for 2-D data sets (the server computes the features and scales)
 */
public record PredictRequest(List<double[]> inputs, List<double[]> points) {
}
