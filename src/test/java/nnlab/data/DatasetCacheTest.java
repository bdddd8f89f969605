package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import nnlab.engine.Activation;
import nnlab.engine.DataSplit;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Optimizer;
import nnlab.engine.Training;
import nnlab.engine.TrainingConfig;
import nnlab.engine.TrainingListener;
import org.junit.jupiter.api.Test;

class DatasetCacheTest {

    private final DatasetCache cache = new DatasetCache(DatasetLimits.DEFAULT);

    @Test
    void equalSpecsAndSeedsShareOneSet() {
        DatasetSpec spiral = DatasetSpec.playground("spiral");
        PreparedDataset a = cache.get(spiral, 7);
        assertThat(cache.get(DatasetSpec.playground("spiral"), 7)).isSameAs(a);
        assertThat(cache.get(spiral, 8)).isNotSameAs(a);
        assertThat(cache.preparations()).isEqualTo(2);
    }

    @Test
    void mnistIsKeyedByWhatDecidesItsExamplesNotByTheSeedOrHowTheSpecSpellsIt() {
        PreparedDataset a = cache.get(DatasetSpec.of("mnist").withLimits(500, 100), 1);
        assertThat(cache.get(DatasetSpec.of("mnist").withLimits(500, 100).withScaling("minmax")
                .withValidationSplit(0.0), 99)).isSameAs(a);
        assertThat(cache.get(DatasetSpec.of("mnist").withLimits(500, 100).withScaling("standard"), 1)).isNotSameAs(a);
        assertThat(cache.preparations()).isEqualTo(2);
    }

    @Test
    void jobsAskingAtOnceWaitForOnePreparation() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<PreparedDataset>> all = new ArrayList<>();
            for (int i = 0; i < 8; i++) all.add(pool.submit(() -> cache.get(DatasetSpec.of("mnist").withLimits(3000, 500), 0)));
            PreparedDataset first = all.get(0).get();
            for (Future<PreparedDataset> f : all) assertThat(f.get()).isSameAs(first);
            assertThat(cache.preparations()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aSetNoJobHoldsIsDroppedAtTheNextCollection() throws Exception {
        cache.get(DatasetSpec.of("mnist").withLimits(2000, 100), 1);
        for (int i = 0; i < 20 && cache.size() > 0; i++) {
            System.gc();
            Thread.sleep(50);
        }
        assertThat(cache.size()).isZero();
        cache.get(DatasetSpec.of("mnist").withLimits(2000, 100), 1);
        assertThat(cache.preparations()).isEqualTo(2);
    }

    /** Iris trains on plain Java arrays, MNIST with the lecture's network on ND4J: neither writes into the data. */
    @Test
    void trainingOnASharedSetLeavesItsArraysAsTheyWere() {
        trainAndCompare(cache.get(DatasetSpec.of("iris").withScaling("standard").withValidationSplit(0.2), 3), 8);
        trainAndCompare(cache.get(DatasetSpec.of("mnist").withLimits(1000, 200).withValidationSplit(0.1), 3), 128);
    }

    private static void trainAndCompare(PreparedDataset data, int hidden) {
        DataSplit split = data.split();
        float[][] before = {split.train().x().clone(), split.train().y().clone(), split.validation().x().clone(),
                split.test().x().clone()};
        NetworkSpec net = new NetworkSpec(data.inputs(), List.of(new LayerSpec(hidden, Activation.RELU),
                new LayerSpec(data.outputs(), Activation.SOFTMAX)), Initializer.GLOROT);
        TrainingConfig config = new TrainingConfig(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.of(
                Optimizer.Kind.ADAM, 0.01), 32, 2, 0, 0, null, true, TrainingConfig.Task.CLASSIFICATION, true,
                TrainingConfig.Backend.AUTO);
        try (Training training = Training.create(net, config, split, 5)) {
            training.fit(TrainingListener.NONE);
        }
        float[][] after = {split.train().x(), split.train().y(), split.validation().x(), split.test().x()};
        for (int i = 0; i < before.length; i++) assertThat(after[i]).as("part %d", i).isEqualTo(before[i]);
    }
}
