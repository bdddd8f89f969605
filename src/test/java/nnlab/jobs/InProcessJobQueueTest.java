package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class InProcessJobQueueTest {

    @Test
    void boundedFifoWithPositions() {
        InProcessJobQueue q = new InProcessJobQueue(2, 1);
        q.enqueue("a");
        q.enqueue("b");
        assertThat(q.position("a")).isEqualTo(1);
        assertThat(q.position("b")).isEqualTo(2);
        assertThat(q.position("x")).isZero();
        assertThatThrownBy(() -> q.enqueue("c")).isInstanceOf(QueueFullException.class)
                .satisfies(e -> assertThat(((QueueFullException) e).limitName()).isEqualTo("nnlab.jobs.queue-capacity"));
        assertThat(q.remove("a")).isTrue();
        assertThat(q.remove("a")).isFalse();
        assertThat(q.position("b")).isEqualTo(1);
        assertThat(q.waiting()).containsExactly("b");
    }

    @Test
    void aResumedJobGoesFirstEvenWhenTheQueueIsFull() {
        InProcessJobQueue q = new InProcessJobQueue(2, 1);
        q.enqueue("a");
        q.enqueue("b");
        q.requeue("p");
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
        for (String id : List.of("1", "2", "3", "4", "5")) q.enqueue(id);
        Thread.sleep(200);
        assertThat(started).hasSize(2).containsExactlyInAnyOrder("1", "2");
        assertThat(q.waiting()).containsExactly("3", "4", "5");
        release.countDown();
        assertThat(done.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(concurrent[1]).isEqualTo(2);
        assertThat(started.subList(2, 5)).containsExactlyInAnyOrder("3", "4", "5");
        q.stop();
    }
}
