package nnlab.jobs;

import java.lang.ref.SoftReference;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.data.PreparedDataset;
import nnlab.jobs.classic.ClassicModel;

/**
 * The last few finished classic models, for predictions after their job ends (a network's weights are stored with
 * the job; a classic model is not). Held softly: the collector may take them back, and then predict says so.
 */
final class FinishedClassicModels {

    static final int KEPT = 16;

    record Kept(ClassicModel model, PreparedDataset data, int steps) {
    }

    private final Map<String, SoftReference<Kept>> models = Collections.synchronizedMap(
            new LinkedHashMap<>(KEPT, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, SoftReference<Kept>> eldest) {
                    return size() > KEPT;
                }
            });

    void keep(Job job) {
        ClassicModel m = job.classicModel();
        PreparedJob p = job.prepared();
        if (m != null && p != null) models.put(job.id, new SoftReference<>(new Kept(m, p.data(), job.epochsDone())));
    }

    Kept get(String id) {
        SoftReference<Kept> ref = models.get(id);
        return ref == null ? null : ref.get();
    }
}
