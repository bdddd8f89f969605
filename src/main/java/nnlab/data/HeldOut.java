package nnlab.data;

import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import nnlab.engine.Examples;

/**
 * Rows of Iris and Boston kept out of every job whose data set has a given seed: a challenge's hidden test set.
 * The challenge gives its students a data spec with a fresh seed and registers the rows (drawn from a seed it
 * keeps) here before any job names that seed, so that no job on the challenge's data trains, validates or tests
 * on them, and no answer about such a job (points, evaluations) can show them.
 */
public final class HeldOut {

    private record Key(String dataset, long seed) {
    }

    private static final Map<Key, int[]> ROWS = new ConcurrentHashMap<>();

    private HeldOut() {
    }

    /** Keeps these rows (indices into the whole set, as {@link Iris#load()} or {@link Boston#load} give it) out. */
    public static void register(String dataset, long seed, int[] rows) {
        int[] sorted = rows.clone();
        Arrays.sort(sorted);
        ROWS.put(new Key(dataset, seed), sorted);
    }

    public static void forget(String dataset, long seed) {
        ROWS.remove(new Key(dataset, seed));
    }

    /** The examples without the rows held out for this data set and seed (all of them when none are). */
    static Examples without(String dataset, long seed, Examples all) {
        int[] held = ROWS.get(new Key(dataset, seed));
        if (held == null) return all;
        int[] kept = new int[all.count() - held.length];
        int k = 0;
        for (int i = 0; i < all.count(); i++) {
            if (Arrays.binarySearch(held, i) < 0) kept[k++] = i;
        }
        return all.rows(Arrays.copyOf(kept, k));
    }
}
