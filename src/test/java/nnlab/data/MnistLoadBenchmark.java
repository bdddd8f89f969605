package nnlab.data;

import nnlab.engine.Examples;

/**
 * Prints how long MNIST takes to load: the first load of each part (decompress and parse the bundled
 * files) and later loads (float examples from the cached bytes). Run it in a fresh JVM, e.g.
 * {@code java -cp target/classes:target/test-classes nnlab.data.MnistLoadBenchmark}.
 */
public final class MnistLoadBenchmark {

    public static void main(String[] args) {
        for (Mnist.Part part : Mnist.Part.values()) {
            long start = System.nanoTime();
            Examples first = Mnist.load(part, part.count(), true);
            long cold = System.nanoTime() - start;
            long best = Long.MAX_VALUE;
            for (int i = 0; i < 5; i++) {
                start = System.nanoTime();
                Mnist.load(part, part.count(), true);
                best = Math.min(best, System.nanoTime() - start);
            }
            System.out.printf("MNIST %-5s %,6d images: first load %5d ms, cached %4d ms (best of 5)%n",
                    part, first.count(), cold / 1_000_000, best / 1_000_000);
        }
        long start = System.nanoTime();
        Datasets.prepare(DatasetSpec.of(Datasets.MNIST).withValidationSplit(0.1), 1);
        System.out.printf("Datasets.prepare(mnist, validationSplit 0.1, minmax):   %4d ms%n",
                (System.nanoTime() - start) / 1_000_000);
        start = System.nanoTime();
        Datasets.prepare(DatasetSpec.of(Datasets.MNIST).withValidationSplit(0.1).withScaling("standard"), 1);
        System.out.printf("Datasets.prepare(mnist, validationSplit 0.1, standard): %4d ms%n",
                (System.nanoTime() - start) / 1_000_000);
    }
}
