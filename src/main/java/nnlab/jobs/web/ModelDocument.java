package nnlab.jobs.web;

import java.util.List;
import nnlab.engine.Weights;
import nnlab.jobs.JobSpec;

/**
 * A trained model as a JSON document: enough to rebuild and run the network anywhere (layers, weights
 * in Keras's layout, the input scaling), and the spec that trained it. Its {@code weights} can be put
 * into a new spec's {@code model.weights} to start from them.
 *
 * @param scaler inputs are scaled as (x − offset) · factor, per feature, before the first layer
 */
public record ModelDocument(String format, String jobId, int epoch, int inputs, List<String> featureNames,
                            String task, String target, List<String> classNames, List<JobSpec.Layer> layers,
                            Weights weights, Scaler scaler, JobSpec spec) {

    public static final String FORMAT = "nnlab-model/1";

    public record Scaler(String scaling, double[] offsets, double[] factors) {
    }
}
