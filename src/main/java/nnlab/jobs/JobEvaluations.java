package nnlab.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import nnlab.data.DatasetSpec;
import nnlab.data.Mnist;
import nnlab.data.PreparedDataset;
import nnlab.engine.Activation;
import nnlab.engine.DataSplit;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Model;
import org.springframework.stereotype.Service;

/**
 * Confusion matrices and sample predictions of classifier jobs: live jobs with their current weights,
 * finished ones with their final weights. An evaluation of MNIST costs up to a second of CPU, so results
 * are kept: a finished job's for good (they cannot change), a live job's as long as its weights are the
 * same (until its next epoch), so that "Evaluate now" pressed again and again costs nothing. At most
 * {@code nnlab.limits.max-concurrent-evaluations} are computed at once; past that the request is refused
 * with {@link EvaluationsBusyException} rather than queued, so that a flood cannot pile up work.
 * Micrometer counts them: {@code nnlab.evaluations} (tag {@code result}: computed, cached, refused).
 */
@Service
public class JobEvaluations {

    static final int CACHED = 32;
    static final String BOUND = "nnlab.limits.max-concurrent-evaluations";

    private final JobService jobs;
    private final LimitsProperties limits;
    private final Map<String, Evaluation> finished = lru();
    private final Map<String, LiveResult> live = lru();
    private final Semaphore slots;
    private final int bound;
    private final Counter computed;
    private final Counter cached;
    private final Counter refused;

    /**
     * A live job's evaluation and the weights snapshot (one per epoch) it was computed on; held weakly, so
     * that the cache does not keep a large network's old weights alive.
     */
    private record LiveResult(WeakReference<Model> weights, Evaluation evaluation) {
    }

    public JobEvaluations(JobService jobs, LimitsProperties limits, MeterRegistry meters) {
        this.jobs = jobs;
        this.limits = limits;
        this.bound = limits.effectiveConcurrentEvaluations();
        this.slots = new Semaphore(bound);
        this.computed = counter(meters, "computed");
        this.cached = counter(meters, "cached");
        this.refused = counter(meters, "refused");
    }

    private static Counter counter(MeterRegistry meters, String result) {
        return Counter.builder("nnlab.evaluations").tag("result", result)
                .description("evaluation requests: computed, answered from the cache, or refused as too many at once")
                .register(meters);
    }

    private static <V> Map<String, V> lru() {
        return Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > CACHED;
            }
        });
    }

    /**
     * @param split   test, validation or train; null for the test split, else validation, else train
     * @param samples how many examples to return with their predictions, mixing right and wrong ones
     */
    public Evaluation evaluate(ReachableJob reached, String split, int samples) {
        String id = reached.id();
        int max = limits.maxEvaluationSamples();
        InvalidSpecException.require(samples >= 0 && samples <= max, "samples",
                "must be between 0 and " + max + " (nnlab.limits.max-evaluation-samples), was " + samples);
        String requested = split == null ? null : split.strip().toLowerCase(Locale.ROOT);
        InvalidSpecException.require(requested == null || List.of("test", "validation", "train").contains(requested),
                "split", "must be test, validation or train, was " + split);
        JobStatus status = jobs.get(reached).status();
        String key = id + "/" + requested + "/" + samples;
        // a live job's current model is at hand; a finished one's is read from the database, in a slot
        TrainedModel current = status.finished() ? null : jobs.model(reached);
        Evaluation kept = status.finished() ? finished.get(key) : sameWeights(live.get(key), current);
        if (kept != null) {
            cached.increment();
            return kept;
        }
        if (!slots.tryAcquire()) {
            refused.increment();
            throw new EvaluationsBusyException("the server is computing as many evaluations as it may at once ("
                    + bound + ", " + BOUND + ")", BOUND, bound);
        }
        try {
            return evaluate(id, status, key, current != null ? current : jobs.model(reached), requested, samples);
        } finally {
            slots.release();
        }
    }

    private static Evaluation sameWeights(LiveResult kept, TrainedModel current) {
        return kept != null && kept.weights().get() == current.model() ? kept.evaluation() : null;
    }

    private Evaluation evaluate(String id, JobStatus status, String key, TrainedModel m, String requested,
                                int samples) {
        PreparedDataset data = m.data();
        if (!data.isClassification()) {
            throw new JobStateException(status, "job " + id + " is a regression (" + data.name() + ", "
                    + data.target() + "): a confusion matrix needs a classifier");
        }
        String name = requested != null ? requested : defaultSplit(data.split());
        Examples examples = part(data.split(), name);
        if (name.equals("train")) examples = withoutRedrawnCopies(m, examples);
        InvalidSpecException.require(examples != null && examples.count() > 0, "split",
                "job " + id + " has no " + name + " examples");
        Evaluation result = evaluate(m, name, examples, samples);
        computed.increment();
        if (status.finished()) finished.put(key, result);
        else live.put(key, new LiveResult(new WeakReference<>(m.model()), result));
        return result;
    }

    private static String defaultSplit(DataSplit split) {
        if (split.test() != null && split.test().count() > 0) return "test";
        if (split.validation() != null && split.validation().count() > 0) return "validation";
        return "train";
    }

    /**
     * The training images as loaded, without augmentation's copies: those are drawn anew every epoch, so the ones kept
     * with the data (epoch 1's) are not what the weights last trained on. The originals come first.
     */
    private static Examples withoutRedrawnCopies(TrainedModel m, Examples train) {
        DatasetSpec.Augmentation augmentation = m.spec().dataset().augmentation();
        if (augmentation == null || m.data().split().redraw() == null) return train;
        return train.slice(0, train.count() / (1 + augmentation.resolved(0).copies()));
    }

    private static Examples part(DataSplit split, String name) {
        return switch (name) {
            case "test" -> split.test();
            case "validation" -> split.validation();
            default -> split.train();
        };
    }

    private static Evaluation evaluate(TrainedModel m, String split, Examples examples, int samples) {
        PreparedDataset data = m.data();
        Model.Classified c = m.model().classify(examples, m.loss());
        int k = data.classNames().size();
        int[][] matrix = new int[k][k];
        int correct = 0;
        for (int i = 0; i < examples.count(); i++) {
            matrix[c.actual()[i]][c.predicted()[i]]++;
            if (c.actual()[i] == c.predicted()[i]) correct++;
        }
        List<Evaluation.ClassScore> classes = new ArrayList<>();
        for (int t = 0; t < k; t++) {
            int support = Arrays.stream(matrix[t]).sum();
            int predicted = 0;
            for (int[] row : matrix) predicted += row[t];
            int hits = matrix[t][t];
            classes.add(new Evaluation.ClassScore(data.classNames().get(t), support, predicted, hits,
                    support == 0 ? null : (double) hits / support, predicted == 0 ? null : (double) hits / predicted));
        }
        boolean image = data.featureNames().equals(Mnist.PIXEL_NAMES);
        List<Evaluation.Sample> picked = new ArrayList<>();
        Activation out = m.model().spec().outputActivation();
        for (int i : pick(c, samples, m.spec().seed())) {
            float[] raw = Arrays.copyOfRange(examples.x(), i * examples.inputs(), (i + 1) * examples.inputs());
            data.scaler().invertInPlace(raw);
            int[] pixels = null;
            double[] features = null;
            if (image) {
                pixels = new int[raw.length];
                for (int j = 0; j < raw.length; j++) pixels[j] = Math.round(Math.max(0, Math.min(Mnist.MAX_PIXEL, raw[j])));
            } else {
                features = new double[raw.length];
                for (int j = 0; j < raw.length; j++) features[j] = raw[j];
            }
            picked.add(new Evaluation.Sample(i, c.actual()[i], c.predicted()[i], c.actual()[i] == c.predicted()[i],
                    probabilities(c.outputs()[i], out, k), pixels, features));
        }
        return new Evaluation(m.jobId(), m.epochs(), split, examples.count(), correct,
                examples.count() == 0 ? 0 : (double) correct / examples.count(), data.classNames(), matrix, classes,
                image ? null : data.featureNames(), image ? new Evaluation.Image(Mnist.SIDE, Mnist.SIDE) : null,
                picked);
    }

    /**
     * Up to {@code n} example rows, half of them (when there are so many) wrongly classified, the rest
     * right, drawn in an order fixed by the job's seed so that the same weights always show the same
     * examples; returned in row order.
     */
    static int[] pick(Model.Classified c, int n, Long seed) {
        int count = c.actual().length;
        int[] order = new int[count];
        for (int i = 0; i < count; i++) order[i] = i;
        SplittableRandom random = new SplittableRandom(seed == null ? 0 : seed);
        for (int i = count - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        List<Integer> wrong = new ArrayList<>(), right = new ArrayList<>();
        for (int i : order) (c.actual()[i] == c.predicted()[i] ? right : wrong).add(i);
        int takeWrong = Math.min(wrong.size(), Math.max(n / 2, n - right.size()));
        int takeRight = Math.min(right.size(), n - takeWrong);
        List<Integer> chosen = new ArrayList<>(wrong.subList(0, takeWrong));
        chosen.addAll(right.subList(0, takeRight));
        return chosen.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    /** Class probabilities where the output layer gives them: softmax over the classes, or one sigmoid unit. */
    private static double[] probabilities(double[] outputs, Activation out, int classes) {
        if (out == Activation.SOFTMAX && outputs.length == classes) return outputs.clone();
        if (out == Activation.SIGMOID && outputs.length == 1 && classes == 2) return new double[]{1 - outputs[0], outputs[0]};
        return null;
    }
}
