package nnlab.data;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import nnlab.engine.Examples;

/**
 * Rows of Iris and Boston kept out of every job whose data set has a given seed: a challenge's hidden test set.
 * The challenge gives its students a data spec with a fresh seed and registers the rows (drawn from a seed it
 * keeps) here before any job names that seed, so that no job on the challenge's data trains, validates or tests
 * on them, and no answer about such a job (points, evaluations) can show them.
 *
 * <p>Several instances share one database: a challenge opened on another instance is not registered here, so a
 * data set and seed not known here is looked up in every {@link Lookup} (the challenges' table) before its rows are
 * used. Only rows found are kept: a seed without rows is asked again next time, so a later challenge is never missed.
 */
public final class HeldOut {

    private record Key(String dataset, long seed) {
    }

    private static final Map<Key, int[]> ROWS = new ConcurrentHashMap<>();
    private static final List<Lookup> LOOKUPS = new CopyOnWriteArrayList<>();

    /** Where rows not registered here are found: the rows held out for this data set and seed, or null. */
    @FunctionalInterface
    public interface Lookup {
        int[] rows(String dataset, long seed);
    }

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

    public static void lookUpIn(Lookup lookup) {
        LOOKUPS.add(lookup);
    }

    public static void stopLookingUpIn(Lookup lookup) {
        LOOKUPS.remove(lookup);
    }

    private static int[] held(String dataset, long seed) {
        int[] held = ROWS.get(new Key(dataset, seed));
        if (held != null) return held;
        for (Lookup lookup : LOOKUPS) {
            int[] found = lookup.rows(dataset, seed);
            if (found != null) {
                register(dataset, seed, found);
                return ROWS.get(new Key(dataset, seed));
            }
        }
        return null;
    }

    /** The examples without the rows held out for this data set and seed (all of them when none are). */
    static Examples without(String dataset, long seed, Examples all) {
        int[] held = held(dataset, seed);
        if (held == null) return all;
        int[] kept = new int[all.count() - held.length];
        int k = 0;
        for (int i = 0; i < all.count(); i++) {
            if (Arrays.binarySearch(held, i) < 0) kept[k++] = i;
        }
        return all.rows(Arrays.copyOf(kept, k));
    }
}
