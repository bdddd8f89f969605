package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

class HeldOutLookupTest {

    @Test
    void aSeedNotKnownHereIsLookedUpEachTimeUntilFoundThenKept() {
        long seed = 987_654_321_123L;
        AtomicReference<int[]> inDatabase = new AtomicReference<>();
        AtomicInteger asked = new AtomicInteger();
        HeldOut.Lookup lookup = (dataset, s) -> {
            if (!dataset.equals(Datasets.IRIS) || s != seed) return null;
            asked.incrementAndGet();
            return inDatabase.get();
        };
        HeldOut.lookUpIn(lookup);
        try {
            Examples all = Iris.load();
            assertThat(HeldOut.without(Datasets.IRIS, seed, all).count()).isEqualTo(150);
            assertThat(HeldOut.without(Datasets.IRIS, seed, all).count()).isEqualTo(150);
            assertThat(asked).hasValue(2); // nothing found is not remembered: a challenge opened later is not missed

            inDatabase.set(new int[] {149, 0, 7});
            Examples kept = HeldOut.without(Datasets.IRIS, seed, all);
            assertThat(kept.count()).isEqualTo(147);
            assertThat(kept.x(0, 0)).isEqualTo(all.x(1, 0));
            assertThat(HeldOut.without(Datasets.IRIS, seed, all).count()).isEqualTo(147);
            assertThat(asked).hasValue(3); // found once, then known here
            assertThat(HeldOut.without(Datasets.BOSTON, seed, Boston.load(Boston.DEFAULT_FEATURES,
                    Boston.DEFAULT_TARGET)).count()).isEqualTo(Boston.COUNT);
        } finally {
            HeldOut.stopLookingUpIn(lookup);
            HeldOut.forget(Datasets.IRIS, seed);
        }
    }
}
