package nnlab.jobs;

import nnlab.data.DatasetShape;
import nnlab.data.DatasetSpec;
import nnlab.engine.ModelSummary;
import nnlab.engine.NetworkSpec;
import nnlab.engine.TrainingConfig;
import nnlab.jobs.classic.ClassicSpec;

/**
 * A spec mapped and checked once, at submit, against its data set's shape: everything a job needs to start
 * (its data is prepared when it starts), its memory estimate and its model summary. Kept on the job.
 *
 * @param spec        the spec as submitted, with its seed filled in
 * @param datasetSpec the data set to prepare (training.validationSplit folded in)
 * @param seed        draws the weights, the shuffling and dropout
 * @param dataSeed    draws the data and its split: dataset.seed, else the seed
 * @param grid        heatmap grid resolution, 0 for none
 * @param network     the network; null for a classic model (as are config and summary)
 * @param classic     a classic model's options; null for a network
 */
public record JobPlan(JobSpec spec, DatasetSpec datasetSpec, DatasetShape data, NetworkSpec network,
                      TrainingConfig config, long seed, long dataSeed, int grid, boolean gridNeurons, GridForm gridForm, boolean sendWeights,
                      MemoryEstimate memory, ModelSummary summary, ClassicSpec classic) {

    /** A network's plan. */
    public JobPlan(JobSpec spec, DatasetSpec datasetSpec, DatasetShape data, NetworkSpec network,
                   TrainingConfig config, long seed, long dataSeed, int grid, boolean gridNeurons, GridForm gridForm,
                   boolean sendWeights, MemoryEstimate memory, ModelSummary summary) {
        this(spec, datasetSpec, data, network, config, seed, dataSeed, grid, gridNeurons, gridForm, sendWeights, memory,
                summary, null);
    }

    /** Epochs of a network, steps of a classic model (trees, rounds, or the one fit). */
    public int epochs() {
        return classic != null ? classic.steps() : config.epochs();
    }

    public int inputs() {
        return data.inputs();
    }
}
