package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobWatchersTest {

    private final FakeClock clock = new FakeClock();

    @Test
    void aJobIsUnwatchedOnlyWithNoSubscriberAndNoLookSinceTheCutoff() {
        JobWatchers w = new JobWatchers(clock);
        long before = clock.millis();
        clock.advanceMillis(2);
        assertThat(w.unwatchedSince("a", before)).as("first seen now").isFalse();
        clock.advanceMillis(1);
        assertThat(w.unwatchedSince("a", clock.millis())).isTrue();

        w.subscribed("a");
        w.subscribed("a");
        assertThat(w.subscribers("a")).isEqualTo(2);
        clock.advanceMillis(10);
        assertThat(w.unwatchedSince("a", clock.millis())).as("two subscribers").isFalse();
        w.unsubscribed("a");
        clock.advanceMillis(10);
        assertThat(w.unwatchedSince("a", clock.millis())).as("one left").isFalse();
        long leaving = clock.millis();
        w.unsubscribed("a");
        assertThat(w.subscribers("a")).isZero();
        assertThat(w.unwatchedSince("a", leaving)).as("the clock starts when the last one leaves").isFalse();
        clock.advanceMillis(1);
        assertThat(w.unwatchedSince("a", clock.millis())).isTrue();

        clock.advanceMillis(10);
        long look = clock.millis();
        w.looked("a");
        assertThat(w.unwatchedSince("a", look)).isFalse();
        w.unsubscribed("a"); // a stray end never goes below zero
        assertThat(w.subscribers("a")).isZero();
    }

    @Test
    void finishedJobsAreForgottenOnceNobodySubscribesNorLookedRecently() {
        JobWatchers w = new JobWatchers(clock);
        w.looked("done");
        w.subscribed("followed");
        w.looked("live");
        clock.advanceMillis(JobWatchers.KEEP_LOOKS_MILLIS + 1);
        w.forgetUnless("live"::equals);
        assertThat(w.subscribers("followed")).isEqualTo(1);
        w.unsubscribed("followed");
        clock.advanceMillis(JobWatchers.KEEP_LOOKS_MILLIS + 1);
        w.forgetUnless("live"::equals);
        assertThat(w.watchedSince(0)).containsExactly("live");
        clock.advanceMillis(1_000);
        // forgotten entries start afresh when seen again
        assertThat(w.unwatchedSince("done", clock.millis())).isFalse();
    }

    @Test
    void aLookAtAJobTrainedElsewhereOutlastsTheSweepsUntilAHeartbeatReportsIt() {
        JobWatchers w = new JobWatchers(clock);
        long look = clock.millis();
        w.looked("elsewhere");
        for (int sweep = 0; sweep < 40; sweep++) { // 10 s of sweeps every 250 ms
            clock.advanceMillis(250);
            w.forgetUnless(id -> false);
        }
        assertThat(w.watchedSince(look)).containsExactly("elsewhere");
    }
}
