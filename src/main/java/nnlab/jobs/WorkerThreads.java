package nnlab.jobs;

import java.util.ArrayList;
import java.util.List;

/** A job queue's worker threads ("nnlab-job-1" …, daemons): started together, interrupted and joined on stop. */
final class WorkerThreads {

    private static final long JOIN_MILLIS = 5000;

    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code count} threads, each running {@code work}. */
    synchronized void start(int count, Runnable work) {
        for (int i = 1; i <= count; i++) {
            Thread t = new Thread(work, "nnlab-job-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    /**
     * Interrupts every worker and waits up to five seconds for each; the queue has already told them to stop
     * (set its flag and woken its waiters). Returns early, keeping the interrupt, when the caller is interrupted.
     */
    void stop() {
        List<Thread> all;
        synchronized (this) {
            all = List.copyOf(threads);
        }
        all.forEach(Thread::interrupt);
        for (Thread t : all) {
            try {
                t.join(JOIN_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
