package nnlab.jobs;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The waiting and running jobs of a queue, by owner, and the rule for which job starts next. Not
 * thread-safe: {@link InProcessJobQueue} guards it.
 *
 * <p>The rule: resumed or stepped jobs first (they ran already and someone waits on them), then the
 * owners in turn, each giving its oldest waiting job: the owner served least recently goes first (one
 * never served, or not for longer than everyone waiting, before all others), so a newcomer's job starts
 * on the next free worker however many jobs others have waiting. An owner with {@code maxRunning} jobs
 * on workers is passed over. When only such owners wait, a work-conserving queue lets an idle worker
 * take their next job anyway (nobody else wants it); otherwise the worker stays idle until one of
 * their jobs ends.
 *
 * <p>A job that may not start yet (the server has no memory for it) keeps its place at the head: no job
 * behind it is taken instead. Skipping to smaller jobs would use memory better but could keep a large
 * job waiting for as long as small ones keep coming; waiting for memory to free is predictable.
 */
final class OwnerTurns {

    private record Entry(String id, String owner) {
    }

    private final int maxRunning;
    private final boolean workConserving;
    private final ArrayDeque<Entry> resumed = new ArrayDeque<>();
    /** Owners with waiting jobs, in the order they began to wait (which breaks ties). */
    private final LinkedHashMap<String, ArrayDeque<String>> waitingByOwner = new LinkedHashMap<>();
    /** When each owner was last served, as a count of starts; owners served before everyone waiting are dropped. */
    private final Map<String, Long> lastServed = new HashMap<>();
    private long starts;
    /** Running jobs in the order they started, and how many each owner has. */
    private final LinkedHashMap<String, String> running = new LinkedHashMap<>();
    private final Map<String, Integer> runningByOwner = new HashMap<>();
    private int size;

    OwnerTurns(int maxRunning, boolean workConserving) {
        this.maxRunning = maxRunning;
        this.workConserving = workConserving;
    }

    private OwnerTurns copy() {
        OwnerTurns c = new OwnerTurns(maxRunning, workConserving);
        c.resumed.addAll(resumed);
        waitingByOwner.forEach((owner, ids) -> c.waitingByOwner.put(owner, new ArrayDeque<>(ids)));
        c.lastServed.putAll(lastServed);
        c.starts = starts;
        c.running.putAll(running);
        c.runningByOwner.putAll(runningByOwner);
        c.size = size;
        return c;
    }

    /** Waiting jobs, resumed ones included. */
    int size() {
        return size;
    }

    /** Waiting jobs of one owner, resumed ones left out (they were admitted before). */
    int waitingOf(String owner) {
        ArrayDeque<String> ids = waitingByOwner.get(owner);
        return ids == null ? 0 : ids.size();
    }

    void add(String id, String owner) {
        waitingByOwner.computeIfAbsent(owner, o -> new ArrayDeque<>()).addLast(id);
        size++;
    }

    void addResumed(String id, String owner) {
        resumed.addFirst(new Entry(id, owner));
        size++;
    }

    boolean remove(String id) {
        if (resumed.removeIf(e -> e.id.equals(id))) {
            size--;
            return true;
        }
        for (Iterator<Map.Entry<String, ArrayDeque<String>>> it = waitingByOwner.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, ArrayDeque<String>> e = it.next();
            if (e.getValue().remove(id)) {
                if (e.getValue().isEmpty()) it.remove();
                size--;
                return true;
            }
        }
        return false;
    }

    /** Records that an owner was served (call in the order of their last starts), as a shared queue's database says. */
    void served(String owner) {
        lastServed.put(owner, starts++);
    }

    /** Records a job on a worker, as a shared queue's database says. */
    void running(String id, String owner) {
        running.put(id, owner);
        runningByOwner.merge(owner, 1, Integer::sum);
    }

    /** Takes the job that starts next and counts it as running; null when none may start now. */
    String start() {
        return start(id -> true);
    }

    /**
     * As {@link #start()}, if {@code mayStart} accepts the job that is next (resumed jobs are not asked):
     * when it does not, nothing starts and that job stays next.
     */
    String start(Predicate<String> mayStart) {
        Choice next = next(true);
        if (next == null && workConserving) next = next(false);
        if (next == null || (!next.resumed && !mayStart.test(next.id))) return null;
        return take(next);
    }

    /** The job ended or parked: its owner may start another. */
    void finished(String id) {
        String owner = running.remove(id);
        if (owner != null) runningByOwner.merge(owner, -1, (a, b) -> a + b == 0 ? null : a + b);
    }

    private boolean underLimit(String owner) {
        return runningByOwner.getOrDefault(owner, 0) < maxRunning;
    }

    private record Choice(String id, String owner, boolean resumed) {
    }

    /** The job that would start next, or null; changes nothing. */
    private Choice next(boolean respectLimit) {
        for (Entry e : resumed) {
            if (!respectLimit || underLimit(e.owner)) return new Choice(e.id, e.owner, true);
        }
        String next = null;
        long nextServed = Long.MAX_VALUE;
        for (String owner : waitingByOwner.keySet()) {
            long served = lastServed.getOrDefault(owner, -1L);
            if (served < nextServed && (!respectLimit || underLimit(owner))) {
                next = owner;
                nextServed = served;
            }
        }
        return next == null ? null : new Choice(waitingByOwner.get(next).getFirst(), next, false);
    }

    private String take(Choice c) {
        if (c.resumed) {
            resumed.remove(new Entry(c.id, c.owner));
        } else {
            ArrayDeque<String> ids = waitingByOwner.get(c.owner);
            ids.removeFirst();
            if (ids.isEmpty()) waitingByOwner.remove(c.owner);
        }
        return started(c.id, c.owner);
    }

    private String take(boolean respectLimit) {
        Choice c = next(respectLimit);
        return c == null ? null : take(c);
    }

    private String started(String id, String owner) {
        size--;
        lastServed.put(owner, starts++);
        if (lastServed.size() > 2 * (waitingByOwner.size() + runningByOwner.size()) + 64) forgetLongAgo();
        running.put(id, owner);
        runningByOwner.merge(owner, 1, Integer::sum);
        return id;
    }

    /** Drops owners with nothing waiting or running who were served before everyone waiting: they rank the same. */
    private void forgetLongAgo() {
        long oldestWaiting = Long.MAX_VALUE;
        for (String owner : waitingByOwner.keySet()) {
            oldestWaiting = Math.min(oldestWaiting, lastServed.getOrDefault(owner, -1L));
        }
        long cutoff = oldestWaiting;
        lastServed.entrySet().removeIf(e -> e.getValue() < cutoff && !waitingByOwner.containsKey(e.getKey())
                && !runningByOwner.containsKey(e.getKey()));
    }

    /**
     * The waiting jobs in the order they are expected to start, played forward on a copy: each start
     * needs a free worker, and when none is free the job that started first is taken to end first.
     */
    List<String> order(int workers) {
        OwnerTurns play = copy();
        List<String> order = new ArrayList<>(size);
        int free = Math.max(0, workers - running.size());
        while (play.size > 0) {
            if (free == 0) free += play.endOldest();
            String id = play.start();
            while (id == null && play.endOldest() > 0) {
                free++;
                id = play.start();
            }
            if (id == null) id = play.take(false); // nothing runs and still all capped: cannot happen with maxRunning >= 1
            free--;
            order.add(id);
        }
        return order;
    }

    /** Ends the oldest running job of the play; 1 if there was one. */
    private int endOldest() {
        Iterator<String> it = running.keySet().iterator();
        if (!it.hasNext()) return 0;
        finished(it.next());
        return 1;
    }
}
