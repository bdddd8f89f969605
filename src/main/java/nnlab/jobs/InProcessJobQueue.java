package nnlab.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A bounded FIFO of job ids and a fixed set of worker threads, one job per thread. */
public class InProcessJobQueue implements JobQueue {

    private static final Logger log = LoggerFactory.getLogger(InProcessJobQueue.class);

    private final int capacity;
    private final int workers;
    private final ArrayDeque<String> waiting = new ArrayDeque<>();
    private final List<Thread> threads = new ArrayList<>();
    private boolean stopped;

    public InProcessJobQueue(int capacity, int workers) {
        if (capacity < 0 || workers < 1) throw new IllegalArgumentException("capacity >= 0 and workers >= 1");
        this.capacity = capacity;
        this.workers = workers;
    }

    @Override
    public synchronized void enqueue(String jobId) {
        if (waiting.size() >= capacity) {
            throw new QueueFullException("the job queue is full (" + capacity + " waiting jobs)",
                    "nnlab.jobs.queue-capacity", capacity);
        }
        waiting.addLast(jobId);
        notifyAll();
    }

    @Override
    public synchronized void requeue(String jobId) {
        if (stopped) return;
        waiting.addFirst(jobId);
        notifyAll();
    }

    @Override
    public synchronized boolean remove(String jobId) {
        return waiting.remove(jobId);
    }

    @Override
    public synchronized int position(String jobId) {
        int i = 1;
        for (String id : waiting) {
            if (id.equals(jobId)) return i;
            i++;
        }
        return 0;
    }

    @Override
    public synchronized List<String> waiting() {
        return List.copyOf(waiting);
    }

    @Override
    public int capacity() {
        return capacity;
    }

    @Override
    public int workers() {
        return workers;
    }

    private synchronized String take() throws InterruptedException {
        while (waiting.isEmpty() && !stopped) wait();
        return stopped ? null : waiting.removeFirst();
    }

    @Override
    public synchronized void start(Consumer<String> run, Runnable positionsChanged) {
        for (int i = 1; i <= workers; i++) {
            Thread t = new Thread(() -> work(run, positionsChanged), "nnlab-job-" + i);
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    private void work(Consumer<String> run, Runnable positionsChanged) {
        while (true) {
            String id;
            try {
                id = take();
            } catch (InterruptedException e) {
                return;
            }
            if (id == null) return;
            try {
                positionsChanged.run();
                run.accept(id);
            } catch (RuntimeException | Error e) {
                log.error("job {} ended with an unexpected error", id, e);
            }
            if (Thread.interrupted() && isStopped()) return;
        }
    }

    private synchronized boolean isStopped() {
        return stopped;
    }

    @Override
    public void stop() {
        List<Thread> all;
        synchronized (this) {
            stopped = true;
            notifyAll();
            all = List.copyOf(threads);
        }
        all.forEach(Thread::interrupt);
        for (Thread t : all) {
            try {
                t.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
