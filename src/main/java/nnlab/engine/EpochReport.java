package nnlab.engine;

/**
 * What one epoch produced.
 *
 * @param epoch        1-based epoch number
 * @param steps        optimiser steps (batches) in this epoch
 * @param validation   {@link Metrics#NONE} without a validation set
 * @param test         {@link Metrics#NONE} without a test set
 * @param seconds      wall time of this epoch, training and evaluation
 * @param weightNorm   Euclidean norm of all kernels (not biases)
 * @param learningRate the learning rate used in this epoch
 * @param stop         non-null when training ends after this epoch
 */
public record EpochReport(int epoch, int steps, Metrics train, Metrics validation, Metrics test, double seconds,
                          double weightNorm, double learningRate, StopReason stop) {
}
