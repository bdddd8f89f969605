package nnlab.jobs;

import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.data.PreparedDataset;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Model;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Weights;
import nnlab.jobs.classic.ClassicModel;
import org.springframework.stereotype.Component;

/** A job's model (live jobs' latest weights, finished jobs' stored final weights) and predictions with it. */
@Component
class JobModels {

    private final ActiveJobs live;
    private final JobQueries queries;
    private final JobRepository repository;
    private final JobSpecMapper mapper;
    private final LimitsProperties limits;
    /**
     * Finished jobs' data (their scalers, feature and class names), prepared again on demand. Held softly: no
     * job's memory reservation covers them, so the collector may take them back before a running job runs short.
     */
    private final Map<String, SoftReference<PreparedJob>> finishedData = Collections.synchronizedMap(
            new LinkedHashMap<>(8, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SoftReference<PreparedJob>> eldest) {
                    return size() > 4;
                }
            });

    JobModels(ActiveJobs live, JobQueries queries, JobRepository repository, JobSpecMapper mapper,
              LimitsProperties limits) {
        this.live = live;
        this.queries = queries;
        this.repository = repository;
        this.mapper = mapper;
        this.limits = limits;
    }

    /** The model: live jobs' latest weights, finished jobs' stored final weights. Networks only. */
    TrainedModel model(String id) {
        Job job = live.get(id);
        JobSpec spec = job != null ? job.spec : queries.record(id).spec();
        if (!spec.model().isNetwork()) {
            throw new JobStateException(job != null ? job.status() : queries.record(id).status(), "job " + id
                    + " is a " + spec.model().kind() + " model, not a network: it has no weights, summary or"
                    + " evaluation; POST /api/jobs/" + id + "/predict answers with its classes");
        }
        if (job != null) {
            Model m = job.model();
            PreparedJob p = job.prepared();
            if (m == null || p == null) {
                throw new JobStateException(job.status(), "job " + id + " has no weights yet: it is " + job.status());
            }
            return new TrainedModel(id, job.spec, p.data(), m, p.config().loss(), job.epochsDone());
        }
        JobRecord r = queries.record(id);
        Weights w = repository.weights(id).orElseThrow(() -> new JobStateException(r.status(),
                "job " + id + " has no weights: it is " + r.status()));
        PreparedJob p = finishedData(r);
        NetworkSpec network = p.network();
        return new TrainedModel(id, r.spec(), p.data(), Model.of(network, w), p.config().loss(), r.epochsDone());
    }

    private PreparedJob finishedData(JobRecord r) {
        SoftReference<PreparedJob> kept = finishedData.get(r.id());
        PreparedJob p = kept != null ? kept.get() : null;
        if (p == null) {
            p = mapper.prepare(r.spec());
            finishedData.put(r.id(), new SoftReference<>(p));
        }
        return p;
    }

    /** The data set the job trains on (its points, scaler, names): a network's with its model, a classic one's alone. */
    PreparedDataset data(String id) {
        Job job = live.get(id);
        JobSpec spec = job != null ? job.spec : queries.record(id).spec();
        if (spec.model().isNetwork()) return model(id).data();
        if (job != null) {
            PreparedJob p = job.prepared();
            if (p == null) throw new JobStateException(job.status(), "job " + id + " has not started: it is " + job.status());
            return p.data();
        }
        return finishedData(queries.record(id)).data();
    }

    /** A classic job's model now: the latest step of a live one, else the finished one (memory, else the database). */
    private FinishedClassicModels.Kept classic(String id) {
        Job job = live.get(id);
        if (job != null) {
            ClassicModel m = job.classicModel();
            PreparedJob p = job.prepared();
            if (m == null || p == null) {
                throw new JobStateException(job.status(), "job " + id + " has not trained a step yet: it is "
                        + job.status());
            }
            return new FinishedClassicModels.Kept(m, p.data(), job.epochsDone());
        }
        JobRecord r = queries.record(id);
        FinishedClassicModels.Kept kept = live.finishedClassic.get(id, () -> finishedData(r).data());
        if (kept != null) return kept;
        String kind = r.spec().model().kind();
        String model = "job " + id + " is " + (kind.matches("[aeiou].*") ? "an " : "a ") + kind + " model";
        if (!r.status().finished()) {
            throw new JobStateException(r.status(), model + " that is " + r.status() + " on another instance: its"
                    + " model is stored when it ends");
        }
        throw new JobStateException(r.status(), model + " and none"
                + " is stored: it ended " + r.status() + " before its first step, or before this server stored classic"
                + " models; submit its spec again (same seed, same model)");
    }

    /** Outputs (and classes, for classifiers) of the job's current model for rows of inputs or 2-D points. */
    Prediction predict(String id, PredictRequest request) {
        Job job = live.get(id);
        JobSpec spec = job != null ? job.spec : queries.record(id).spec();
        if (!spec.model().isNetwork()) {
            FinishedClassicModels.Kept k = classic(id);
            double[][] x = inputs(k.data(), request);
            double[][] scores = k.model().scores(x);
            int[] classes = k.model().classify(x);
            return new Prediction(id, k.steps(), scores, classes, labels(k.data(), classes));
        }
        TrainedModel m = model(id);
        double[][] x = inputs(m.data(), request);
        double[][] outputs = m.model().predict(x);
        int[] classes = null;
        List<String> labels = null;
        if (m.data().isClassification()) {
            classes = m.model().classify(x, m.loss());
            labels = labels(m.data(), classes);
        }
        return new Prediction(id, m.epochs(), outputs, classes, labels);
    }

    private static List<String> labels(PreparedDataset data, int[] classes) {
        List<String> labels = new ArrayList<>();
        for (int c : classes) labels.add(c < data.classNames().size() ? data.classNames().get(c) : String.valueOf(c));
        return labels;
    }

    /** The request's rows as the model's inputs (featurised and scaled), checked against the data set. */
    private double[][] inputs(PreparedDataset data, PredictRequest request) {
        boolean hasInputs = request.inputs() != null;
        boolean hasPoints = request.points() != null;
        InvalidSpecException.require(hasInputs != hasPoints, hasInputs ? "points" : "inputs",
                "give either inputs (rows of the data set's features: " + data.featureNames()
                        + ") or points (rows of x1, x2 for 2-D data sets), not both or neither");
        List<double[]> rows = hasInputs ? request.inputs() : request.points();
        String field = hasInputs ? "inputs" : "points";
        int maxRows = limits.maxPredictRows();
        InvalidSpecException.require(!rows.isEmpty() && rows.size() <= maxRows, field,
                "must have between 1 and " + maxRows + " rows (nnlab.limits.max-predict-rows), has " + rows.size());
        if (hasPoints) {
            InvalidSpecException.require(data.plane() != null, "points",
                    "points are for 2-D data sets; " + data.name() + " takes inputs");
        }
        int width = hasInputs ? data.inputs() : 2;
        double[][] x = new double[rows.size()][];
        for (int r = 0; r < rows.size(); r++) {
            double[] row = rows.get(r);
            String f = field + "[" + r + "]";
            InvalidSpecException.require(row != null && row.length == width, f,
                    "must have " + width + " values" + (hasInputs ? " (" + data.featureNames() + ")" : " (x1, x2)")
                            + ", has " + (row == null ? 0 : row.length));
            for (int c = 0; c < width; c++) {
                InvalidSpecException.require(Double.isFinite(row[c]), f + "[" + c + "]", "must be a finite number");
            }
            float[] in;
            if (hasPoints) {
                in = data.inputsAt(row[0], row[1]);
            } else {
                in = new float[width];
                for (int c = 0; c < width; c++) in[c] = (float) row[c];
                data.scaler().applyInPlace(in);
            }
            x[r] = new double[in.length];
            for (int c = 0; c < in.length; c++) x[r][c] = in[c];
        }
        return x;
    }
}
