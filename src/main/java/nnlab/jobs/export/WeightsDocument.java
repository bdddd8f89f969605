package nnlab.jobs.export;

import java.util.List;

/**
 * A job's trained weights as an exported script loads them.
 *
 * @param kernels kernels[layer][input][unit], Keras's layout (PyTorch's Linear keeps the transpose)
 * @param biases  biases[layer][unit]
 */
public record WeightsDocument(String format, String jobId, int epoch, String layout, List<double[][]> kernels,
                              List<double[]> biases) {

    public static final String FORMAT = "nnlab-weights/1";
    static final String LAYOUT = "kernels[layer][input][unit], biases[layer][unit] (Keras's)";
}
