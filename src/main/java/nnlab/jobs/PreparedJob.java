package nnlab.jobs;

import nnlab.data.PreparedDataset;
import nnlab.engine.NetworkSpec;
import nnlab.engine.TrainingConfig;
import nnlab.jobs.classic.ClassicSpec;

/**
 * A job's plan with its data prepared: everything {@link nnlab.engine.Training#create} needs.
 *
 * @param spec the spec as submitted, with its seed filled in
 * @param grid    heatmap grid resolution, 0 for none
 * @param classic a classic model's options; null for a network (network and config are then null)
 */
public record PreparedJob(JobSpec spec, PreparedDataset data, NetworkSpec network, TrainingConfig config, long seed,
                          int grid, boolean gridNeurons, GridForm gridForm, boolean sendWeights,
                          ClassicSpec classic) {

    static PreparedJob of(JobPlan plan, PreparedDataset data) {
        return new PreparedJob(plan.spec(), data, plan.network(), plan.config(), plan.seed(), plan.grid(),
                plan.gridNeurons(), plan.gridForm(), plan.sendWeights(), plan.classic());
    }

    public boolean wantsSnapshots() {
        return grid > 0 || sendWeights;
    }
}
