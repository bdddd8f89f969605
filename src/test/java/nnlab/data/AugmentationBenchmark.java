package nnlab.data;

import java.util.List;
import nnlab.engine.Activation;
import nnlab.engine.EpochReport;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Optimizer;
import nnlab.engine.Training;
import nnlab.engine.TrainingConfig;
import nnlab.engine.TrainingListener;

/**
 * Prints what redrawing MNIST's augmented copies costs each epoch, beside a training epoch without augmentation:
 * the redraw alone (60,000 copies), then epochs of the lecture's 784-128-64-10 network (Adam, batches of 32) on the
 * 60,000 images and on the 60,000 with one copy each. Epoch 1 of the augmented run draws nothing (the prepared
 * set holds its copies); epoch 2 also makes the run's own copy of the inputs. Run it in a fresh JVM with some 2 GB
 * of heap: {@code java -Xmx2g -cp <test classpath> nnlab.data.AugmentationBenchmark [epochs]}.
 */
public final class AugmentationBenchmark {

    public static void main(String[] args) {
        int epochs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        DatasetSpec plainSpec = DatasetSpec.of(Datasets.MNIST).withLimits(60_000, 10_000);
        DatasetSpec augmentedSpec = plainSpec.withAugmentation(new DatasetSpec.Augmentation(2, 10.0, 1, 1L));

        long start = System.nanoTime();
        PreparedDataset augmented = Datasets.prepare(augmentedSpec, 1);
        System.out.printf("prepare augmented (60,000 + epoch 1's 60,000 copies): %,d ms%n", millis(start));
        float[] x = augmented.split().train().x().clone();
        long best = Long.MAX_VALUE;
        for (int epoch = 2; epoch <= 6; epoch++) {
            start = System.nanoTime();
            augmented.split().redraw().draw(epoch, x);
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("redraw of 60,000 copies in place: %,d ms (best of 5), %.1f µs an image%n",
                best / 1_000_000, best / 1e3 / 60_000);

        train("no augmentation, 60,000 images", Datasets.prepare(plainSpec, 1), epochs);
        train("augmentation, 120,000 images", augmented, epochs);
    }

    private static void train(String name, PreparedDataset data, int epochs) {
        NetworkSpec net = new NetworkSpec(784, List.of(LayerSpec.dense(128, Activation.RELU),
                LayerSpec.dense(64, Activation.RELU), LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        TrainingConfig config = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.adam(0.001), 32,
                epochs).withEvaluateTrain(false);
        try (Training t = Training.create(net, config, data.split(), 1)) {
            EpochReport r;
            while ((r = t.runEpoch(TrainingListener.NONE)) != null) {
                System.out.printf("%-32s epoch %d (%s): %6.2f s, test accuracy %.4f%n", name, r.epoch(), t.backend(),
                        r.seconds(), r.test().accuracy());
            }
        }
    }

    private static long millis(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
