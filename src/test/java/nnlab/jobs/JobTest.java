package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import nnlab.data.DatasetSpec;
import org.junit.jupiter.api.Test;

/** The pause/step/resume/cancel handshake between request threads and a job's training thread. */
class JobTest {

    private static Job job(boolean paused) {
        JobSpec spec = new JobSpec(DatasetSpec.of("xor"), new JobSpec.Model(java.util.List.of(), null, null),
                new JobSpec.Training(null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null), 1L, null, paused);
        return new Job("j", "c", spec, 10, 2, Instant.now());
    }

    private static long later() {
        return System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    }

    @Test
    void stepsGrantExactlyOneEpochEach() throws Exception {
        Job job = job(true);
        assertThat(job.mustWait()).isTrue();
        job.step();
        job.step();
        assertThat(job.awaitTurn(later())).isTrue();
        assertThat(job.awaitTurn(later())).isTrue();
        assertThat(job.mustWait()).isTrue();
        // the third epoch waits until resume
        CompletableFuture<Boolean> third = CompletableFuture.supplyAsync(() -> {
            try {
                return job.awaitTurn(later());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(100);
        assertThat(third).isNotDone();
        job.resume();
        assertThat(third.get(2, TimeUnit.SECONDS)).isTrue();
        assertThat(job.mustWait()).isFalse();
    }

    @Test
    void cancelWakesAPausedJob() throws Exception {
        Job job = job(true);
        CompletableFuture<Boolean> turn = CompletableFuture.supplyAsync(() -> {
            try {
                return job.awaitTurn(later());
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(50);
        job.cancel();
        assertThat(turn.get(2, TimeUnit.SECONDS)).isFalse();
    }

    @Test
    void aPauseDeadlineEndsTheWait() throws Exception {
        Job job = job(true);
        long start = System.nanoTime();
        assertThat(job.awaitTurn(System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100))).isFalse();
        assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(90));
        assertThat(job.isCancelled()).isFalse();
    }
}
