package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class WorkerThreadsTest {

    @Test
    void startsNamedDaemonsAndStopInterruptsAndJoinsEveryOne() throws Exception {
        WorkerThreads workers = new WorkerThreads();
        List<Thread> seen = new CopyOnWriteArrayList<>();
        CountDownLatch started = new CountDownLatch(3);
        workers.start(3, () -> {
            seen.add(Thread.currentThread());
            started.countDown();
            try {
                Thread.sleep(60_000); // a worker waiting for a job: only the interrupt ends it
            } catch (InterruptedException e) {
                // stopped
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        assertThat(seen).extracting(Thread::getName).containsExactlyInAnyOrder("nnlab-job-1", "nnlab-job-2", "nnlab-job-3");
        assertThat(seen).allMatch(Thread::isDaemon);

        workers.stop();
        assertThat(seen).noneMatch(Thread::isAlive);
    }

    @Test
    void aStopInterruptedWhileJoiningKeepsTheInterrupt() throws Exception {
        WorkerThreads workers = new WorkerThreads();
        CountDownLatch started = new CountDownLatch(1);
        workers.start(1, () -> {
            started.countDown();
            while (true) {
                try {
                    Thread.sleep(60_000); // ignores interrupts: a join would wait its full five seconds
                } catch (InterruptedException ignored) {
                    if (stopAsked) return;
                }
            }
        });
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
        Thread.currentThread().interrupt();
        workers.stop();
        assertThat(Thread.interrupted()).as("the caller's interrupt is kept").isTrue();
        stopAsked = true;
        workers.stop();
    }

    private static volatile boolean stopAsked;
}
