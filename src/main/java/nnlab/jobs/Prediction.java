package nnlab.jobs;

import java.util.List;

/**
 * @param epoch   the epoch whose weights answered
 * @param outputs the output layer's activations, one row per input row
 * @param classes the predicted class per row (classifiers only)
 * @param labels  the predicted class's name per row (classifiers only)
 */
public record Prediction(String jobId, int epoch, double[][] outputs, int[] classes, List<String> labels) {
}
