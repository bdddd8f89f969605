package nnlab.engine;

/**
 * Hard bounds on what the engine accepts. The job server passes its configured (usually tighter) limits;
 * {@link #DEFAULT} is what the engine itself refuses to go beyond.
 */
public record EngineLimits(int maxLayers, int maxUnits, int maxEpochs, int maxBatchSize, long maxParameters,
                           int maxInputs) {

    public static final EngineLimits DEFAULT = new EngineLimits(64, 4096, 100_000, 100_000, 20_000_000, 10_000);
}
