package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TrainingBehaviourTest {

    static final Examples XOR = Examples.of(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}},
            new double[][] {{0}, {1}, {1}, {0}});

    static NetworkSpec net(int inputs, Activation hidden, Activation out, int... units) {
        List<LayerSpec> layers = new ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            layers.add(LayerSpec.dense(units[i], i == units.length - 1 ? out : hidden));
        }
        return new NetworkSpec(inputs, layers, Initializer.GLOROT);
    }

    /** Two noisy clouds, class 0 around (−1,−1) and class 1 around (1,1). */
    static Examples clouds(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        for (int i = 0; i < n; i++) {
            int c = i % 2;
            double centre = c == 0 ? -1 : 1;
            x[i][0] = centre + 0.5 * rng.nextGaussian();
            x[i][1] = centre + 0.5 * rng.nextGaussian();
            y[i][0] = c;
        }
        return Examples.of(x, y);
    }

    @Test
    void xorIsLearntFromRandomStartsByMostSeeds() {
        int learnt = 0;
        for (long seed = 0; seed < 10; seed++) {
            NetworkSpec spec = net(2, Activation.TANH, Activation.SIGMOID, 4, 1);
            TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.adam(0.05), 4, 500);
            try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(XOR), seed)) {
                t.fit(TrainingListener.NONE);
                int[] classes = t.snapshot().classify(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}}, cfg.loss());
                if (java.util.Arrays.equals(classes, new int[] {0, 1, 1, 0})) learnt++;
            }
        }
        assertThat(learnt).isGreaterThanOrEqualTo(8);
    }

    @Test
    void redrawnExamplesAreRedrawnBeforeEveryEpochButTheFirstInTheRunsOwnCopy() {
        Examples shared = clouds(40, 3);
        float[] before = shared.x().clone();
        List<Integer> epochs = new ArrayList<>();
        List<float[]> arrays = new ArrayList<>();
        Redraw flipSecondHalf = (epoch, x) -> {
            epochs.add(epoch);
            arrays.add(x);
            for (int i = 40; i < x.length; i++) x[i] = epoch % 2 == 0 ? -before[i] : before[i];
        };
        for (TrainingConfig.Backend backend : TrainingConfig.Backend.values()) {
            epochs.clear();
            arrays.clear();
            TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.adam(0.01), 8, 4)
                    .withBackend(backend);
            try (Training t = Training.create(net(2, Activation.TANH, Activation.SIGMOID, 4, 1), cfg,
                    DataSplit.trainOnly(shared).withRedraw(flipSecondHalf), 1)) {
                t.fit(TrainingListener.NONE);
            }
            assertThat(epochs).as(backend.name()).containsExactly(2, 3, 4);
            assertThat(arrays.get(0)).as("one copy for the run").isSameAs(arrays.get(2)).isNotSameAs(shared.x());
            assertThat(shared.x()).as("the shared examples are never written").isEqualTo(before);
        }
    }

    @Test
    void sameSeedGivesTheSameNumbersBitForBit() {
        for (TrainingConfig.Backend backend : new TrainingConfig.Backend[] {TrainingConfig.Backend.ARRAYS,
                TrainingConfig.Backend.ND4J, TrainingConfig.Backend.BLAS}) {
            List<Double> first = losses(backend, 3);
            List<Double> again = losses(backend, 3);
            List<Double> other = losses(backend, 4);
            assertThat(again).isEqualTo(first);
            assertThat(other).isNotEqualTo(first);
        }
    }

    private static List<Double> losses(TrainingConfig.Backend backend, long seed) {
        NetworkSpec spec = new NetworkSpec(2, List.of(new LayerSpec(16, Activation.RELU, 0.2),
                LayerSpec.dense(1, Activation.SIGMOID)), Initializer.GLOROT);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.adam(0.01), 8, 5).withBackend(backend);
        List<Double> losses = new ArrayList<>();
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(clouds(64, 1)), seed)) {
            t.fit(new TrainingListener() {
                public void onEpoch(EpochReport r) {
                    losses.add(r.train().loss());
                }
            });
        }
        return losses;
    }

    @Test
    void bothKernelsAgreeAfterHundredStepsFromTheSameWeights() {
        NetworkSpec spec = net(2, Activation.TANH, Activation.SIGMOID, 8, 8, 1);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(0.1), 10, 10);
        Examples data = clouds(100, 5); // 10 batches of 10: 10 epochs = 100 steps
        double[] arrays = lossesPerEpoch(spec, cfg.withBackend(TrainingConfig.Backend.ARRAYS), data);
        double[] nd4j = lossesPerEpoch(spec, cfg.withBackend(TrainingConfig.Backend.ND4J), data);
        double[] blas = lossesPerEpoch(spec, cfg.withBackend(TrainingConfig.Backend.BLAS), data);
        assertThat(nd4j).hasSize(10);
        assertThat(blas).hasSize(10);
        for (int i = 0; i < arrays.length; i++) {
            assertThat(nd4j[i]).isCloseTo(arrays[i], org.assertj.core.data.Offset.offset(1e-4));
            assertThat(blas[i]).isCloseTo(arrays[i], org.assertj.core.data.Offset.offset(1e-4));
        }
    }

    /** The float kernel trains its own parameters with its own optimiser state: every optimiser, with dropout and penalties. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"sgd", "momentum", "rmsprop", "adam"})
    void floatKernelAgreesWithThePlainJavaOneForEveryOptimiser(String optimizer) {
        NetworkSpec spec = new NetworkSpec(2, List.of(new LayerSpec(16, Activation.RELU, 0.2),
                LayerSpec.dense(8, Activation.ELU), LayerSpec.dense(3, Activation.SOFTMAX)), Initializer.HE);
        Optimizer o = switch (optimizer) {
            case "sgd" -> Optimizer.sgd(0.1);
            case "momentum" -> Optimizer.momentum(0.05, 0.9);
            case "rmsprop" -> Optimizer.rmsprop(0.005);
            default -> Optimizer.adam(0.01);
        };
        TrainingConfig cfg = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, o, 10, 10).withRegularization(1e-4, 1e-3);
        Examples data = threeClouds(100);
        double[] arrays = lossesPerEpoch(spec, cfg.withBackend(TrainingConfig.Backend.ARRAYS), data);
        double[] blas = lossesPerEpoch(spec, cfg.withBackend(TrainingConfig.Backend.BLAS), data);
        assertThat(blas).hasSize(10);
        assertThat(arrays[9]).isLessThan(arrays[0]); // it learns, so the comparison is of a moving run
        for (int i = 0; i < arrays.length; i++) {
            assertThat(blas[i]).isCloseTo(arrays[i], org.assertj.core.data.Offset.offset(1e-3));
        }
    }

    /** Three noisy clouds around (−1,−1), (1,1) and (1,−1), labelled 0, 1, 2. */
    static Examples threeClouds(int n) {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[n][2];
        double[][] y = new double[n][1];
        double[][] centres = {{-1, -1}, {1, 1}, {1, -1}};
        for (int i = 0; i < n; i++) {
            int c = i % 3;
            x[i][0] = centres[c][0] + 0.6 * rng.nextGaussian();
            x[i][1] = centres[c][1] + 0.6 * rng.nextGaussian();
            y[i][0] = c;
        }
        return Examples.of(x, y);
    }

    @Test
    void autoPicksTheFloatKernelForLargeNetworksAndPlainJavaForSmallOnes() {
        NetworkSpec mnist = new NetworkSpec(784, List.of(LayerSpec.dense(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        TrainingConfig cfg = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.adam(1e-3), 32, 1);
        try (Kernel k = Training.kernelFor(new ParameterLayout(mnist), cfg)) {
            assertThat(k).isInstanceOf(BlasKernel.class);
        }
        NetworkSpec tiny = net(2, Activation.TANH, Activation.SIGMOID, 8, 8, 1);
        try (Kernel k = Training.kernelFor(new ParameterLayout(tiny), cfg)) {
            assertThat(k).isInstanceOf(ArrayKernel.class);
        }
    }

    private static double[] lossesPerEpoch(NetworkSpec spec, TrainingConfig cfg, Examples data) {
        List<Double> losses = new ArrayList<>();
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(data), 11)) {
            t.fit(new TrainingListener() {
                public void onEpoch(EpochReport r) {
                    losses.add(r.train().loss());
                }
            });
        }
        return losses.stream().mapToDouble(Double::doubleValue).toArray();
    }

    @Test
    void aDivergingRunStopsAndSaysSo() {
        NetworkSpec spec = net(2, Activation.RELU, Activation.LINEAR, 8, 1);
        double[][] x = new double[50][2];
        double[][] y = new double[50][1];
        for (int i = 0; i < 50; i++) {
            x[i][0] = i;
            x[i][1] = -i;
            y[i][0] = 100 * i;
        }
        TrainingConfig cfg = TrainingConfig.of(Loss.MSE, Optimizer.sgd(10), 50, 1000);
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(Examples.of(x, y)), 1)) {
            List<EpochReport> reports = new ArrayList<>();
            StopReason reason = t.fit(new TrainingListener() {
                public void onEpoch(EpochReport r) {
                    reports.add(r);
                }
            });
            assertThat(reason).isEqualTo(StopReason.DIVERGED);
            assertThat(reports.size()).isLessThan(1000);
            assertThat(reports.get(reports.size() - 1).stop()).isEqualTo(StopReason.DIVERGED);
        }
    }

    @Test
    void cancellationStopsWithinOneBatch() {
        NetworkSpec spec = net(2, Activation.TANH, Activation.SIGMOID, 8, 1);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(0.1), 1, 10);
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(clouds(100, 2)), 1)) {
            int[] batchesSeen = {0};
            EpochReport r = t.runEpoch(new TrainingListener() {
                public void onBatch(int epoch, int batch, int batches, double loss) {
                    batchesSeen[0] = batch;
                    if (batch == 3) t.cancel();
                }
            });
            assertThat(batchesSeen[0]).isEqualTo(3);
            assertThat(r.steps()).isEqualTo(3);
            assertThat(r.stop()).isEqualTo(StopReason.CANCELLED);
            assertThat(t.runEpoch(TrainingListener.NONE)).isNull();
        }
    }

    @Test
    void learningRateChangesBetweenEpochsWithoutReset() {
        NetworkSpec spec = net(2, Activation.TANH, Activation.SIGMOID, 4, 1);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.adam(0.01), 10, 3);
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(clouds(40, 3)), 1)) {
            EpochReport first = t.runEpoch(TrainingListener.NONE);
            double[][] before = t.weights().kernels().get(0);
            t.setLearningRate(0.5);
            EpochReport second = t.runEpoch(TrainingListener.NONE);
            assertThat(first.learningRate()).isEqualTo(0.01);
            assertThat(second.learningRate()).isEqualTo(0.5);
            assertThat(second.epoch()).isEqualTo(2);
            assertThat(t.weights().kernels().get(0)).isNotEqualTo(before);
            assertThatThrownBy(() -> t.setLearningRate(Double.NaN)).isInstanceOf(InvalidSpecException.class);
        }
    }

    @Test
    void perceptronRuleSeparatesAndTheWeightNormGrows() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(1, Activation.STEP)), Initializer.ZEROS);
        TrainingConfig cfg = TrainingConfig.of(Loss.PERCEPTRON, Optimizer.sgd(1), 1, 20);
        Examples data = clouds(40, 9);
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(data), 1)) {
            List<EpochReport> reports = new ArrayList<>();
            t.fit(new TrainingListener() {
                public void onEpoch(EpochReport r) {
                    reports.add(r);
                }
            });
            assertThat(reports.get(reports.size() - 1).train().accuracy()).isGreaterThan(0.95);
            assertThat(reports.get(reports.size() - 1).weightNorm()).isGreaterThan(0);
        }
    }

    @Test
    void onSeparableDataLogisticRegressionWeightsGrowWithoutBoundUnlessL2() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(1, Activation.SIGMOID)), Initializer.ZEROS);
        Examples data = Examples.of(new double[][] {{-2, -1}, {-1, -2}, {1, 2}, {2, 1}}, new double[][] {{0}, {0}, {1}, {1}});
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(1), 4, 2000);
        double[] plain = norms(spec, cfg, data);
        double[] l2 = norms(spec, cfg.withRegularization(0, 0.01), data);
        assertThat(plain[1999]).isGreaterThan(plain[999]).isGreaterThan(plain[99]);
        assertThat(l2[1999]).isCloseTo(l2[999], org.assertj.core.data.Offset.offset(1e-3));
        assertThat(l2[1999]).isLessThan(plain[1999]);
    }

    private static double[] norms(NetworkSpec spec, TrainingConfig cfg, Examples data) {
        double[] norms = new double[cfg.epochs()];
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(data), 1)) {
            t.fit(new TrainingListener() {
                public void onEpoch(EpochReport r) {
                    norms[r.epoch() - 1] = r.weightNorm();
                }
            });
        }
        return norms;
    }

    @Test
    void zeroInitialisationKeepsHiddenUnitsIdentical() {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(4, Activation.TANH),
                LayerSpec.dense(1, Activation.SIGMOID)), Initializer.ZEROS);
        TrainingConfig cfg = TrainingConfig.of(Loss.BINARY_CROSSENTROPY, Optimizer.sgd(0.3), 10, 20);
        try (Training t = Training.create(spec, cfg, DataSplit.trainOnly(clouds(40, 4)), 1)) {
            t.fit(TrainingListener.NONE);
            double[][] k = t.weights().kernels().get(0);
            for (double[] row : k) {
                for (int j = 1; j < row.length; j++) assertThat(row[j]).isEqualTo(row[0]);
            }
        }
    }

    @Test
    void earlyStoppingRestoresTheBestWeights() {
        // A wide network on few noisy points overfits: validation loss turns up
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = new double[40][1];
        double[][] y = new double[40][1];
        for (int i = 0; i < 40; i++) {
            x[i][0] = rng.nextDouble() * 6 - 3;
            y[i][0] = Math.sin(x[i][0]) + 0.5 * rng.nextGaussian();
        }
        Examples all = Examples.of(x, y);
        DataSplit split = new DataSplit(all.slice(0, 20), all.slice(20, 40), null);
        NetworkSpec spec = net(1, Activation.TANH, Activation.LINEAR, 64, 64, 1);
        TrainingConfig cfg = TrainingConfig.of(Loss.MSE, Optimizer.adam(0.01), 20, 3000)
                .withEarlyStopping(new EarlyStopping(20, 0, true));
        List<EpochReport> reports = new ArrayList<>();
        try (Training t = Training.create(spec, cfg, split, 1)) {
            StopReason reason = t.fit(new TrainingListener() {
                public void onEpoch(EpochReport r) {
                    reports.add(r);
                }
            });
            assertThat(reason).isEqualTo(StopReason.EARLY_STOPPED);
            assertThat(reports.size()).isLessThan(3000);
            double best = reports.stream().mapToDouble(r -> r.validation().loss()).min().orElseThrow();
            double[][] valX = new double[20][1];
            for (int i = 0; i < 20; i++) valX[i][0] = x[20 + i][0];
            double[][] pred = t.snapshot().predict(valX);
            double mse = 0;
            for (int i = 0; i < 20; i++) mse += Math.pow(pred[i][0] - y[20 + i][0], 2) / 20; // targets are held as floats
            assertThat(mse).isCloseTo(best, org.assertj.core.data.Offset.offset(1e-6));
        }
    }
}
