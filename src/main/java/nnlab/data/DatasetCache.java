package nnlab.data;

import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Prepared data sets shared read-only by the jobs that use the same content (same {@link Datasets#contentKey}):
 * ten students training on MNIST hold one copy of it, not ten. The cache holds its sets weakly: a set
 * stays while a job (or a finished job's model) refers to it and is dropped at the next collection after
 * the last one lets go, so it never keeps data that no job uses. Two jobs asking for the same set at once
 * wait for one preparation.
 *
 * <p>Nobody may write into a shared set's arrays: the engine reads them (it shuffles an index, not the
 * rows), and every transformation here makes new arrays.
 */
public final class DatasetCache {

    private final DatasetLimits limits;
    private final Map<Object, Slot> slots = new ConcurrentHashMap<>();
    private final AtomicLong preparations = new AtomicLong();

    public DatasetCache(DatasetLimits limits) {
        this.limits = limits;
    }

    /** The prepared set for a spec and seed: the one jobs already share, or a new one. */
    public PreparedDataset get(DatasetSpec spec, long seed) {
        Object key = Datasets.contentKey(spec, seed, limits);
        retireEmpty();
        while (true) {
            PreparedDataset data = slots.computeIfAbsent(key, k -> new Slot()).get(spec, seed);
            if (data != null) return data;
        }
    }

    /**
     * The shape of the set a spec gives, checked as {@link #get} checks it. MNIST's shape comes from
     * its parameters, without reading an image; the small sets are prepared (milliseconds) and held
     * here, weakly, for the job that follows.
     */
    public DatasetShape shape(DatasetSpec spec, long seed) {
        DatasetShape shape = Datasets.shapeWithoutData(spec, limits);
        return shape != null ? shape : DatasetShape.of(Datasets.contentKey(spec, seed, limits), get(spec, seed));
    }

    /** How many sets were prepared (cache misses), since the start. */
    public long preparations() {
        return preparations.get();
    }

    /** The sets held now (some may already be unreachable and wait for a collection). */
    public int size() {
        retireEmpty();
        return slots.size();
    }

    /** Forgets slots whose set was collected (or whose preparation failed). */
    private void retireEmpty() {
        slots.forEach((key, slot) -> {
            if (slot.retireIfEmpty()) slots.remove(key, slot);
        });
    }

    private final class Slot {
        private final ReentrantLock lock = new ReentrantLock();
        private WeakReference<PreparedDataset> ref = new WeakReference<>(null);
        /** Set once a preparation was tried: a slot not yet tried belongs to a caller about to fill it. */
        private boolean tried;
        private boolean retired;

        /** Null when the slot was retired meanwhile: the caller takes a new one. */
        PreparedDataset get(DatasetSpec spec, long seed) {
            lock.lock();
            try {
                if (retired) return null;
                PreparedDataset data = ref.get();
                if (data != null) return data;
                data = Datasets.prepare(spec, seed, limits);
                preparations.incrementAndGet();
                ref = new WeakReference<>(data);
                return data;
            } finally {
                tried = true;
                lock.unlock();
            }
        }

        /** Never waits: a slot being filled is in use. */
        boolean retireIfEmpty() {
            if (!lock.tryLock()) return false;
            try {
                if (tried && ref.get() == null) retired = true;
                return retired;
            } finally {
                lock.unlock();
            }
        }
    }
}
