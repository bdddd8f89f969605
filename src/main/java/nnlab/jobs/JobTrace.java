package nnlab.jobs;

import java.util.List;
import nnlab.engine.BackpropTrace;

/**
 * One example forward and backward through a job's network at one epoch (see {@link BackpropTrace}).
 *
 * @param index        the training example traced, or null for an example the caller sent
 * @param featureNames names of the network's inputs
 * @param loss         the loss function's id
 * @param trace        inputs, target, loss value, and per layer z, a, ∂L/∂z, ∂L/∂W, ∂L/∂b and their
 *                     finite-difference estimates
 */
public record JobTrace(String jobId, int epoch, Integer index, List<String> featureNames, String loss,
                       BackpropTrace trace) {
}
