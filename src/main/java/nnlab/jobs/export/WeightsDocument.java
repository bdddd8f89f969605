package nnlab.jobs.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import nnlab.engine.Weights;

/**
 * A job's trained weights as an exported script loads them.
 *
 * @param kernels   kernels[layer][input][unit], Keras's layout (PyTorch's Linear keeps the transpose)
 * @param biases    biases[layer][unit]
 * @param batchNorm a network with batch normalisation: per layer its γ, β, moving mean and moving variance (null for
 *                  a layer without); absent for a network without
 */
public record WeightsDocument(String format, String jobId, int epoch, String layout, List<double[][]> kernels,
                              List<double[]> biases, @JsonInclude(JsonInclude.Include.NON_NULL) List<Weights.Norm> batchNorm) {

    public static final String FORMAT = "nnlab-weights/1";
    static final String LAYOUT = "kernels[layer][input][unit], biases[layer][unit] (Keras's)";
    static final String NORM_LAYOUT = LAYOUT + "; batchNorm[layer]: {gamma, beta, movingMean, movingVariance}[unit],"
            + " null for a layer without";
}
