package nnlab.jobs;

import nnlab.data.PreparedDataset;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Loss;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Backprop traces of a job's model. Each parameter's finite difference costs two forward passes, so a trace is
 * for networks of at most {@code nnlab.limits.max-trace-parameters} parameters (the lectures' small nets;
 * not MNIST's 109,386).
 */
@Component
public class JobTraces {

    private final JobService jobs;
    private final int maxParameters;

    JobTraces(JobService jobs, @Value("${nnlab.limits.max-trace-parameters:5000}") int maxParameters) {
        this.jobs = jobs;
        this.maxParameters = maxParameters;
    }

    public JobTrace trace(ReachableJob job, TraceRequest request) {
        TraceRequest r = request == null ? new TraceRequest(null, null, null, null) : request;
        TrainedModel m = jobs.model(job);
        long parameters = m.model().parameterCount();
        InvalidSpecException.require(parameters <= maxParameters, "model",
                "has " + parameters + " parameters; a trace is for networks of at most " + maxParameters
                        + " (nnlab.limits.max-trace-parameters)");
        PreparedDataset data = m.data();
        Examples train = data.split().train();
        int given = (r.inputs() != null ? 1 : 0) + (r.point() != null ? 1 : 0) + (r.index() != null ? 1 : 0);
        InvalidSpecException.require(given <= 1, "index",
                "give one of index, inputs (with target) or point (with target), not several");
        float[] x;
        float[] y;
        Integer index = null;
        if (r.inputs() == null && r.point() == null) {
            index = r.index() == null ? 0 : r.index();
            InvalidSpecException.require(index >= 0 && index < train.count(), "index",
                    "must be between 0 and " + (train.count() - 1) + " (the training examples), is " + index);
            x = new float[train.inputs()];
            y = new float[train.outputs()];
            System.arraycopy(train.x(), index * train.inputs(), x, 0, x.length);
            System.arraycopy(train.y(), index * train.outputs(), y, 0, y.length);
        } else {
            x = r.point() != null ? pointInputs(data, r.point()) : scaledInputs(data, r.inputs());
            y = target(r.target(), train.outputs(), m.loss(), data.outputs());
        }
        return new JobTrace(m.jobId(), m.epochs(), index, data.featureNames(), m.loss().id(), m.model().trace(x, y, m.loss()));
    }

    private static float[] scaledInputs(PreparedDataset data, double[] inputs) {
        InvalidSpecException.require(inputs.length == data.inputs(), "inputs",
                "must have " + data.inputs() + " values (" + data.featureNames() + "), has " + inputs.length);
        float[] x = new float[inputs.length];
        for (int c = 0; c < x.length; c++) {
            InvalidSpecException.require(Double.isFinite(inputs[c]), "inputs[" + c + "]", "must be a finite number");
            x[c] = (float) inputs[c];
        }
        data.scaler().applyInPlace(x);
        return x;
    }

    private static float[] pointInputs(PreparedDataset data, double[] point) {
        InvalidSpecException.require(data.plane() != null, "point",
                "points are for 2-D data sets; " + data.name() + " takes inputs");
        InvalidSpecException.require(point.length == 2 && Double.isFinite(point[0]) && Double.isFinite(point[1]),
                "point", "must be two finite numbers (x1, x2)");
        return data.inputsAt(point[0], point[1]);
    }

    private static float[] target(double[] target, int width, Loss loss, int classes) {
        InvalidSpecException.require(target != null && target.length == width, "target",
                "must have " + width + " value" + (width == 1 ? "" : "s") + " with inputs or point, has "
                        + (target == null ? 0 : target.length));
        float[] y = new float[width];
        for (int c = 0; c < width; c++) {
            InvalidSpecException.require(Double.isFinite(target[c]), "target[" + c + "]", "must be a finite number");
            y[c] = (float) target[c];
        }
        if (loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY) {
            InvalidSpecException.require(target[0] == Math.rint(target[0]) && target[0] >= 0 && target[0] < classes,
                    "target", "must be a class index between 0 and " + (classes - 1) + ", is " + target[0]);
        }
        return y;
    }
}
