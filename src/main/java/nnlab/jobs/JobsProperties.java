package nnlab.jobs;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The jobs' queue and lifecycle ({@code nnlab.jobs.*}).
 *
 * @param workers             jobs trained side by side, one thread each (0 = one per CPU core)
 * @param queueCapacity       jobs waiting for a worker; past this a submission gets 429
 * @param maxActivePerClient  queued + running + paused jobs one client may have; past this 429
 * @param maxRunningPerClient jobs of one client on workers at once while other clients' jobs wait
 * @param maxQueuedPerClient  jobs of one client waiting for a worker; past this 429
 * @param workConserving      an idle worker takes a job of a client at maxRunningPerClient when no
 *                            other client's job waits (false: the worker stays idle)
 * @param submissionsPerMinute jobs one client may submit per minute (a token bucket of this size,
 *                            refilled evenly); past it 429 with the time to the next token; 0 = no limit
 * @param idleTimeout         how long a queued, running or paused job may go with nobody looking (no
 *                            live-stream subscriber, no read of the job or its metrics); then it is
 *                            cancelled with an error saying why; 0 = never
 * @param retryAfter          the Retry-After of a 429
 * @param maxDuration         wall time a job may take from start, pauses included; then it fails
 * @param pausedTimeout       how long a paused job may sit without a step or resume; then it is
 *                            cancelled (with an error saying so) and its training state is freed
 * @param pacedIdleTimeout    how long a paced job (a page's) may go with no live-stream subscriber, no grant and
 *                            no read: then the page that played it has gone, and it is cancelled; a page that
 *                            comes back sooner (a reload) can follow it on
 */
@ConfigurationProperties("nnlab.jobs")
public record JobsProperties(@DefaultValue("0") int workers,
                             @DefaultValue("32") int queueCapacity,
                             @DefaultValue("4") int maxActivePerClient,
                             @DefaultValue("1") int maxRunningPerClient,
                             @DefaultValue("3") int maxQueuedPerClient,
                             @DefaultValue("true") boolean workConserving,
                             @DefaultValue("60") int submissionsPerMinute,
                             @DefaultValue("10m") Duration idleTimeout,
                             @DefaultValue("10s") Duration retryAfter,
                             @DefaultValue("30m") Duration maxDuration,
                             @DefaultValue("30m") Duration pausedTimeout,
                             @DefaultValue("60s") Duration pacedIdleTimeout) {

    public int effectiveWorkers() {
        return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors());
    }
}
