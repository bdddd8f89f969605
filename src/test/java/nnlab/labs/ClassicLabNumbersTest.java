package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import nnlab.engine.EpochReport;
import nnlab.jobs.JobSpec;
import nnlab.jobs.PreparedJob;
import nnlab.jobs.classic.ClassicTraining;
import org.junit.jupiter.api.Test;

/**
 * The numbers the classic-methods and adaboost labs state, computed from their {@code classic} blocks as the widget
 * submits them (the block's dataset and seed, each model's model and training) and trained as the server trains
 * them; the tables in the texts must be exactly these.
 */
class ClassicLabNumbersTest {

    /** A block's model as the widget submits it. */
    static JsonNode spec(JsonNode block, JsonNode model) {
        ObjectNode s = LabRuns.JSON.createObjectNode();
        s.set("dataset", block.get("dataset"));
        s.set("model", model.get("model"));
        s.set("training", model.has("training") ? model.get("training") : LabRuns.JSON.createObjectNode());
        s.put("seed", block.path("seed").asLong(1));
        return s;
    }

    /** Every step's report of one model of a block. */
    static List<EpochReport> run(JsonNode spec) throws Exception {
        if (!spec.get("model").has("kind")) return LabRuns.train(spec).epochs();
        PreparedJob p = LabRuns.MAPPER.prepare(LabRuns.JSON.treeToValue(spec, JobSpec.class));
        ClassicTraining t = ClassicTraining.start(p.classic(), p.data(), p.seed());
        List<EpochReport> steps = new ArrayList<>();
        for (EpochReport r = t.step(); r != null; r = t.step()) steps.add(r);
        return steps;
    }

    static Map<String, Double> testAccuracies(JsonNode block) throws Exception {
        Map<String, Double> acc = new LinkedHashMap<>();
        for (JsonNode m : block.get("models")) {
            List<EpochReport> steps = run(spec(block, m));
            acc.put(m.get("name").asText(), steps.get(steps.size() - 1).test().accuracy());
        }
        return acc;
    }

    static String text(String file) throws Exception {
        return Files.readString(Path.of("notebooks-content", file), StandardCharsets.UTF_8);
    }

    static String f3(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }

    /** The spiral's compare block: each variant, merged as the compare widget merges it, ends as its classic card. */
    @Test
    void theSpiralsCompareBlockShowsTheCardsAccuracies() throws Exception {
        JsonNode compare = LabRuns.block("classic-methods.md", "compare", "spiral-compare");
        Map<String, Double> cards = testAccuracies(LabRuns.block("classic-methods.md", "classic", "spiral"));
        List<String> shown = new ArrayList<>();
        for (JsonNode v : compare.get("variants")) {
            String name = v.get("name").asText();
            JsonNode spec = LabRuns.variant(compare, name);
            if (v.path("spec").path("model").has("kind")) {
                assertThat(spec.get("model")).as("a classic variant's model replaces the network").isEqualTo(v.get("spec").get("model"));
            }
            List<EpochReport> steps = run(spec);
            double accuracy = steps.get(steps.size() - 1).test().accuracy();
            System.out.printf("[classic-methods] compare %s: %d steps, test accuracy %.3f%n", name, steps.size(), accuracy);
            assertThat(accuracy).as(name).isEqualTo(cards.get(name));
            shown.add(f3(accuracy));
        }
        assertThat(text("classic-methods.md")).contains("the same test accuracies as the cards above: "
                + shown.get(0) + ", " + shown.get(1) + " and " + shown.get(2) + ".");
    }

    @Test
    void theTwoDimensionalTableIsWhatTheCardsShow() throws Exception {
        Map<String, Map<String, Double>> bySet = new LinkedHashMap<>();
        for (String set : List.of("circle", "xor", "spiral")) {
            bySet.put(set, testAccuracies(LabRuns.block("classic-methods.md", "classic", set)));
        }
        StringBuilder table = new StringBuilder("| model | circle | xor | spiral |\n| --- | --- | --- | --- |\n");
        for (String model : bySet.get("circle").keySet()) {
            table.append("| ").append(model);
            for (String set : bySet.keySet()) table.append(" | ").append(f3(bySet.get(set).get(model)));
            table.append(" |\n");
        }
        System.out.println("[classic-methods] 2-D table:\n" + table);
        assertThat(text("classic-methods.md")).contains(table);
    }

    @Test
    void theMnistTableIsWhatTheCardsShow() throws Exception {
        Map<String, Double> acc = testAccuracies(LabRuns.block("classic-methods.md", "classic", "mnist"));
        StringBuilder table = new StringBuilder("| model | test accuracy |\n| --- | --- |\n");
        acc.forEach((model, a) -> table.append("| ").append(model).append(" | ").append(f3(a)).append(" |\n"));
        System.out.println("[classic-methods] MNIST table:\n" + table);
        assertThat(text("classic-methods.md")).contains(table);
    }

    /** The farthest and the nearest of 499 uniform points from the first, in d dimensions (Random(1)). */
    static double[] nearestFarthest(int d) {
        Random random = new Random(1);
        double[][] x = new double[500][d];
        for (double[] row : x) for (int c = 0; c < d; c++) row[c] = random.nextDouble();
        double near = Double.POSITIVE_INFINITY, far = 0;
        for (int i = 1; i < x.length; i++) {
            double s = 0;
            for (int c = 0; c < d; c++) s += (x[i][c] - x[0][c]) * (x[i][c] - x[0][c]);
            double dist = Math.sqrt(s);
            near = Math.min(near, dist);
            far = Math.max(far, dist);
        }
        return new double[]{near, far};
    }

    @Test
    void theCurseOfDimensionalityTableAndQuestion() throws Exception {
        StringBuilder table = new StringBuilder("| $d$ | nearest | farthest | farthest / nearest |\n| --- | --- | --- | --- |\n");
        double last = 0;
        for (int d : new int[]{2, 10, 100, 1000}) {
            double[] nf = nearestFarthest(d);
            last = nf[1] / nf[0];
            table.append("| ").append(d).append(" | ").append(f3(nf[0])).append(" | ").append(f3(nf[1])).append(" | ")
                    .append(String.format(Locale.ROOT, "%.2f", last)).append(" |\n");
        }
        System.out.println("[classic-methods] curse table:\n" + table);
        String text = text("classic-methods.md");
        assertThat(text).contains(table);
        JsonNode question = LabRuns.blocks("classic-methods.md", "question").get(0);
        assertThat(question.get("answer").asDouble()).isCloseTo(last, org.assertj.core.api.Assertions.within(0.005));
    }

    @Test
    void adaboostOnXorRoundByRound() throws Exception {
        JsonNode block = LabRuns.block("adaboost.md", "classic", "xor-perceptrons");
        List<EpochReport> rounds = run(spec(block, block.get("models").get(0)));
        EpochReport first = rounds.get(0), last = rounds.get(rounds.size() - 1);
        int firstAbove90 = -1;
        for (EpochReport r : rounds) if (firstAbove90 < 0 && r.test().accuracy() > 0.9) firstAbove90 = r.epoch();
        String stated = "One perceptron alone gets " + f3(first.test().accuracy()) + " of the test points right; the vote"
                + " first gets more than 0.9 at round " + firstAbove90 + " and ends at " + f3(last.test().accuracy())
                + " after " + rounds.size() + " rounds.";
        System.out.println("[adaboost] " + stated);
        JsonNode stumps = LabRuns.block("adaboost.md", "classic", "xor-stumps");
        List<EpochReport> s = run(spec(stumps, stumps.get("models").get(0)));
        String stumpsStated = "After " + s.size() + " rounds the stumps' vote gets " + f3(s.get(s.size() - 1).test().accuracy())
                + " of the test points right.";
        System.out.println("[adaboost] " + stumpsStated);
        assertThat(text("adaboost.md")).contains(stated);
        assertThat(text("adaboost.md")).contains(stumpsStated);
    }
}
