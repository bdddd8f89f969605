package nnlab.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Everything an instructor may want to tune, with defaults safe for a small class on a small server.
 * See README (configuration) for the table.
 *
 * @param dataDir where the embedded database and JavaCPP's native cache live
 */
@ConfigurationProperties("nnlab")
public record NnlabProperties(@DefaultValue("data") String dataDir,
                              @DefaultValue Jobs jobs,
                              @DefaultValue Limits limits,
                              @DefaultValue Live live,
                              @DefaultValue Security security,
                              @DefaultValue Classroom classroom) {

    /**
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
     */
    public record Jobs(@DefaultValue("0") int workers,
                       @DefaultValue("32") int queueCapacity,
                       @DefaultValue("4") int maxActivePerClient,
                       @DefaultValue("1") int maxRunningPerClient,
                       @DefaultValue("3") int maxQueuedPerClient,
                       @DefaultValue("true") boolean workConserving,
                       @DefaultValue("60") int submissionsPerMinute,
                       @DefaultValue("10m") Duration idleTimeout,
                       @DefaultValue("10s") Duration retryAfter,
                       @DefaultValue("30m") Duration maxDuration,
                       @DefaultValue("30m") Duration pausedTimeout) {

        public int effectiveWorkers() {
            return workers > 0 ? workers : Math.max(1, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Bounds on what a spec may ask for and on what callers may ask of the server; each is reported with
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
     * @param memoryReserve      heap kept for the server itself (requests, live streams, evaluations, finished
     *                           jobs' models); jobs share the rest of the max heap, each reserving its estimate
     *                           before it starts (see README, Memory)
     */
    public record Limits(@DefaultValue("8") int maxLayers,
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
                         @DefaultValue("256MB") org.springframework.util.unit.DataSize memoryReserve) {

        public int effectiveConcurrentEvaluations() {
            return maxConcurrentEvaluations > 0 ? maxConcurrentEvaluations
                    : Math.max(1, Runtime.getRuntime().availableProcessors());
        }
    }

    /**
     * Live messages.
     *
     * @param maxSnapshotsPerSecond  weights and heatmap grids sent per job and second at most (coalesced)
     * @param maxProgressPerSecond   within-epoch progress messages per job and second at most
     * @param subscriberBuffer       events buffered per SSE subscriber; a subscriber that falls this far
     *                               behind is disconnected (it can reconnect with Last-Event-ID)
     * @param allowedOrigins         origins (or patterns such as {@code https://*.example.org}) of other sites'
     *                               pages allowed to open the WebSocket at /ws; empty = only this server's own
     *                               pages (a handshake without an Origin header, from a script, is not a
     *                               browser's and is let through either way)
     */
    public record Live(@DefaultValue("10") double maxSnapshotsPerSecond,
                       @DefaultValue("4") double maxProgressPerSecond,
                       @DefaultValue("4096") int subscriberBuffer,
                       @DefaultValue java.util.List<String> allowedOrigins) {
    }

    /**
     * Who may do what.
     *
     * @param secret             signs the students' cookies; empty = one made at first start and kept in the
     *                           database, so cookies survive a restart (env NNLAB_SECRET)
     * @param anonymousApi       callers without a cookie or token may use /api/jobs (scripts, the embedded
     *                           default); false = 401 for them
     * @param anonymousPages     visitors who have not joined a class may open /playground and /labs;
     *                           false = they are sent to /join
     * @param secureCookies      AUTO marks cookies Secure when the request came over HTTPS
     * @param studentCookieAge   how long a student's browser remembers them
     * @param instructors        accounts created at start when missing (passwords hashed with BCrypt); with
     *                           none configured and none stored, "instructor" is made with a password printed
     *                           once in the log
     * @param loginFailuresPerUsername failed sign-ins one username may have per {@code loginWindow}; then 429
     * @param loginFailuresPerAddress  failed sign-ins one address may have per {@code loginWindow}; then 429
     * @param loginWindow        the window both login limits refill over
     * @param minPasswordLength  the fewest characters of a password an instructor sets on /account
     * @param maxRequestBody     the largest request body read (a spec with imported MNIST weights is ~1.2 MB);
     *                           a larger one is refused with 413 before it is read
     */
    public record Security(@DefaultValue("") String secret,
                           @DefaultValue("true") boolean anonymousApi,
                           @DefaultValue("true") boolean anonymousPages,
                           @DefaultValue("AUTO") CookieSecurity secureCookies,
                           @DefaultValue("180d") Duration studentCookieAge,
                           @DefaultValue java.util.List<Account> instructors,
                           @DefaultValue("5") int loginFailuresPerUsername,
                           @DefaultValue("20") int loginFailuresPerAddress,
                           @DefaultValue("5m") Duration loginWindow,
                           @DefaultValue("12") int minPasswordLength,
                           @DefaultValue("16MB") org.springframework.util.unit.DataSize maxRequestBody) {
    }

    /**
     * The instructor's view of a class.
     *
     * @param onlineWindow            a student counts as online while their pages' heartbeats (every 25 s) or
     *                                other requests are this recent
     * @param dashboardUpdatesPerSecond pushes of a class's dashboard over the WebSocket per second at most,
     *                                however many of its students train or answer at once
     * @param heartbeatsPerMinute     page heartbeats ({@code POST /api/progress}) per caller and minute: a burst
     *                                of this many, then one per 60/limit seconds; a page sends one every 25 s, so
     *                                the default allows some 25 open pages; past it 429; 0 = no limit
     * @param answersPerMinute        lab answers ({@code POST /api/labs/{lab}/answers}) per caller and minute,
     *                                the same way; far more than anyone answers by hand; 0 = no limit
     */
    public record Classroom(@DefaultValue("60s") Duration onlineWindow,
                            @DefaultValue("2") double dashboardUpdatesPerSecond,
                            @DefaultValue("60") int heartbeatsPerMinute,
                            @DefaultValue("60") int answersPerMinute) {
    }

    /** An instructor account from configuration. */
    public record Account(String username, String password) {
    }

    public enum CookieSecurity { AUTO, ALWAYS, NEVER }
}
