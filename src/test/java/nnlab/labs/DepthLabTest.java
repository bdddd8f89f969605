package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import nnlab.engine.LinearRegions;
import nnlab.engine.Model;
import nnlab.engine.NetworkSpec;
import org.junit.jupiter.api.Test;

/** The numbers of the depth lab at its blocks' seeds: parameter counts, accuracies and linear-region counts. */
class DepthLabTest {

    private static final String LAB = "depth.md";

    @Test
    void shallowTwentyAgainstDeepTenTen() throws Exception {
        LabRuns.Run shallow = LabRuns.train(LabRuns.block(LAB, "train", "shallow").get("spec"));
        LabRuns.Run deep = LabRuns.train(LabRuns.block(LAB, "train", "deep").get("spec"));
        int testPoints = shallow.job().data().split().test().count();
        System.out.printf("[depth lab] shallow: %d parameters, train accuracy %.4f, test %.4f; deep: %d parameters, train %.4f, test %.4f (%d test points)%n",
                shallow.job().network().parameterCount(), shallow.last().train().accuracy(), shallow.last().test().accuracy(),
                deep.job().network().parameterCount(), deep.last().train().accuracy(), deep.last().test().accuracy(), testPoints);
        assertThat(shallow.job().network().parameterCount()).isEqualTo(102);
        assertThat(deep.job().network().parameterCount()).isEqualTo(162);
        assertThat(shallow.job().data().split().train().count()).isEqualTo(200);
        assertThat(testPoints).isEqualTo(200);
        assertThat(shallow.last().train().accuracy()).as("85.0 %").isCloseTo(0.85, within(1e-9));
        assertThat(shallow.last().test().accuracy()).as("78.5 %: 43 of 200 wrong").isCloseTo(0.785, within(1e-9));
        assertThat(deep.last().train().accuracy()).as("every training point").isEqualTo(1.0);
        assertThat(deep.last().test().accuracy()).as("99.0 %: 2 wrong").isCloseTo(0.99, within(1e-9));
    }

    /**
     * The boundaries block marks the test points whose class, as the job predicts it for their raw (x1, x2), differs
     * from their label: as the widget asks the server (POST /predict with points), 43 for the shallow net, 2 for the
     * deep one, as the text says.
     */
    @Test
    void theBoundariesBlockMarksTheShallowNetsFortyThreeWrongPoints() throws Exception {
        JsonNode block = LabRuns.blocks(LAB, "boundaries").get(0);
        assertThat(block.get("train")).extracting(JsonNode::asText).containsExactly("shallow", "deep");
        assertThat(block.get("split").asText()).isEqualTo("test");
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("notebooks-content", LAB));
        assertThat(text).contains("**43 of the 200** on the shallow network's map and **2** on the deep one's");
        int[] wrong = new int[2];
        for (int b = 0; b < 2; b++) {
            LabRuns.Run run = LabRuns.train(LabRuns.block(LAB, "train", block.get("train").get(b).asText()).get("spec"));
            var test = run.job().data().plane().test();
            double[][] x = new double[test.size()][];
            for (int i = 0; i < x.length; i++) {
                float[] in = run.job().data().inputsAt(test.get(i).x1(), test.get(i).x2());
                x[i] = new double[in.length];
                for (int c = 0; c < in.length; c++) x[i][c] = in[c];
            }
            int[] classes = run.model().classify(x, run.job().config().loss());
            for (int i = 0; i < x.length; i++) if (classes[i] != Math.round(test.get(i).label())) wrong[b]++;
            assertThat(test).hasSize(200);
        }
        System.out.printf("[depth lab] wrong test points marked: shallow %d, deep %d%n", wrong[0], wrong[1]);
        assertThat(wrong).containsExactly(43, 2);
    }

    @Test
    void oneThreeAndFiveLayersOfTen() throws Exception {
        JsonNode compare = LabRuns.block(LAB, "compare", "depths");
        String[] names = {"1 layer", "3 layers", "5 layers"};
        long[] parameters = {52, 272, 492};
        double[] loss = {0.545, 0.003, 0.0000};
        double[] lossTolerance = {0.0005, 0.0005, 0.00005};
        double[] accuracy = {0.645, 0.99, 0.99};
        for (int v = 0; v < 3; v++) {
            LabRuns.Run r = LabRuns.train(LabRuns.variant(compare, names[v]));
            System.out.printf("[depth lab] %s: %d parameters, training loss %.5f, test accuracy %.4f%n", names[v],
                    r.job().network().parameterCount(), r.last().train().loss(), r.last().test().accuracy());
            assertThat(r.job().network().parameterCount()).isEqualTo(parameters[v]);
            assertThat(r.last().train().loss()).as(names[v]).isCloseTo(loss[v], within(lossTolerance[v]));
            assertThat(r.last().test().accuracy()).as(names[v]).isCloseTo(accuracy[v], within(1e-9));
        }
    }

    @Test
    void theRegionsGrowWithDepth() throws Exception {
        JsonNode block = LabRuns.blocks(LAB, "regions").get(0);
        assertThat(counts(block, block.get("seed").asLong())).as("seed 1").containsExactly(49, 231, 389);
        assertThat(counts(block, 2)).as("\"with seed 2 the counts are 49, 333 and 978\"").containsExactly(49, 333, 978);
        assertThat(1 + 10 + 10 * 9 / 2).as("one layer's bound").isEqualTo(56);
        assertThat(1 + 50 + 50 * 49 / 2).as("one layer of 50 units").isEqualTo(1276);
        assertThat((long) Math.pow(5, 8) * 56).isEqualTo(21_875_000L);
    }

    /**
     * The regions block of the trained 1-, 3- and 5-layer networks: each compare variant's job counted as GET
     * /api/jobs/{id}/regions counts it (the trained model, the points through the job's features and scaling).
     */
    @Test
    void theTrainedNetworksRegions() throws Exception {
        JsonNode block = LabRuns.blocks(LAB, "regions").get(1);
        JsonNode compare = LabRuns.block(LAB, "compare", "depths");
        List<Integer> counts = new ArrayList<>();
        for (JsonNode name : block.get("trained")) {
            String[] parts = name.asText().split("/", 2);
            assertThat(parts[0]).isEqualTo("depths");
            LabRuns.Run r = LabRuns.train(LabRuns.variant(compare, parts[1]));
            var data = r.job().data();
            counts.add(LinearRegions.count(r.model(), block.get("range").asDouble(), block.get("resolution").asInt(),
                    (x1, x2) -> {
                        float[] in = data.inputsAt(x1, x2);
                        return new double[]{in[0], in[1]};
                    }).regions());
        }
        System.out.println("[depth lab] regions of the trained 1, 3, 5 layers of 10: " + counts);
        assertThat(counts).containsExactly(TRAINED_REGIONS);
        String text = java.nio.file.Files.readString(java.nio.file.Path.of("notebooks-content", LAB));
        assertThat(text).contains(TRAINED_TEXT);
    }

    private static final Integer[] TRAINED_REGIONS = {44, 532, 1433};
    private static final String TRAINED_TEXT = "With seed 1 the trained networks cut the square into 44, 532 and 1,433 pieces";

    private static List<Integer> counts(JsonNode block, long seed) {
        List<Integer> counts = new ArrayList<>();
        for (JsonNode layers : block.get("networks")) {
            List<Integer> hidden = new ArrayList<>();
            layers.forEach(u -> hidden.add(u.asInt()));
            NetworkSpec spec = LinearRegions.network(hidden, "layers");
            Model model = LinearRegions.model(spec, LinearRegions.random(spec, seed, 1));
            counts.add(LinearRegions.count(model, block.get("range").asDouble(), block.get("resolution").asInt()).regions());
        }
        System.out.println("[depth lab] regions of 1, 3, 5 layers of 10 at seed " + seed + ": " + counts);
        return counts;
    }
}
