package nnlab.jobs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Bounds on what ({@code nnlab.limits.*}) a spec may ask for and on what callers may ask of the server; each is reported with
 * its name when exceeded.
 *
 * @param maxSamples         examples of a generated data set, and the cap on MNIST's train/test limits
 * @param maxGridResolution  heatmap grid side (points per axis)
 * @param maxPredictRows     rows in one predict request
 * @param maxEvaluationSamples sample predictions in one evaluation answer
 * @param maxWork            a job's size: weights and biases × training examples × epochs (about the
 *                           multiply-adds of its forward passes); the lecture's MNIST run is 3.3e10
 * @param maxConcurrentEvaluations evaluations ({@code GET /api/jobs/{id}/evaluation}) computed at once on
 *                           the whole server (0 = one per CPU core); past it 503 with Retry-After. Answers
 *                           already computed for the same weights are served from a cache and not counted
 * @param anonymousSubmissionsPerMinutePerAddress jobs all anonymous callers from one address may submit
 *                           per minute, whatever {@code X-Nnlab-Client} they send (so a script cannot dodge
 *                           {@code nnlab.jobs.submissions-per-minute} by changing it); 0 = no limit
 * @param anonymousHeartbeatsPerMinutePerAddress the same for page heartbeats
 * @param anonymousAnswersPerMinutePerAddress the same for lab answers
 * @param anonymousPreviewsPerMinutePerAddress the same for previews ({@code POST /api/jobs/preview})
 * @param previewsPerMinute  previews ({@code POST /api/jobs/preview}) one caller may ask for per minute (a token
 *                           bucket of this size, refilled evenly; the playground asks for one per hand edit)
 * @param memoryReserve      heap kept for the server itself (requests, live streams, evaluations, finished
 *                           jobs' models); jobs share the rest of the max heap, each reserving its estimate
 *                           before it starts (see README, Memory)
 */
@ConfigurationProperties("nnlab.limits")
public record LimitsProperties(@DefaultValue("8") int maxLayers,
                               @DefaultValue("1024") int maxUnits,
                               @DefaultValue("10000") int maxEpochs,
                               @DefaultValue("10000") int maxBatchSize,
                               @DefaultValue("2000000") long maxParameters,
                               @DefaultValue("60000") int maxSamples,
                               @DefaultValue("100") int maxGridResolution,
                               @DefaultValue("10000") int maxPredictRows,
                               @DefaultValue("100") int maxEvaluationSamples,
                               @DefaultValue("1000000000000") long maxWork,
                               @DefaultValue("0") int maxConcurrentEvaluations,
                               @DefaultValue("600") int anonymousSubmissionsPerMinutePerAddress,
                               @DefaultValue("600") int anonymousHeartbeatsPerMinutePerAddress,
                               @DefaultValue("600") int anonymousAnswersPerMinutePerAddress,
                               @DefaultValue("256MB") DataSize memoryReserve,
                               @DefaultValue("300") int previewsPerMinute,
                               @DefaultValue("3000") int anonymousPreviewsPerMinutePerAddress) {

    public int effectiveConcurrentEvaluations() {
        return maxConcurrentEvaluations > 0 ? maxConcurrentEvaluations
                : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
