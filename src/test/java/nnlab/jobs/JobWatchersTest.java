package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobWatchersTest {

    @Test
    void aJobIsUnwatchedOnlyWithNoSubscriberAndNoLookSinceTheCutoff() throws Exception {
        JobWatchers w = new JobWatchers();
        long before = System.nanoTime();
        Thread.sleep(2);
        assertThat(w.unwatchedSince("a", before)).as("first seen now").isFalse();
        long afterFirstSeen = System.nanoTime();
        assertThat(w.unwatchedSince("a", afterFirstSeen)).isTrue();

        w.subscribed("a");
        w.subscribed("a");
        assertThat(w.subscribers("a")).isEqualTo(2);
        assertThat(w.unwatchedSince("a", System.nanoTime())).as("two subscribers").isFalse();
        w.unsubscribed("a");
        assertThat(w.unwatchedSince("a", System.nanoTime())).as("one left").isFalse();
        long beforeLeaving = System.nanoTime();
        w.unsubscribed("a");
        assertThat(w.subscribers("a")).isZero();
        assertThat(w.unwatchedSince("a", beforeLeaving)).as("the clock starts when the last one leaves").isFalse();
        assertThat(w.unwatchedSince("a", System.nanoTime())).isTrue();

        long beforeLook = System.nanoTime();
        w.looked("a");
        assertThat(w.unwatchedSince("a", beforeLook)).isFalse();
        w.unsubscribed("a"); // a stray end never goes below zero
        assertThat(w.subscribers("a")).isZero();
    }

    @Test
    void finishedJobsAreForgottenOnceNobodySubscribes() {
        JobWatchers w = new JobWatchers();
        w.looked("done");
        w.subscribed("followed");
        w.looked("live");
        w.forgetUnless("live"::equals);
        assertThat(w.subscribers("followed")).isEqualTo(1);
        w.unsubscribed("followed");
        w.forgetUnless("live"::equals);
        long now = System.nanoTime();
        // forgotten entries start afresh when seen again
        assertThat(w.unwatchedSince("done", now)).isFalse();
    }
}
