package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Stream;
import nnlab.engine.EpochReport;
import nnlab.jobs.classic.ClassicTraining;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each classic model on the playground's circle, xor and spiral (noise 0.1, 500 points, half for testing, seed 1)
 * on Iris (its 30 test flowers) and on MNIST (the first 1000 training and 300 test images): the test accuracy it
 * reaches, every step reported.
 */
class ClassicModelsTest {

    static JobSpec spec(String dataset, String model) {
        return JobFixtures.read("{\"dataset\": " + dataset + ", \"model\": " + model + ", \"training\": {}, \"seed\": 1}");
    }

    static String plane(String kind) {
        return "{\"name\": \"playground\", \"kind\": \"" + kind + "\", \"noise\": 0.1}";
    }

    static final String IRIS = "{\"name\": \"iris\"}";

    static final String MNIST = "{\"name\": \"mnist\", \"trainLimit\": 1000, \"testLimit\": 300}";

    /** name, data set, model, lowest test accuracy, highest test accuracy (what the kind cannot do) */
    static Stream<Arguments> cases() {
        String knn = "{\"kind\": \"knn\", \"k\": 5}";
        String tree = "{\"kind\": \"tree\", \"maxDepth\": 8}";
        String forest = "{\"kind\": \"forest\", \"trees\": 30, \"maxDepth\": 8}";
        String linear = "{\"kind\": \"svm\", \"kernel\": \"linear\"}";
        String poly = "{\"kind\": \"svm\", \"kernel\": \"polynomial\", \"degree\": 2, \"gamma\": 1}";
        String rbf = "{\"kind\": \"svm\", \"kernel\": \"rbf\", \"gamma\": 1}";
        String perceptrons = "{\"kind\": \"adaboost\", \"rounds\": 30}";
        String stumps = "{\"kind\": \"adaboost\", \"rounds\": 30, \"weakLearner\": \"stump\"}";
        return Stream.of(
                Arguments.of("circle knn", plane("circle"), knn, 0.95, 1.0),
                Arguments.of("circle tree", plane("circle"), tree, 0.95, 1.0),
                Arguments.of("circle forest", plane("circle"), forest, 0.95, 1.0),
                Arguments.of("circle linear svm cannot", plane("circle"), linear, 0.0, 0.75),
                Arguments.of("circle polynomial svm", plane("circle"), poly, 0.95, 1.0),
                Arguments.of("circle rbf svm", plane("circle"), rbf, 0.95, 1.0),
                Arguments.of("circle adaboost perceptrons", plane("circle"), perceptrons, 0.9, 1.0),
                Arguments.of("circle adaboost stumps", plane("circle"), stumps, 0.95, 1.0),
                Arguments.of("xor knn", plane("xor"), knn, 0.95, 1.0),
                Arguments.of("xor tree", plane("xor"), tree, 0.95, 1.0),
                Arguments.of("xor forest", plane("xor"), forest, 0.95, 1.0),
                Arguments.of("xor linear svm cannot", plane("xor"), linear, 0.0, 0.75),
                Arguments.of("xor polynomial svm", plane("xor"), poly, 0.95, 1.0),
                Arguments.of("xor rbf svm", plane("xor"), rbf, 0.95, 1.0),
                Arguments.of("xor adaboost perceptrons", plane("xor"), perceptrons, 0.95, 1.0),
                // a sum of axis-parallel stumps is additive in x1 and x2: XOR's product is beyond it
                Arguments.of("xor adaboost stumps cannot", plane("xor"), stumps, 0.0, 0.75),
                Arguments.of("spiral knn", plane("spiral"), knn, 0.95, 1.0),
                Arguments.of("spiral forest", plane("spiral"), forest, 0.95, 1.0),
                Arguments.of("spiral rbf svm", plane("spiral"), rbf, 0.95, 1.0),
                Arguments.of("spiral linear svm cannot", plane("spiral"), linear, 0.0, 0.7),
                Arguments.of("iris knn", IRIS, knn, 0.9, 1.0),
                Arguments.of("iris forest", IRIS, forest, 0.9, 1.0),
                Arguments.of("iris rbf svm", IRIS, "{\"kind\": \"svm\", \"kernel\": \"rbf\"}", 0.9, 1.0),
                Arguments.of("mnist knn", MNIST, knn, 0.8, 1.0),
                Arguments.of("mnist tree", MNIST, tree, 0.6, 1.0),
                Arguments.of("mnist forest", MNIST, "{\"kind\": \"forest\", \"trees\": 10, \"maxDepth\": 12}", 0.75, 1.0),
                Arguments.of("mnist linear svm", MNIST, linear, 0.8, 1.0),
                Arguments.of("mnist rbf svm", MNIST, "{\"kind\": \"svm\", \"kernel\": \"rbf\"}", 0.8, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void reachesItsAccuracy(String name, String dataset, String model, double floor, double ceiling) {
        PreparedJob p = JobFixtures.MAPPER.prepare(spec(dataset, model));
        ClassicTraining t = ClassicTraining.start(p.classic(), p.data(), p.seed());
        long start = System.nanoTime();
        EpochReport last = null;
        int steps = 0;
        for (EpochReport r = t.step(); r != null; r = t.step()) {
            last = r;
            steps++;
        }
        System.out.printf("classic %s: train %.4f test %.4f steps %d %.2f s%n", name, last.train().accuracy(),
                last.test().accuracy(), steps, (System.nanoTime() - start) / 1e9);
        assertThat(steps).isEqualTo(p.classic().steps());
        assertThat(last.test().accuracy()).isBetween(floor, ceiling);
    }
}
