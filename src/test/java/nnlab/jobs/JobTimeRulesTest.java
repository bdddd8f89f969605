package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * The idle, paused and time-limit rules on a fake clock: minutes pass in a method call, no server, no waiting.
 * Idle timeout 30 s, paused timeout 10 min, time limit 1 h unless a test says otherwise.
 */
class JobTimeRulesTest {

    private final FakeClock clock = new FakeClock();
    private final JobWatchers watchers = new JobWatchers(clock);
    private final List<Job> jobs = new CopyOnWriteArrayList<>();
    /** Jobs the sweeper cancelled as idle, with the reason it gave. */
    private final List<String> cancelled = new ArrayList<>();

    private static JobsProperties properties(String pausedTimeout, String maxDuration) {
        return new Binder(new MapConfigurationPropertySource(Map.of(
                "nnlab.jobs.idle-timeout", "30s", "nnlab.jobs.paused-timeout", pausedTimeout,
                "nnlab.jobs.max-duration", maxDuration))).bind("nnlab.jobs", JobsProperties.class).get();
    }

    private JobSweeper sweeper(JobsProperties properties) {
        return new JobSweeper(() -> jobs, id -> jobs.stream().anyMatch(j -> j.id.equals(id)),
                (job, reason) -> {
                    job.cancel(reason); // what the service's cancel starts with; the sweeper skips cancelled jobs
                    cancelled.add(job.id + ": " + reason);
                }, watchers, properties, clock);
    }

    private Job queued(String id, int epochs, boolean paused) {
        Job job = JobFixtures.job(id, JobFixtures.xor(epochs, paused), clock);
        jobs.add(job);
        return job;
    }

    /** Runs the job on this thread until it ends or parks; every message goes to {@code onMessage}. */
    private void run(Job job, JobsProperties properties, MetricPublisher onMessage) {
        JobRunner runner = job.runner();
        if (runner == null) {
            runner = new JobRunner(job, JobFixtures.MAPPER, new NoStorage(), onMessage,
                    new JobMetrics(new SimpleMeterRegistry()), properties,
                    JobSpecMapperTest.defaults("nnlab.live", LiveProperties.class), j -> { }, clock,
                    new FinishedClassicModels(null));
            job.runner(runner);
        }
        runner.run();
    }

    @Test
    void aJobNobodyWatchesIsCancelledAfterTheIdleTimeoutAndAWatchedOneIsNot() {
        JobSweeper sweeper = sweeper(properties("10m", "1h"));
        queued("unwatched", 10, false);
        queued("followed", 10, false);
        queued("read", 10, false);
        watchers.looked("unwatched");
        watchers.subscribed("followed");
        watchers.looked("read");

        clock.advance(Duration.ofSeconds(20));
        watchers.looked("read"); // a read restarts its idle clock
        clock.advance(Duration.ofSeconds(10)); // 30 s since the first look: not yet more than the timeout
        sweeper.sweepIdle();
        assertThat(cancelled).isEmpty();

        clock.advanceMillis(1);
        sweeper.sweepIdle();
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0)).startsWith("unwatched: nobody looked at the job for PT30S")
                .contains("nnlab.jobs.idle-timeout");

        clock.advance(Duration.ofSeconds(20)); // 30 s and 1 ms since the last read
        sweeper.sweepIdle();
        assertThat(cancelled).hasSize(2).last().asString().startsWith("read: ");

        clock.advance(Duration.ofHours(1));
        sweeper.sweepIdle();
        assertThat(cancelled).as("a subscriber keeps its job alive however long").hasSize(2);
        watchers.unsubscribed("followed");
        clock.advance(Duration.ofSeconds(31));
        sweeper.sweepIdle();
        assertThat(cancelled).hasSize(3).last().asString().startsWith("followed: ");
    }

    @Test
    void aJobPausedLongerThanThePausedTimeoutIsCancelledWithItsHistoryKept() {
        JobsProperties properties = properties("10m", "1h");
        JobSweeper sweeper = sweeper(properties);
        Job job = queued("paused", 10, true);
        job.step();
        run(job, properties, m -> { });
        assertThat(job.isParked()).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);
        assertThat(job.epochsDone()).isEqualTo(1);

        clock.advance(Duration.ofMinutes(10).minusMillis(1));
        sweeper.sweepParked();
        assertThat(job.status()).isEqualTo(JobStatus.PAUSED);

        clock.advanceMillis(1);
        sweeper.sweepParked();
        assertThat(job.status()).isEqualTo(JobStatus.CANCELLED);
        assertThat(job.error()).contains("paused for longer than PT10M (nnlab.jobs.paused-timeout)")
                .contains("up to epoch 1");
        assertThat(job.training()).as("its training is freed").isNull();
    }

    @Test
    void aPausedJobPastItsTimeLimitFails() {
        JobsProperties properties = properties("10m", "5m");
        JobSweeper sweeper = sweeper(properties);
        Job job = queued("paused", 10, true);
        run(job, properties, m -> { });
        assertThat(job.isParked()).isTrue();

        clock.advance(Duration.ofMinutes(5));
        sweeper.sweepParked();
        assertThat(job.status()).as("at the limit, not past it").isEqualTo(JobStatus.PAUSED);

        clock.advanceMillis(1);
        sweeper.sweepParked();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).isEqualTo(
                "the job exceeded its time limit of PT5M (nnlab.jobs.max-duration), pauses included");
    }

    @Test
    void aRunningJobPastItsTimeLimitFailsBeforeItsNextEpoch() {
        JobsProperties properties = properties("10m", "1h");
        Job job = queued("running", 1_000, false);
        // the first epoch "takes" an hour and a millisecond
        run(job, properties, m -> {
            if (m instanceof JobMessage.Epoch e && e.epoch() == 1) clock.advance(Duration.ofHours(1).plusMillis(1));
        });
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.epochsDone()).isEqualTo(1);
        assertThat(job.error()).contains("time limit of PT1H (nnlab.jobs.max-duration)");
    }

    @Test
    void aRunningJobWithinItsTimeLimitCompletes() {
        JobsProperties properties = properties("10m", "1h");
        Job job = queued("running", 3, false);
        run(job, properties, m -> {
            if (m instanceof JobMessage.Epoch) clock.advance(Duration.ofMinutes(20));
        });
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.epochsDone()).isEqualTo(3);
    }

    @Test
    void theTimeLimitCountsPausesToo() {
        JobsProperties properties = properties("2h", "1h");
        Job job = queued("resumed", 10, true);
        run(job, properties, m -> { });
        clock.advance(Duration.ofMinutes(61)); // paused past the limit, and resumed before a sweep
        assertThat(job.resume()).isTrue();
        run(job, properties, m -> { });
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.epochsDone()).isZero();
        assertThat(job.error()).contains("pauses included");
    }

    private Job paced(String id, int epochs, int until) {
        JobSpec xor = JobFixtures.xor(epochs, false);
        Job job = JobFixtures.job(id, new JobSpec(xor.dataset(), xor.model(), xor.training(), xor.seed(), null, null,
                new JobSpec.Pace(until)), clock);
        jobs.add(job);
        return job;
    }

    @Test
    void aPacedJobRunsToItsGrantThenParksRunningAndGoesOnWhenGrantedMore() {
        JobsProperties properties = properties("10m", "1h");
        Job job = paced("paced", 20, 3);
        List<JobMessage> messages = new CopyOnWriteArrayList<>();
        run(job, properties, messages::add);
        assertThat(job.epochsDone()).isEqualTo(3);
        assertThat(job.isParked()).isTrue();
        assertThat(job.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(job.grant(2)).as("an older grant does not wake it").isFalse();
        assertThat(job.grant(7)).as("a newer one does: queue it again").isTrue();
        run(job, properties, messages::add);
        assertThat(job.epochsDone()).isEqualTo(7);
        assertThat(job.grant(1000)).isTrue(); // past its epochs: it ends at exactly 20
        run(job, properties, messages::add);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.epochsDone()).isEqualTo(20);
        assertThat(messages.stream().filter(m -> m instanceof JobMessage.Status s && s.status() == JobStatus.PAUSED))
                .as("waiting for a grant is not a pause").isEmpty();
    }

    @Test
    void aPacedJobNobodyFollowsIsCancelledAfterAMinuteOthersAfterTheIdleTimeout() {
        JobsProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "nnlab.jobs.idle-timeout", "10m", "nnlab.jobs.paced-idle-timeout", "60s")))
                .bind("nnlab.jobs", JobsProperties.class).get();
        JobSweeper sweeper = sweeper(properties);
        paced("page-gone", 20, 0);
        paced("page-here", 20, 0);
        queued("script", 20, false);
        watchers.looked("page-gone");
        watchers.subscribed("page-here");
        watchers.looked("script");
        clock.advance(Duration.ofSeconds(60));
        sweeper.sweepIdle();
        assertThat(cancelled).isEmpty();
        clock.advanceMillis(1);
        sweeper.sweepIdle();
        assertThat(cancelled).hasSize(1);
        assertThat(cancelled.get(0)).startsWith("page-gone: the page that played the job went away")
                .contains("nnlab.jobs.paced-idle-timeout");
        // a reload within the minute that follows the job again keeps it
        watchers.unsubscribed("page-here");
        clock.advance(Duration.ofSeconds(30));
        watchers.subscribed("page-here");
        clock.advance(Duration.ofSeconds(50));
        sweeper.sweepIdle();
        assertThat(cancelled).hasSize(1);
    }
}
