package nnlab.jobs.export;

import java.util.List;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.engine.Weights;
import nnlab.jobs.JobPlan;
import nnlab.jobs.JobService;
import nnlab.jobs.JobSpec;
import nnlab.jobs.JobSpecMapper;
import nnlab.jobs.ReachableJob;
import nnlab.jobs.TrainedModel;
import org.springframework.stereotype.Service;

/** A job as code: the script for a framework, the CSV of its examples, its trained weights. */
@Service
public class CodeExports {

    private final JobService jobs;
    private final JobSpecMapper mapper;

    public CodeExports(JobService jobs, JobSpecMapper mapper) {
        this.jobs = jobs;
        this.mapper = mapper;
    }

    public String script(ReachableJob job, Framework framework) {
        ExportPlan plan = plan(job);
        return switch (framework) {
            case KERAS -> KerasScript.of(plan);
            case PYTORCH -> TorchScript.of(plan);
        };
    }

    public String fileName(ReachableJob job, Framework framework) {
        return ExportPlan.fileName(job.id(), framework);
    }

    /** The examples of each part as the script reads them; 404 for data the script loads from its public source. */
    public String csv(ReachableJob job) {
        ExportedData data = plan(job).data();
        if (data.source() != ExportedData.Source.CSV) {
            throw NotExportableException.noSuchFile("job " + job.id() + "'s data (" + data.name() + ") has no CSV:"
                    + " its script loads it from " + (data.source() == ExportedData.Source.MNIST
                    ? "keras.datasets (Keras) or torchvision (PyTorch)" : "scikit-learn's load_iris()"));
        }
        return csv(data);
    }

    /** The header, then each part's rows with its name in the last column. */
    static String csv(ExportedData data) {
        StringBuilder csv = new StringBuilder(String.join(",", data.csvHeader())).append('\n');
        for (String part : ExportedData.PARTS) {
            for (double[] row : data.rows().part(part)) {
                for (double v : row) csv.append(Py.floatNumber(v)).append(',');
                csv.append(part).append('\n');
            }
        }
        return csv.toString();
    }

    public String csvFileName(ReachableJob job) {
        return ExportPlan.dataFileName(job.id());
    }

    /** The weights now: a finished job's final ones, a running job's latest (409 before the first). */
    public WeightsDocument weights(ReachableJob job) {
        requireNetwork(job.id(), jobs.get(job).spec());
        TrainedModel m = jobs.model(job);
        Weights w = m.model().weights();
        return new WeightsDocument(WeightsDocument.FORMAT, job.id(), m.epochs(),
                w.batchNorm() == null ? WeightsDocument.LAYOUT : WeightsDocument.NORM_LAYOUT, w.kernels(), w.biases(),
                w.batchNorm());
    }

    public String weightsFileName(ReachableJob job) {
        return ExportPlan.weightsFileName(job.id());
    }

    private ExportPlan plan(ReachableJob job) {
        return plan(job.id(), jobs.get(job).spec(), mapper);
    }

    /** The job's spec as nnlab ran it: defaults filled in, the data split and scaled as for training. */
    static ExportPlan plan(String jobId, JobSpec spec, JobSpecMapper mapper) {
        requireNetwork(jobId, spec);
        JobPlan plan = mapper.plan(spec);
        ExportedData data = Datasets.MNIST.equals(plan.data().name())
                ? ExportedData.mnist(plan, mapper.datasetLimits())
                : ExportedData.of(plan, mapper.prepare(plan).data(), mapper.datasetLimits());
        DatasetSpec.Augmentation a = plan.datasetSpec().augmentation();
        return new ExportPlan(jobId, plan.seed(), data, plan.network(), plan.config(),
                a == null ? null : a.resolved(plan.dataSeed()));
    }

    /** Only networks export: a model of another kind (no layers) is refused in words. */
    static void requireNetwork(String jobId, JobSpec spec) {
        List<JobSpec.Layer> layers = spec == null || spec.model() == null ? null : spec.model().layers();
        if (layers == null || layers.isEmpty()) throw NotExportableException.notANetwork(jobId);
    }
}
