package nnlab.engine;

/**
 * The arithmetic of one network: forward and backward passes over batches. Everything else — losses,
 * optimisers, the training loop — works on plain arrays and is shared by both kernels.
 * A kernel is used by one thread at a time.
 */
interface Kernel extends AutoCloseable {

    /** Makes a table of inputs available to {@link #forward}; returns its handle. */
    int load(Examples examples);

    /** Puts other examples of the same count and widths in a loaded table's place. */
    void replace(int table, Examples examples);

    /** Takes the flat parameter vector (see {@link ParameterLayout}). */
    void setParameters(double[] params);

    /**
     * Forward pass over rows {@code order[from .. from+rows)} of a loaded table.
     *
     * @param dropoutMasks per layer, rows × units multipliers (0 or 1/(1−p)), or null for no dropout
     */
    void forward(int table, int[] order, int from, int rows, double[][] dropoutMasks);

    /** Copies the last forward pass's pre-activations z and activations a of a layer (rows × units). */
    void read(int layer, double[] z, double[] a);

    /**
     * Backpropagates dL/dz of the output layer (rows × outputs, already divided by the batch size) and
     * writes dL/dθ into {@code gradient} (flat, overwritten).
     */
    void backward(double[] outputGradient, double[] gradient);

    /**
     * Batch statistics (training) or moving averages (inference) in batch-normalised layers from the next forward
     * pass on; inference until told otherwise.
     */
    void training(boolean on);

    /** After a training forward pass: each batch-normalised layer's moving averages in {@code params} follow the batch's. */
    void updateMovingStatistics(double[] params);

    @Override
    void close();
}
