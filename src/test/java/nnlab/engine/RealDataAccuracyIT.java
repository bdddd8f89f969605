package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import nnlab.data.DatasetSpec;
import nnlab.data.Datasets;
import nnlab.data.PreparedDataset;
import org.junit.jupiter.api.Test;

/** The lectures' networks on the real data reach the lectures' floors. Long: runs in {@code verify}. */
class RealDataAccuracyIT {

    private static List<EpochReport> train(NetworkSpec spec, TrainingConfig cfg, PreparedDataset data, long seed) {
        List<EpochReport> reports = new ArrayList<>();
        try (Training t = Training.create(spec, cfg, data.split(), seed)) {
            t.fit(new TrainingListener() {
                @Override
                public void onEpoch(EpochReport r) {
                    reports.add(r);
                }
            });
        }
        return reports;
    }

    private static EpochReport last(List<EpochReport> reports) {
        return reports.get(reports.size() - 1);
    }

    @Test
    void mnistLectureModelReaches97Point5PercentInFiveEpochs() {
        PreparedDataset mnist = Datasets.prepare(DatasetSpec.of(Datasets.MNIST), 42);
        assertThat(mnist.split().train().count()).isEqualTo(60_000);
        assertThat(mnist.split().test().count()).isEqualTo(10_000);
        NetworkSpec spec = new NetworkSpec(784, List.of(LayerSpec.dense(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        TrainingConfig cfg = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.adam(1e-3), 32, 5);
        List<EpochReport> reports = train(spec, cfg, mnist, 42);
        assertThat(reports).hasSize(5).allSatisfy(r -> assertThat(r.steps()).isEqualTo(1875));
        // Keras evaluates the test set in batches of 32: ceil(10000 / 32) = 313
        assertThat((mnist.split().test().count() + 31) / 32).isEqualTo(313);
        assertThat(last(reports).test().accuracy()).isGreaterThanOrEqualTo(0.975);
        assertThat(last(reports).stop()).isEqualTo(StopReason.COMPLETED);
    }

    @Test
    void irisWithHundredReluUnitsReaches93PercentOnAStratifiedSplit() {
        PreparedDataset iris = Datasets.prepare(DatasetSpec.of(Datasets.IRIS).withScaling("standard"), 7);
        NetworkSpec spec = new NetworkSpec(4, List.of(LayerSpec.dense(100, Activation.RELU),
                LayerSpec.dense(3, Activation.SOFTMAX)), Initializer.GLOROT);
        TrainingConfig cfg = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.adam(0.01), 16, 100);
        assertThat(spec.parameterCount()).isEqualTo(803);
        assertThat(last(train(spec, cfg, iris, 7)).test().accuracy()).isGreaterThanOrEqualTo(0.93);
    }

    @Test
    void bostonMlpErrorIsWellUnderTheVarianceOfMedv() {
        PreparedDataset boston = Datasets.prepare(DatasetSpec.of(Datasets.BOSTON)
                .withFeatures(List.of("RM", "CRIM", "INDUS", "NOX", "AGE", "TAX")).withScaling("standard"), 3);
        Examples test = boston.split().test();
        double mean = 0;
        for (float y : test.y()) mean += y / test.count();
        double variance = 0;
        for (float y : test.y()) variance += (y - mean) * (y - mean) / test.count();
        NetworkSpec spec = new NetworkSpec(6, List.of(LayerSpec.dense(100, Activation.RELU),
                LayerSpec.dense(1, Activation.RELU)), Initializer.HE);
        TrainingConfig cfg = TrainingConfig.of(Loss.MSE, Optimizer.adam(0.01), 32, 200);
        EpochReport r = last(train(spec, cfg, boston, 3));
        assertThat(r.test().loss()).isLessThan(0.4 * variance);
        assertThat(r.test().r2()).isGreaterThan(0.6);
    }

    @Test
    void spiralIsLearntByADeepTanhNetwork() {
        PreparedDataset spiral = Datasets.prepare(DatasetSpec.playground("spiral").withTrainRatio(0.5), 1);
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(8, Activation.TANH), LayerSpec.dense(8, Activation.TANH),
                LayerSpec.dense(8, Activation.TANH), LayerSpec.dense(8, Activation.TANH),
                LayerSpec.dense(1, Activation.SIGMOID)), Initializer.GLOROT);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.adam(0.01), 10, 600);
        EpochReport r = last(train(spec, cfg, spiral, 1));
        assertThat(r.train().accuracy()).isGreaterThan(0.95);
        assertThat(r.test().accuracy()).isGreaterThan(0.9);
    }
}
