package nnlab.jobs;

import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import nnlab.data.PreparedDataset;
import nnlab.jobs.classic.ClassicModel;
import nnlab.jobs.classic.ClassicModelStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Finished classic models, for predictions after their job ends: each is stored in the database as its job ends
 * ({@link ClassicModelStore}), and the last few finished or used are kept in memory, softly (the collector may take
 * them back); a miss reads the stored one again.
 */
@Component
class FinishedClassicModels {

    private static final Logger log = LoggerFactory.getLogger(FinishedClassicModels.class);

    static final int KEPT = 16;

    record Kept(ClassicModel model, PreparedDataset data, int steps) {
    }

    private final ClassicModelStore store;
    private final Map<String, SoftReference<Kept>> models = Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SoftReference<Kept>> eldest) {
                    return size() > KEPT;
                }
            });

    FinishedClassicModels(ClassicModelStore store) {
        this.store = store;
    }

    /**
     * Stores an ending job's classic model (if it trained a step) in the database: called before its final status is
     * stored, so that whoever sees that status can predict with it.
     */
    void store(Job job) {
        ClassicModel m = job.classicModel();
        PreparedJob p = job.prepared();
        if (m == null || p == null || p.classic() == null) return;
        try {
            store.save(job.id, p.classic().kind(), job.epochsDone(), m);
        } catch (RuntimeException e) {
            log.error("job {}: could not store its {} model", job.id, p.classic().kind().id(), e);
        }
    }

    /** Keeps a finished job's classic model in memory. */
    void keep(Job job) {
        ClassicModel m = job.classicModel();
        PreparedJob p = job.prepared();
        if (m != null && p != null) models.put(job.id, new SoftReference<>(new Kept(m, p.data(), job.epochsDone())));
    }

    /** The job's model from memory, else from the database (its data set prepared by {@code data}); null if none. */
    Kept get(String id, Supplier<PreparedDataset> data) {
        SoftReference<Kept> ref = models.get(id);
        Kept kept = ref == null ? null : ref.get();
        if (kept != null) return kept;
        PreparedDataset[] prepared = new PreparedDataset[1];
        kept = store.load(id, () -> prepared[0] = data.get())
                .map(s -> new Kept(s.model(), prepared[0], s.steps())).orElse(null);
        if (kept != null) models.put(id, new SoftReference<>(kept));
        return kept;
    }

    /** Forgets every model held in memory, as a restart does (the stored ones stay). */
    void clear() {
        models.clear();
    }
}
