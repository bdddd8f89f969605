package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InProcessJobQueueTest {

    @Test
    void boundedFifoWithPositions() {
        InProcessJobQueue q = new InProcessJobQueue(2, 1);
        q.enqueue("a", "ann");
        q.enqueue("b", "ann");
        assertThat(q.position("a")).isEqualTo(1);
        assertThat(q.position("b")).isEqualTo(2);
        assertThat(q.position("x")).isZero();
        assertThatThrownBy(() -> q.enqueue("c", "ann")).isInstanceOf(QueueFullException.class)
                .satisfies(e -> assertThat(((QueueFullException) e).limitName()).isEqualTo("nnlab.jobs.queue-capacity"));
        assertThat(q.remove("a")).isTrue();
        assertThat(q.remove("a")).isFalse();
        assertThat(q.position("b")).isEqualTo(1);
        assertThat(q.waiting()).containsExactly("b");
    }

    @Test
    void aResumedJobGoesFirstEvenWhenTheQueueIsFull() {
        InProcessJobQueue q = new InProcessJobQueue(2, 1);
        q.enqueue("a", "ann");
        q.enqueue("b", "ann");
        q.requeue("p", "ann");
        assertThat(q.waiting()).containsExactly("p", "a", "b");
        assertThat(q.position("p")).isEqualTo(1);
    }

    @Test
    void workersRunJobsInOrderAtMostNAtATime() throws Exception {
        InProcessJobQueue q = new InProcessJobQueue(10, 2);
        List<String> started = new CopyOnWriteArrayList<>();
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(5);
        int[] concurrent = new int[2];
        q.start(id -> {
            synchronized (concurrent) {
                concurrent[0]++;
                concurrent[1] = Math.max(concurrent[1], concurrent[0]);
            }
            started.add(id);
            try {
                release.await(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            synchronized (concurrent) {
                concurrent[0]--;
            }
            done.countDown();
        }, () -> { });
        for (String id : List.of("1", "2", "3", "4", "5")) q.enqueue(id, "ann");
        Thread.sleep(200);
        assertThat(started).hasSize(2).containsExactlyInAnyOrder("1", "2");
        assertThat(q.waiting()).containsExactly("3", "4", "5");
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(concurrent[1]).isEqualTo(2);
        assertThat(started.subList(2, 5)).containsExactlyInAnyOrder("3", "4", "5");
        q.stop();
    }

    private static InProcessJobQueue queue(int workers, int maxRunning, int maxQueued, boolean workConserving) {
        return new InProcessJobQueue(100, workers, new InProcessJobQueue.Sharing(maxRunning, maxQueued, workConserving));
    }

    @Test
    void ownersTakeTurnsInTheWaitingOrder() {
        InProcessJobQueue q = queue(1, 1, 10, true);
        for (String id : List.of("a1", "a2", "a3", "a4")) q.enqueue(id, "ann");
        q.enqueue("b1", "bob");
        q.enqueue("c1", "cat");
        q.enqueue("c2", "cat");
        assertThat(q.waiting()).containsExactly("a1", "b1", "c1", "a2", "c2", "a3", "a4");
        assertThat(q.position("a1")).isEqualTo(1);
        assertThat(q.position("b1")).isEqualTo(2);
        assertThat(q.position("a4")).isEqualTo(7);
        // a newcomer's first job goes after one job of each owner already waiting, not after all of ann's
        q.enqueue("d1", "dan");
        assertThat(q.position("d1")).isEqualTo(4);
        assertThat(q.remove("b1")).isTrue();
        assertThat(q.waiting()).containsExactly("a1", "c1", "d1", "a2", "c2", "a3", "a4");
    }

    @Test
    void theWaitingOrderIsTheOrderJobsStartIn() throws Exception {
        SplittableRandom random = new SplittableRandom(7);
        InProcessJobQueue q = queue(1, 1, 100, true);
        for (int i = 0; i < 60; i++) q.enqueue("j" + i, "owner" + random.nextInt(6));
        List<String> predicted = q.waiting();
        List<String> started = new CopyOnWriteArrayList<>();
        CountDownLatch done = new CountDownLatch(60);
        q.start(id -> {
            started.add(id);
            done.countDown();
        }, () -> { });
        assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(started).isEqualTo(predicted);
        q.stop();
    }

    /** Runs jobs on the queue's workers until {@link #release} is counted down; records the starts. */
    private static final class Held {
        final List<String> started = new CopyOnWriteArrayList<>();
        final CountDownLatch release = new CountDownLatch(1);
        /** Ends one running job (whichever takes the permit first), where {@link #release} ends them all. */
        final Semaphore endOne = new Semaphore(0);

        void start(InProcessJobQueue q) {
            q.start(id -> {
                started.add(id);
                try {
                    long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
                    while (!release.await(5, TimeUnit.MILLISECONDS) && !endOne.tryAcquire()
                            && System.nanoTime() < end) {
                        // waiting to be ended
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, () -> { });
        }

        void awaitStarts(int n) throws InterruptedException {
            long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (started.size() < n && System.nanoTime() < end) Thread.sleep(5);
            assertThat(started).hasSizeGreaterThanOrEqualTo(n);
        }
    }

    @Test
    void anotherOwnersJobStartsOnTheNextFreeWorker() throws Exception {
        InProcessJobQueue q = queue(1, 1, 30, true);
        Held held = new Held();
        held.start(q);
        for (int i = 1; i <= 20; i++) q.enqueue("a" + i, "ann");
        held.awaitStarts(1);
        q.enqueue("b1", "bob");
        assertThat(q.position("b1")).isEqualTo(1);
        held.release.countDown();
        held.awaitStarts(21);
        assertThat(held.started.subList(0, 2)).containsExactly("a1", "b1");
        q.stop();
    }

    @Test
    void anOwnerAtItsRunningLimitWaitsWhileOthersRunUnlessWorkConserving() throws Exception {
        InProcessJobQueue strict = queue(2, 1, 10, false);
        Held a = new Held();
        a.start(strict);
        for (String id : List.of("a1", "a2", "a3")) strict.enqueue(id, "ann");
        a.awaitStarts(1);
        Thread.sleep(200);
        assertThat(a.started).containsExactly("a1"); // the second worker stays idle
        strict.enqueue("b1", "bob");
        a.awaitStarts(2);
        assertThat(a.started).containsExactly("a1", "b1");
        assertThat(strict.waiting()).containsExactly("a2", "a3");
        a.release.countDown();
        a.awaitStarts(4);
        strict.stop();

        InProcessJobQueue sharing = queue(2, 1, 10, true);
        Held w = new Held();
        w.start(sharing);
        for (String id : List.of("a1", "a2", "a3")) sharing.enqueue(id, "ann");
        w.awaitStarts(2); // nobody else waits: both workers take ann's jobs
        assertThat(w.started).containsExactlyInAnyOrder("a1", "a2");
        sharing.enqueue("b1", "bob");
        // bob starts before ann's third job, which waits for one of the two to end
        assertThat(sharing.waiting()).containsExactly("b1", "a3");
        // one of ann's two jobs ends: the worker it frees takes bob's, not ann's third
        w.endOne.release();
        w.awaitStarts(3);
        assertThat(w.started.get(2)).isEqualTo("b1");
        assertThat(sharing.waiting()).containsExactly("a3");
        w.release.countDown();
        w.awaitStarts(4);
        sharing.stop();
    }

    @Test
    void eachOwnerHasItsOwnBoundOnWaitingJobs() {
        InProcessJobQueue q = queue(1, 1, 2, true);
        q.enqueue("a1", "ann");
        q.enqueue("a2", "ann");
        assertThatThrownBy(() -> q.enqueue("a3", "ann")).isInstanceOf(QueueFullException.class)
                .satisfies(e -> {
                    QueueFullException full = (QueueFullException) e;
                    assertThat(full.limitName()).isEqualTo("nnlab.jobs.max-queued-per-client");
                    assertThat(full.limit()).isEqualTo(2);
                });
        q.enqueue("b1", "bob");
        q.requeue("p", "ann"); // a resumed job was admitted before: it does not count
        // and it is ann's turn: bob's job comes next
        assertThat(q.waiting()).containsExactly("p", "b1", "a1", "a2");
    }

    @Test
    void aResumedJobGoesFirstButWaitsWhileItsOwnerIsAtTheLimit() throws Exception {
        InProcessJobQueue q = queue(2, 1, 10, false);
        Held held = new Held();
        held.start(q);
        q.enqueue("a1", "ann");
        held.awaitStarts(1);
        q.enqueue("b1", "bob");
        held.awaitStarts(2);
        q.enqueue("c1", "cat");
        q.requeue("p", "ann");
        List<String> order = new ArrayList<>(q.waiting());
        // both workers busy; a1 started first so is taken to end first, which frees ann for p
        assertThat(order).containsExactly("p", "c1");
        held.release.countDown();
        held.awaitStarts(4);
        q.stop();
    }
}
