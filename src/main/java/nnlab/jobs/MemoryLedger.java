package nnlab.jobs;

import java.util.HashMap;
import java.util.Map;

/**
 * Heap reserved by the jobs that run (or are paused, holding their training), against a fixed budget:
 * {@code budget = max heap − nnlab.limits.memory-reserve}. A job reserves its estimate
 * ({@link MemoryEstimate}) before it starts and gives it back when it ends; a data set is reserved once
 * however many jobs share it, and freed with the last of them. A job starts only if
 * {@code reserved + its own part + its data (unless already reserved) ≤ budget}. Counting reservations
 * rather than reading free memory keeps admission predictable: garbage not yet collected does not
 * hold a job back, and a job that just started and has not allocated yet still counts.
 */
public final class MemoryLedger {

    private record Data(long bytes, int holders) {
    }

    private final long budget;
    private final Map<String, MemoryEstimate> jobs = new HashMap<>();
    private final Map<Object, Data> data = new HashMap<>();
    private long reserved;

    public MemoryLedger(long budget) {
        this.budget = budget;
    }

    /** The budget for a JVM: its max heap less what the server itself needs. */
    public static MemoryLedger forHeap(long maxHeap, long reserve) {
        return new MemoryLedger(Math.max(0, maxHeap - reserve));
    }

    public long budget() {
        return budget;
    }

    /** Whether a job fits an otherwise empty server: if not, it can never run. */
    public boolean fitsAlone(MemoryEstimate estimate) {
        return estimate.total() <= budget;
    }

    /** Reserves the job's memory if it fits now; true also when the job already holds its reservation. */
    public synchronized boolean tryReserve(String jobId, MemoryEstimate estimate) {
        if (jobs.containsKey(jobId)) return true;
        Data shared = data.get(estimate.dataKey());
        long needed = estimate.jobBytes() + (shared == null ? estimate.dataBytes() : 0);
        if (reserved + needed > budget) return false;
        reserved += needed;
        jobs.put(jobId, estimate);
        data.put(estimate.dataKey(), shared == null ? new Data(estimate.dataBytes(), 1)
                : new Data(shared.bytes(), shared.holders() + 1));
        return true;
    }

    /** Gives back a job's reservation; false if it held none. */
    public synchronized boolean release(String jobId) {
        MemoryEstimate estimate = jobs.remove(jobId);
        if (estimate == null) return false;
        reserved -= estimate.jobBytes();
        Data shared = data.get(estimate.dataKey());
        if (shared.holders() == 1) {
            data.remove(estimate.dataKey());
            reserved -= shared.bytes();
        } else {
            data.put(estimate.dataKey(), new Data(shared.bytes(), shared.holders() - 1));
        }
        return true;
    }

    public synchronized boolean holds(String jobId) {
        return jobs.containsKey(jobId);
    }

    public synchronized long reserved() {
        return reserved;
    }
}
