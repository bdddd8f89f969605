package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The queue starts a job only when the server has memory for it; the first in line waits, nobody overtakes. */
class MemoryAdmissionTest {

    @Test
    void theJobFirstInLineWaitsAndNoJobBehindItIsTakenInstead() {
        OwnerTurns turns = new OwnerTurns(2, true);
        turns.add("big", "ann");
        turns.add("small", "bob");
        assertThat(turns.start(id -> !id.equals("big"))).isNull();
        assertThat(turns.size()).isEqualTo(2);
        assertThat(turns.start(id -> true)).isEqualTo("big");
        assertThat(turns.start(id -> true)).isEqualTo("small");
    }

    @Test
    void aResumedJobIsNotAskedAgain() {
        OwnerTurns turns = new OwnerTurns(2, true);
        turns.add("new", "ann");
        turns.addResumed("paused", "bob");
        assertThat(turns.start(id -> false)).isEqualTo("paused");
        assertThat(turns.start(id -> false)).isNull();
    }

    @Test
    void workersWaitForMemoryAndStartTheJobWhenItFrees() throws Exception {
        InProcessJobQueue q = new InProcessJobQueue(10, 2);
        Set<String> fits = ConcurrentHashMap.newKeySet();
        fits.add("a");
        List<String> started = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(3);
        q.enqueue("a", "ann");
        q.enqueue("b", "bob");
        q.enqueue("c", "cy");
        q.start(id -> {
            started.add(id);
            done.countDown();
        }, () -> { }, fits::contains);
        try {
            awaitStarted(started, 1);
            Thread.sleep(200); // two workers, but b does not fit: it waits, and c behind it too
            assertThat(started).containsExactly("a");
            assertThat(q.waiting()).containsExactly("b", "c");
            // b fits now: it starts, and c, which still does not fit, waits
            fits.add("b");
            q.recheck();
            awaitStarted(started, 2);
            assertThat(started).containsExactly("a", "b");
            assertThat(q.waiting()).containsExactly("c");
            fits.add("c");
            q.recheck();
            assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(started).containsExactly("a", "b", "c");
        } finally {
            q.stop();
        }
    }

    private static void awaitStarted(List<String> started, int n) throws InterruptedException {
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (started.size() < n && System.nanoTime() < end) Thread.sleep(10);
    }
}
