package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import nnlab.data.DatasetShape;
import nnlab.data.Task;
import nnlab.engine.Activation;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Optimizer;
import nnlab.engine.TrainingConfig;
import org.junit.jupiter.api.Test;

class MemoryEstimateTest {

    private static DatasetShape shape(int train, int test, int inputs, long bytes) {
        return new DatasetShape("key", "fake", Task.CLASSIFICATION, inputs, 10, List.of(), train, 0, test, false,
                bytes, 0);
    }

    private static NetworkSpec network(int inputs, int... units) {
        List<LayerSpec> layers = new java.util.ArrayList<>();
        for (int i = 0; i < units.length; i++) {
            layers.add(new LayerSpec(units[i], i == units.length - 1 ? Activation.SOFTMAX : Activation.RELU));
        }
        return new NetworkSpec(inputs, layers, Initializer.GLOROT);
    }

    private static TrainingConfig config(Optimizer.Kind kind, int batch, int epochs) {
        return new TrainingConfig(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.of(kind, 0.001), batch, epochs, 0,
                0, null, true, TrainingConfig.Task.CLASSIFICATION, false, TrainingConfig.Backend.AUTO);
    }

    @Test
    void theFormulaTermByTerm() {
        // 10 inputs, one layer of 2 units: P = 22; 100 training and 50 test examples; batch 10; SGD
        MemoryEstimate e = MemoryEstimate.of(shape(100, 50, 10, 12_345), network(10, 2),
                config(Optimizer.Kind.SGD, 10, 3), 0);
        long params = 22 * 8 * 5;
        long rows = 2 * 10 + 3 * 100; // two batch shapes, three evaluation chunks of min(1024, 100)
        long activations = rows * (10 + 1 + 4 * 2) * 8;
        long staging = 100 * 10 * 4;
        long order = 100 * 4;
        long evaluation = 100 * (2 * 8 + 32);
        long history = 3 * MemoryEstimate.EPOCH_BYTES;
        assertThat(e.jobBytes()).isEqualTo(params + activations + staging + order + evaluation + history
                + MemoryEstimate.JOB_OVERHEAD);
        assertThat(e.dataBytes()).isEqualTo(12_345);
        assertThat(e.dataKey()).isEqualTo("key");
    }

    @Test
    void adamKeepsTwoMoreCopiesOfTheParametersThanSgd() {
        DatasetShape data = shape(60_000, 10_000, 784, 220_000_000);
        NetworkSpec lecture = network(784, 128, 64, 10);
        long sgd = MemoryEstimate.of(data, lecture, config(Optimizer.Kind.SGD, 32, 1), 0).jobBytes();
        long adam = MemoryEstimate.of(data, lecture, config(Optimizer.Kind.ADAM, 32, 1), 0).jobBytes();
        assertThat(adam - sgd).isEqualTo(2 * lecture.parameterCount() * 8);
    }

    @Test
    void theLectureMnistJobIsTensOfMegabytesBesideItsSharedData() {
        MemoryEstimate e = MemoryEstimate.of(shape(60_000, 10_000, 784, 220_000_000), network(784, 128, 64, 10),
                config(Optimizer.Kind.ADAM, 32, 10), 0);
        System.out.printf("lecture MNIST job: shared data %d MB, its own part %d MB%n", MemoryEstimate.mib(
                e.dataBytes()), MemoryEstimate.mib(e.jobBytes()));
        assertThat(e.jobBytes()).isBetween(10L << 20, 100L << 20);
    }

    @Test
    void aHeatmapGridCountsItsRows() {
        DatasetShape plane = shape(400, 100, 2, 10_000);
        NetworkSpec net = network(2, 8, 2);
        long without = MemoryEstimate.of(plane, net, config(Optimizer.Kind.ADAM, 10, 1), 0).jobBytes();
        long with = MemoryEstimate.of(plane, net, config(Optimizer.Kind.ADAM, 10, 1), 50).jobBytes();
        assertThat(with - without).isEqualTo(50L * 50 * (2 + 10) * 16);
    }
}
