package nnlab.jobs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import nnlab.engine.EpochReport;
import nnlab.engine.StopReason;
import nnlab.engine.Weights;

/**
 * What subscribers of {@code /topic/jobs/{id}} and {@code /api/jobs/{id}/events} receive, told apart by
 * {@code type}: one {@link Epoch} per epoch, a {@link Status} on every status change (and queue move),
 * and coalesced {@link Progress} within long epochs.
 */
public sealed interface JobMessage permits JobMessage.Epoch, JobMessage.Status, JobMessage.Progress {

    @JsonProperty("type")
    String type();

    String jobId();

    /**
     * One epoch's results. The same records, without weights and grid, are the job's stored history.
     *
     * @param epochs         the epochs the spec asked for
     * @param seconds        this epoch's wall time
     * @param elapsedSeconds training time since the job started, pauses left out
     * @param status         the job's status after this epoch
     * @param stopReason     set on the last epoch: COMPLETED, EARLY_STOPPED, DIVERGED or CANCELLED
     * @param weights        the weights after this epoch, when the spec asked for them (coalesced)
     * @param grid           heatmap grids after this epoch, when the spec asked for them (coalesced)
     * @param earlier        a paced job's epochs since the last message that were not sent on their own, one row
     *                       each: [epoch, train loss, train accuracy, test loss, test accuracy] (null where a
     *                       metric does not apply): every epoch's metrics reach the page, batched into its frames
     * @param figures        a classic model's own figures of this step: adaboost's {@code alpha} and {@code error}
     *                       of the round (live, and in the history: stored with the finished model)
     */
    @JsonPropertyOrder({"type", "jobId", "epoch"})
    record Epoch(String jobId, int epoch, int epochs, int steps, MetricsView train, MetricsView validation,
                 MetricsView test, double seconds, double elapsedSeconds, Double weightNorm, double learningRate,
                 JobStatus status, StopReason stopReason,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Weights weights,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Grid grid,
                 @JsonInclude(JsonInclude.Include.NON_NULL) List<Float[]> earlier,
                 @JsonInclude(JsonInclude.Include.NON_NULL) Map<String, Double> figures) implements JobMessage {

        public Epoch(String jobId, int epoch, int epochs, int steps, MetricsView train, MetricsView validation,
                     MetricsView test, double seconds, double elapsedSeconds, Double weightNorm, double learningRate,
                     JobStatus status, StopReason stopReason, Weights weights, Grid grid, List<Float[]> earlier) {
            this(jobId, epoch, epochs, steps, train, validation, test, seconds, elapsedSeconds, weightNorm,
                    learningRate, status, stopReason, weights, grid, earlier, null);
        }

        public Epoch(String jobId, int epoch, int epochs, int steps, MetricsView train, MetricsView validation,
                     MetricsView test, double seconds, double elapsedSeconds, Double weightNorm, double learningRate,
                     JobStatus status, StopReason stopReason, Weights weights, Grid grid) {
            this(jobId, epoch, epochs, steps, train, validation, test, seconds, elapsedSeconds, weightNorm,
                    learningRate, status, stopReason, weights, grid, null);
        }

        public static Epoch of(String jobId, int epochs, EpochReport r, double elapsed, JobStatus status) {
            return new Epoch(jobId, r.epoch(), epochs, r.steps(), MetricsView.of(r.train()),
                    MetricsView.of(r.validation()), MetricsView.of(r.test()), r.seconds(), elapsed,
                    MetricsView.value(r.weightNorm()), r.learningRate(), status, r.stop(), null, null);
        }

        public Epoch withSnapshot(Weights w, Grid g) {
            return new Epoch(jobId, epoch, epochs, steps, train, validation, test, seconds, elapsedSeconds, weightNorm,
                    learningRate, status, stopReason, w, g, earlier, figures);
        }

        public Epoch withEarlier(List<Float[]> rows) {
            return new Epoch(jobId, epoch, epochs, steps, train, validation, test, seconds, elapsedSeconds, weightNorm,
                    learningRate, status, stopReason, weights, grid, rows, figures);
        }

        public Epoch withFigures(Map<String, Double> f) {
            return new Epoch(jobId, epoch, epochs, steps, train, validation, test, seconds, elapsedSeconds, weightNorm,
                    learningRate, status, stopReason, weights, grid, earlier, f);
        }

        /** This epoch's row for a later message's {@code earlier}. */
        Float[] row() {
            return new Float[]{(float) epoch, number(train, true), number(train, false), number(test, true),
                    number(test, false)};
        }

        private static Float number(MetricsView m, boolean loss) {
            Double v = m == null ? null : loss ? m.loss() : m.accuracy();
            return v == null ? null : v.floatValue();
        }

        public Epoch withoutSnapshot() {
            return weights == null && grid == null && earlier == null && figures == null ? this
                    : new Epoch(jobId, epoch, epochs, steps, train, validation, test, seconds, elapsedSeconds,
                    weightNorm, learningRate, status, stopReason, null, null, null);
        }

        @Override
        @JsonProperty("type")
        public String type() {
            return "epoch";
        }
    }

    /**
     * @param epochsDone    epochs finished so far
     * @param queuePosition 1 = next to start; null unless QUEUED
     * @param error         why the job failed or was interrupted
     */
    @JsonPropertyOrder({"type", "jobId", "status"})
    record Status(String jobId, JobStatus status, int epochsDone, int epochs, Integer queuePosition,
                  StopReason stopReason, String error) implements JobMessage {
        @Override
        @JsonProperty("type")
        public String type() {
            return "status";
        }
    }

    /** Within an epoch: how many batches are done and the running mean loss; at most a few per second. */
    @JsonPropertyOrder({"type", "jobId", "epoch"})
    record Progress(String jobId, int epoch, int batch, int batches, Double runningLoss) implements JobMessage {
        @Override
        @JsonProperty("type")
        public String type() {
            return "progress";
        }
    }

    /**
     * Heatmaps over [min, max]²: {@code layers[l][u]} is unit u of layer l at resolution² points, row-major,
     * row 0 at x2 = max, column 0 at x1 = min. Without per-neuron grids only the output layer is given
     * (as the last and only entry). The hidden layers' maps have {@code neuronResolution}² points when the spec
     * asked for smaller ones. With the bytes encoding {@code layers} is absent and {@code packed[l][u]} holds the
     * map as base64 of one byte a point, value = low + byte × (high − low) / 255 with
     * {@code ranges[l][u] = [low, high]}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Grid(int resolution, double min, double max, boolean neurons, Integer neuronResolution, String encoding,
                List<List<float[]>> layers, List<List<String>> packed, List<List<double[]>> ranges) {

        /** Maps as numbers, every one at the resolution. */
        public Grid(int resolution, double min, double max, boolean neurons, List<List<float[]>> layers) {
            this(resolution, min, max, neurons, null, null, layers, null, null);
        }
    }
}
