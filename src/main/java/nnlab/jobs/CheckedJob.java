package nnlab.jobs;

import nnlab.data.DatasetShape;
import nnlab.engine.NetworkSpec;
import nnlab.engine.TrainingConfig;

/**
 * A spec checked against its data set's shape, with the job's memory estimate; no data loaded.
 *
 * @param spec the spec as submitted, with its seed filled in
 * @param grid heatmap grid resolution, 0 for none
 */
public record CheckedJob(JobSpec spec, DatasetShape data, NetworkSpec network, TrainingConfig config, long seed,
                         int grid, boolean gridNeurons, boolean sendWeights, MemoryEstimate memory) {
}
