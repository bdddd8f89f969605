package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * The pause/step/resume/cancel handshake between request threads and the workers: whoever unparks a
 * parked job owns it, exactly once.
 */
class JobTest {

    private final FakeClock clock = new FakeClock();

    private Job job(boolean paused) {
        return JobFixtures.job("j", JobFixtures.xor(10, paused), clock);
    }

    @Test
    void stepsGrantExactlyOneEpochEach() {
        Job job = job(true);
        assertThat(job.mustWait()).isTrue();
        assertThat(job.step()).isFalse(); // not parked yet: the worker will use the step
        assertThat(job.step()).isFalse();
        assertThat(job.parkOrTakeTurn()).isFalse();
        assertThat(job.parkOrTakeTurn()).isFalse();
        assertThat(job.mustWait()).isTrue();
        // the third epoch parks the job until a resume, which hands it back exactly once
        assertThat(job.parkOrTakeTurn()).isTrue();
        assertThat(job.isParked()).isTrue();
        assertThat(job.resume()).isTrue();
        assertThat(job.isParked()).isFalse();
        assertThat(job.resume()).isFalse();
        assertThat(job.parkOrTakeTurn()).isFalse();
        assertThat(job.mustWait()).isFalse();
    }

    @Test
    void aStepUnparksForOneEpoch() {
        Job job = job(true);
        assertThat(job.parkOrTakeTurn()).isTrue();
        assertThat(job.step()).isTrue();
        assertThat(job.step()).isFalse(); // already handed back: this one is a second granted epoch
        assertThat(job.parkOrTakeTurn()).isFalse();
        assertThat(job.parkOrTakeTurn()).isFalse();
        assertThat(job.parkOrTakeTurn()).isTrue();
    }

    @Test
    void cancelTakesAParkedJobAndNoOneElseDoes() {
        Job job = job(true);
        assertThat(job.parkOrTakeTurn()).isTrue();
        assertThat(job.cancel()).isTrue();
        assertThat(job.isCancelled()).isTrue();
        assertThat(job.resume()).isFalse();
        assertThat(job.unparkToEnd()).isFalse();
        assertThat(job.parkOrTakeTurn()).isFalse(); // a cancelled job never parks
        assertThat(job(false).cancel()).isFalse();
    }

    @Test
    void onlyAJobParkedAtOrBeforeTheCutoffIsIdle() {
        Job job = job(true);
        assertThat(job.unparkIfIdleSince(clock.millis())).isFalse(); // not parked
        assertThat(job.parkOrTakeTurn()).isTrue();
        long parkedAt = clock.millis();
        assertThat(job.unparkIfIdleSince(parkedAt - 1)).isFalse();
        clock.advanceMillis(5);
        assertThat(job.unparkIfIdleSince(parkedAt)).isTrue();
        assertThat(job.isCancelled()).isTrue();
        assertThat(job.unparkIfIdleSince(clock.millis())).isFalse();
    }
}
