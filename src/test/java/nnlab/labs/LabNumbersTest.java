package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.engine.EpochReport;
import nnlab.engine.Examples;
import nnlab.engine.Model;
import nnlab.engine.StopReason;
import org.junit.jupiter.api.Test;

/**
 * The numbers the labs' texts state, read from what their blocks train at the blocks' own seeds (or, for a block
 * without one, the seeds the text names), run as the server runs them. Runs are deterministic: the tolerances
 * cover the text's rounding.
 */
class LabNumbersTest {

    private static ObjectNode withSeed(JsonNode spec, long seed) {
        ObjectNode s = spec.deepCopy();
        s.put("seed", seed);
        return s;
    }

    @Test
    void lab2ThePerceptronReachesNoWrongPointAndThenStops() throws Exception {
        JsonNode spec = LabRuns.blocks("02-perceptron.md", "boundary").get(0).get("spec");
        assertThat(spec.get("training").get("loss").asText()).isEqualTo("perceptron");
        LabRuns.Run r = LabRuns.train(spec);
        int firstClean = -1;
        for (EpochReport e : r.epochs()) {
            if (firstClean < 0 && e.train().accuracy() == 1.0) firstClean = e.epoch();
        }
        System.out.printf("[lab 2] the perceptron has no wrong training point from epoch %d of %d%n", firstClean, r.epochs().size());
        assertThat(firstClean).as("\"it falls to 0 (at epoch 18)\"").isEqualTo(18);
        double[] norms = r.epochs().stream().skip(firstClean).mapToDouble(EpochReport::weightNorm).toArray();
        double settled = r.epochs().get(firstClean - 1).weightNorm();
        assertThat(norms).as("\"from then on the line no longer moves\"").containsOnly(settled);
        assertThat(r.epochs().stream().skip(firstClean)).allSatisfy(e -> assertThat(e.train().accuracy()).isEqualTo(1.0));
    }

    @Test
    void lab4SomeRandomStartsSolveXorAndMoreGetStuck() throws Exception {
        JsonNode spec = LabRuns.block("04-xor.md", "train", "xor-random").get("spec");
        List<Long> solved = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            if (LabRuns.train(withSeed(spec, seed)).last().train().loss() < 1e-3) solved.add(seed);
        }
        ObjectNode wider = spec.deepCopy();
        ((ObjectNode) wider.get("model").get("layers").get(0)).put("units", 4);
        List<Long> widerSolved = new ArrayList<>();
        for (long seed = 1; seed <= 20; seed++) {
            if (LabRuns.train(withSeed(wider, seed)).last().train().loss() < 1e-3) widerSolved.add(seed);
        }
        System.out.printf("[lab 4] from random weights, seeds 1-20: 2 hidden units solve it with %s, 4 with %s%n", solved, widerSolved);
        assertThat(solved).as("\"with the seeds 1 to 20, 5 runs solve it (seeds 4, 7, 10, 14 and 18)\"")
                .containsExactly(4L, 7L, 10L, 14L, 18L);
        assertThat(widerSolved).as("\"with 4 hidden units, 14 of the same 20\"").hasSize(14);
    }

    @Test
    void lab5SetosaIsMisreadOnceIn60RunsAndOtherErrorsMixVersicolorAndVirginica() throws Exception {
        JsonNode spec = LabRuns.block("05-iris.md", "train", "iris").get("spec");
        List<Long> setosaMisread = new ArrayList<>();
        int otherErrors = 0;
        for (long seed = 1; seed <= 60; seed++) {
            LabRuns.Run r = LabRuns.train(withSeed(spec, seed));
            Examples test = r.job().data().split().test();
            assertThat(test.count()).isEqualTo(30);
            Model.Classified c = r.model().classify(test, r.job().config().loss());
            boolean setosa = false;
            for (int i = 0; i < test.count(); i++) {
                if (c.actual()[i] == c.predicted()[i]) continue;
                if (c.actual()[i] == 0 || c.predicted()[i] == 0) {
                    setosa = true;
                    assertThat(c.actual()[i]).as("seed %d: a setosa read as a versicolor", seed).isZero();
                    assertThat(c.predicted()[i]).isEqualTo(1);
                } else {
                    otherErrors++;
                }
            }
            if (setosa) setosaMisread.add(seed);
        }
        System.out.printf("[lab 5] seeds 1-60: setosa misread with %s; %d versicolor/virginica mix-ups%n", setosaMisread, otherErrors);
        assertThat(setosaMisread).as("\"of 60 runs with the seeds 1 to 60, one (seed 19) read a setosa as a versicolor\"")
                .containsExactly(19L);
        assertThat(otherErrors).as("\"nearly always mixes up versicolor and virginica\"").isGreaterThan(20);
    }

    @Test
    void lab6TheFullRunBeatsEarlyStoppingOnTheTestSet() throws Exception {
        LabRuns.Run full = LabRuns.train(LabRuns.block("06-boston-mlp.md", "train", "boston").get("spec"));
        JsonNode earlySpec = LabRuns.block("06-boston-mlp.md", "train", "boston-early").get("spec");
        LabRuns.Run early = LabRuns.train(earlySpec);
        var split = early.job().data().split();
        System.out.printf("[lab 6] full: test MSE %.2f; early stopping: stopped at %d, kept %d (validation %.2f), test MSE %.2f%n",
                full.last().test().loss(), early.last().epoch(), early.kept().epoch(), early.kept().validation().loss(),
                early.kept().test().loss());
        assertThat(split.validation().count()).as("81 validation houses").isEqualTo(81);
        assertThat(split.test().count()).as("102 test houses").isEqualTo(102);
        assertThat(early.stop()).isEqualTo(StopReason.EARLY_STOPPED);
        assertThat(early.last().epoch()).as("stops at epoch 63").isEqualTo(63);
        assertThat(early.kept().epoch()).as("goes back to epoch 53").isEqualTo(53);
        assertThat(early.kept().validation().loss()).as("validation loss about 29").isCloseTo(29, within(0.5));
        assertThat(full.last().test().loss()).as("full run's test MSE about 15.0").isCloseTo(15.0, within(0.05));
        assertThat(early.kept().test().loss()).as("early stopping's test MSE about 17.3").isCloseTo(17.3, within(0.05));
        EpochReport best = full.epochs().stream().min((a, b) -> Double.compare(a.validation().loss(), b.validation().loss())).orElseThrow();
        assertThat(best.epoch()).as("the 200-epoch run's best validation loss comes at epoch 110").isEqualTo(110);
        assertThat(best.validation().loss()).as("its best, 28.2").isCloseTo(28.2, within(0.05));
        // "early stopping's test MSE is sometimes lower, sometimes higher" (other seeds)
        int lower = 0, higher = 0;
        JsonNode fullSpec = LabRuns.block("06-boston-mlp.md", "train", "boston").get("spec");
        for (long seed = 1; seed <= 8; seed++) {
            double f = LabRuns.train(withSeed(fullSpec, seed)).last().test().loss();
            double e = LabRuns.train(withSeed(earlySpec, seed)).kept().test().loss();
            if (e < f) lower++;
            if (e > f) higher++;
        }
        System.out.printf("[lab 6] seeds 1-8: early stopping's test MSE lower %d times, higher %d times%n", lower, higher);
        assertThat(lower).isPositive();
        assertThat(higher).isPositive();
    }

    @Test
    void lab7DefaultBlockRawPixelsAndLogisticRegression() throws Exception {
        JsonNode mnist = LabRuns.block("07-mnist.md", "train", "mnist").get("spec");
        List<Double> accuracies = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) accuracies.add(LabRuns.train(withSeed(mnist, seed)).last().test().accuracy());
        System.out.printf("[lab 7] first 6,000 images, seeds 1-3: test accuracy %s%n", accuracies);
        assertThat(accuracies).as("\"about 93 %\"").allSatisfy(a -> assertThat(a).isCloseTo(0.93, within(0.01)));

        // the raw-pixel block: its first epoch, on all 60,000 images at seed 1, and the same epoch on scaled pixels
        JsonNode raw = LabRuns.block("07-mnist.md", "train", "mnist-raw").get("spec");
        assertThat(raw.get("dataset").get("scaling").asText()).isEqualTo("none");
        assertThat(raw.get("dataset").has("trainLimit")).as("the lecture's 60,000 images").isFalse();
        EpochReport rawFirst = firstEpoch(raw);
        ObjectNode scaled = raw.deepCopy();
        ((ObjectNode) scaled.get("dataset")).put("scaling", "minmax");
        EpochReport scaledFirst = firstEpoch(scaled);
        System.out.printf("[lab 7] first epoch, seed 1: raw pixels loss %.4f accuracy %.4f (%d steps); scaled loss %.4f%n",
                rawFirst.train().loss(), rawFirst.train().accuracy(), rawFirst.steps(), scaledFirst.train().loss());
        assertThat(rawFirst.steps()).isEqualTo(1875);
        // MNIST trains with single-precision native matrix products: another CPU may round differently
        assertThat(rawFirst.train().loss()).as("a loss of about 1.86").isCloseTo(1.86, within(0.01));
        assertThat(rawFirst.train().accuracy()).as("accuracy about 0.87").isCloseTo(0.87, within(0.005));
        assertThat(rawFirst.train().loss()).as("the lecture's order of magnitude (4.6972)").isBetween(1.0, 10.0);
        assertThat(scaledFirst.train().loss()).as("near 0.24").isCloseTo(0.24, within(0.005));
    }

    /** The lecture's full runs, 5 epochs on 60,000 images: raw pixels and scaled, and logistic regression. */
    @Test
    void lab7FullRuns() throws Exception {
        JsonNode raw = LabRuns.block("07-mnist.md", "train", "mnist-raw").get("spec");
        double rawAccuracy = LabRuns.train(raw).last().test().accuracy();
        ObjectNode scaled = raw.deepCopy();
        ((ObjectNode) scaled.get("dataset")).put("scaling", "minmax");
        double scaled1 = LabRuns.train(scaled).last().test().accuracy();
        double scaled2 = LabRuns.train(withSeed(scaled, 2)).last().test().accuracy();
        ObjectNode logistic = scaled.deepCopy();
        logistic.set("model", LabRuns.JSON.readTree("{\"layers\": [{\"units\": 10, \"activation\": \"softmax\"}]}"));
        double logisticFull = LabRuns.train(logistic).last().test().accuracy();
        ((ObjectNode) logistic.get("dataset")).put("trainLimit", 6000);
        double logistic6000 = LabRuns.train(logistic).last().test().accuracy();
        System.out.printf("[lab 7] full runs: raw %.4f; scaled seed 1 %.4f, seed 2 %.4f; logistic regression %.4f (6,000: %.4f)%n",
                rawAccuracy, scaled1, scaled2, logisticFull, logistic6000);
        // single-precision native products: the tolerances allow another CPU's rounding (a few test images)
        assertThat(rawAccuracy).as("raw pixels: 95.5 %% with seed 1").isCloseTo(0.955, within(0.003));
        assertThat(scaled1).as("97.6 %% with seed 1").isCloseTo(0.976, within(0.003));
        assertThat(scaled2).as("97.4 %% with seed 2").isCloseTo(0.974, within(0.003));
        assertThat(logisticFull).as("92.5 %%").isCloseTo(0.925, within(0.003));
        assertThat(logistic6000).as("about 90 %%").isCloseTo(0.90, within(0.005));
    }

    private static EpochReport firstEpoch(JsonNode spec) throws Exception {
        ObjectNode one = spec.deepCopy();
        ((ObjectNode) one.get("training")).put("epochs", 1);
        return LabRuns.train(one).last();
    }

    @Test
    void lab8NoGridResultBeatsTheTrueFunctionOnTheTestSet() throws Exception {
        JsonNode grid = LabRuns.blocks("08-sine-grid-search.md", "grid").get(0);
        JsonNode vary = grid.get("vary");
        ObjectNode probe = grid.get("spec").deepCopy();
        probe.set("model", LabRuns.JSON.readTree("{\"layers\": [{\"units\": 1, \"activation\": \"linear\"}]}"));
        Examples test = LabRuns.train(probe).job().data().split().test();
        double truth = 0;
        for (int i = 0; i < test.count(); i++) truth += Math.pow(Math.sin(test.x()[i]) - test.y()[i], 2);
        truth /= test.count();
        double best = Double.MAX_VALUE;
        String bestName = null;
        for (JsonNode width : vary.get("width")) for (JsonNode depth : vary.get("depth"))
            for (JsonNode activation : vary.get("activation")) for (JsonNode optimizer : vary.get("optimizer")) {
                ObjectNode s = grid.get("spec").deepCopy();
                var layers = s.putObject("model").putArray("layers");
                for (int d = 0; d < depth.asInt(); d++) layers.addObject().put("units", width.asInt()).put("activation", activation.asText());
                layers.addObject().put("units", 1).put("activation", grid.path("output").asText("linear"));
                ((ObjectNode) s.get("training")).put("optimizer", optimizer.asText());
                double mse = LabRuns.train(s).last().test().loss();
                if (mse < best) {
                    best = mse;
                    bestName = width + " " + activation.asText() + " " + optimizer.asText() + " depth " + depth;
                }
            }
        System.out.printf("[lab 8] %d test points; sin(x) scores %.4f; the grid's best (%s) %.4f%n", test.count(), truth, bestName, best);
        assertThat(test.count()).isEqualTo(40);
        assertThat(truth).as("sin(x) scores 0.0068").isCloseTo(0.0068, within(0.00005));
        assertThat(best).as("the best scores 0.0085").isCloseTo(0.0085, within(0.00005));
        assertThat(bestName).isEqualTo("4 tanh adam depth 1");
        assertThat(best).as("no network beats the truth").isGreaterThan(truth);
    }

    @Test
    void lab10EveryCureLowersTheTestLossAtSeed1() throws Exception {
        JsonNode compare = LabRuns.blocks("10-regularisation.md", "compare").get(0);
        assertThat(compare.get("spec").get("seed").asLong()).isEqualTo(1);
        // the table of the text: test loss and accuracy of the weights each variant keeps
        Object[][] table = {{"none", 300, 300, 1.18, 0.82}, {"dropout", 300, 300, 0.60, 0.88}, {"L1", 300, 300, 0.66, 0.82},
                {"L2", 300, 300, 0.22, 0.94}, {"early stopping", 26, 6, 0.33, 0.84}};
        for (Object[] row : table) {
            LabRuns.Run r = LabRuns.train(LabRuns.variant(compare, (String) row[0]));
            EpochReport kept = r.kept();
            System.out.printf("[lab 10] %s: %d epochs, kept %d: test loss %.4f, accuracy %.2f%n", row[0], r.last().epoch(),
                    kept.epoch(), kept.test().loss(), kept.test().accuracy());
            assertThat(r.last().epoch()).as("%s epochs", row[0]).isEqualTo(row[1]);
            assertThat(kept.epoch()).as("%s kept epoch", row[0]).isEqualTo(row[2]);
            assertThat(kept.test().loss()).as("%s test loss", row[0]).isCloseTo((Double) row[3], within(0.005));
            assertThat(kept.test().accuracy()).as("%s test accuracy", row[0]).isCloseTo((Double) row[4], within(1e-9));
            if (row[0].equals("none")) {
                EpochReport best = r.epochs().stream().min((a, b) -> Double.compare(a.validation().loss(), b.validation().loss())).orElseThrow();
                assertThat(best.epoch()).as("lowest validation loss at epoch 6").isEqualTo(6);
                assertThat(best.validation().loss()).as("0.40").isCloseTo(0.40, within(0.005));
                assertThat(r.last().validation().loss()).as("ends near 3.2").isCloseTo(3.2, within(0.05));
            }
        }
        assertThat(LabRuns.variant(compare, "none").get("dataset").get("samples").asInt()).isEqualTo(100);
        assertThat(LabRuns.train(LabRuns.variant(compare, "none")).job().data().split().validation().count())
                .as("10 validation points").isEqualTo(10);
        assertThat(Arrays.asList(table)).hasSize(5);
    }
}
