package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;

/**
 * Every train block of every lab, as written (the defaults are reduced data), is accepted and runs to the end;
 * so does every variant of a compare block (its spec merged into the block's shared spec).
 */
class LabTrainBlocksIT extends LiveServer {

    static final Pattern TRAIN = Pattern.compile("^```widget:(train|compare)\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL);

    record Block(String file, JsonNode config) {}

    /** The seeds lab 5's iris block is checked with. */
    static final List<Long> IRIS_SEEDS = List.of(1L, 2L, 3L, 4L, 5L);

    static List<Block> trainBlocks() throws Exception {
        List<Block> blocks = new ArrayList<>();
        for (Path f : LabParserTest.labFiles()) {
            Matcher m = TRAIN.matcher(Files.readString(f, StandardCharsets.UTF_8));
            while (m.find()) {
                String file = f.getFileName().toString();
                JsonNode config = Api.JSON.readTree(m.group(2));
                if (m.group(1).equals("train")) {
                    blocks.add(new Block(file, config));
                    continue;
                }
                for (JsonNode variant : config.get("variants")) {
                    ObjectNode block = Api.JSON.createObjectNode();
                    block.put("name", variant.get("name").asText());
                    block.set("spec", LabRuns.variant(config, variant.get("name").asText()));
                    blocks.add(new Block(file, block));
                }
            }
        }
        return blocks;
    }

    @Test
    void everyDefaultTrainBlockRunsToCompletion() throws Exception {
        List<Block> blocks = trainBlocks();
        assertThat(blocks).extracting(Block::file).contains("04-xor.md", "05-iris.md", "06-boston-mlp.md", "07-mnist.md");
        for (Block b : blocks) {
            String id = api.submit(b.config().get("spec").toString());
            JsonNode job = api.awaitFinished(id, Duration.ofMinutes(3));
            assertThat(job.get("status").asText()).as("%s %s: %s", b.file(), b.config().path("name"), job).isEqualTo("SUCCEEDED");
            int epochs = b.config().get("spec").get("training").get("epochs").asInt();
            if (!b.config().get("spec").get("model").path("kind").asText("network").equals("network")) {
                assertThat(job.get("epochsDone").asInt()).as("a classic model's steps").isPositive();
            } else if (b.config().get("spec").get("training").has("earlyStopping")) {
                assertThat(job.get("epochsDone").asInt()).isBetween(1, epochs);
                assertThat(job.get("stopReason").asText()).isIn("EARLY_STOPPED", "COMPLETED");
            } else {
                assertThat(job.get("epochsDone").asInt()).as("%s %s", b.file(), b.config().path("name")).isEqualTo(epochs);
            }
            if (b.config().has("predict")) {
                Api.Response r = api.post("/api/jobs/" + id + "/predict", "{\"inputs\": " + b.config().get("predict") + "}");
                assertThat(r.status()).isEqualTo(200);
            }
        }
    }

    @Test
    void lab10OverfitsWithoutRegularisationAndEachCureHelps() throws Exception {
        java.util.Map<String, Double> finalValidation = new java.util.HashMap<>();
        for (Block b : trainBlocks()) {
            if (!b.file().equals("10-regularisation.md")) continue;
            // the section on batch normalisation and augmentation (MNIST, no validation part) is RegularisationSectionTest's
            if (b.config().get("spec").path("dataset").path("name").asText().equals("mnist")) continue;
            String id = api.submit(b.config().get("spec").toString());
            api.awaitFinished(id, Duration.ofMinutes(2));
            JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
            double best = Double.MAX_VALUE;
            for (JsonNode e : history) best = Math.min(best, e.get("validation").get("loss").asDouble());
            double last = history.get(history.size() - 1).get("validation").get("loss").asDouble();
            String name = b.config().get("name").asText();
            finalValidation.put(name, last);
            if (name.equals("none")) assertThat(last).as("no regularisation: last vs best validation loss").isGreaterThan(1.5 * best);
            System.out.printf("[lab 10] %s: %d epochs, validation loss best %.4f, last %.4f%n", name, history.size(), best, last);
        }
        assertThat(finalValidation).containsKeys("none", "dropout", "L1", "L2", "early stopping");
        for (String cure : List.of("dropout", "L1", "L2")) {
            assertThat(finalValidation.get(cure)).as(cure).isLessThan(finalValidation.get("none"));
        }
    }

    @Test
    void theLabsNumbersHold() throws Exception {
        for (Block b : trainBlocks()) {
            String name = b.config().path("name").asText();
            if (name.equals("xor-hand")) {
                String id = api.submit(b.config().get("spec").toString());
                api.awaitFinished(id, Duration.ofMinutes(1));
                JsonNode out = api.post("/api/jobs/" + id + "/predict", "{\"inputs\": [[0,0],[0,1],[1,0],[1,1]]}").json().get("outputs");
                double[] expected = {0, 1, 1, 0};
                for (int i = 0; i < 4; i++) assertThat(out.get(i).get(0).asDouble()).isCloseTo(expected[i], org.assertj.core.data.Offset.offset(1e-9));
            }
            if (name.equals("boston")) {
                // lab 6's story: both losses fall steeply for 30 epochs; then the training loss goes on falling
                // (about 24 to 16) while the validation loss stays flat at about 30
                String id = api.submit(b.config().get("spec").toString());
                api.awaitFinished(id, Duration.ofMinutes(2));
                JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
                assertThat(history).hasSize(200);
                double[] train = new double[200], validation = new double[200];
                for (int e = 0; e < 200; e++) {
                    train[e] = history.get(e).get("train").get("loss").asDouble();
                    validation[e] = history.get(e).get("validation").get("loss").asDouble();
                }
                System.out.printf("[lab 6] boston: train loss %.1f at epoch 30, %.1f at 200; validation %.1f at 30, "
                        + "%.1f to %.1f after%n", train[29], train[199], validation[29],
                        java.util.Arrays.stream(validation, 29, 200).min().orElseThrow(),
                        java.util.Arrays.stream(validation, 29, 200).max().orElseThrow());
                assertThat(train[29]).isLessThan(train[0] / 5).isBetween(21.0, 27.0);
                assertThat(validation[29]).isLessThan(validation[0] / 5).isBetween(27.0, 33.0);
                assertThat(train[199]).as("training loss at epoch 200").isBetween(13.0, 19.0);
                assertThat(java.util.Arrays.stream(validation, 29, 200))
                        .as("validation losses after epoch 30, flat about %.1f", validation[29])
                        .allSatisfy(v -> assertThat(v).isBetween(0.85 * validation[29], 1.15 * validation[29]));
            }
            if (name.equals("boston-early")) {
                // lab 6's claim: the validation loss stops improving and early stopping ends the run early,
                // with a validation loss close to the best of the full run's
                String id = api.submit(b.config().get("spec").toString());
                JsonNode job = api.awaitFinished(id, Duration.ofMinutes(2));
                assertThat(job.get("stopReason").asText()).isEqualTo("EARLY_STOPPED");
                System.out.printf("[lab 6] boston-early: stopped after %d epochs%n", job.get("epochsDone").asInt());
                assertThat(job.get("epochsDone").asInt()).isBetween(50, 80);
            }
            if (name.equals("logistic") || name.equals("logistic-l2")) {
                // lab 2's claim: on separable data the weight norm keeps growing; L2 holds it
                String id = api.submit(b.config().get("spec").toString());
                api.awaitFinished(id, Duration.ofMinutes(1));
                JsonNode history = api.get("/api/jobs/" + id + "/metrics").json();
                double mid = history.get(149).get("weightNorm").asDouble(), end = history.get(299).get("weightNorm").asDouble();
                if (name.equals("logistic")) assertThat(end).as("norm at epoch 300 vs 150").isGreaterThan(mid * 1.05);
                else assertThat(end).as("norm at epoch 300 vs 150").isCloseTo(mid, org.assertj.core.data.Percentage.withPercentage(2));
            }
            if (name.equals("iris")) {
                // lab 5's claim: the 30 test flowers often come out at 100 %, or one flower short of it. The block
                // has no seed (each student's run draws one), so the check runs it with fixed seeds
                List<Double> accuracies = new ArrayList<>();
                for (long seed : IRIS_SEEDS) {
                    ObjectNode spec = b.config().get("spec").deepCopy();
                    spec.put("seed", seed);
                    Api.Response r = api.post("/api/jobs", spec.toString());
                    assertThat(r.json().get("summary").get("totalParameters").asLong()).isEqualTo(803L);
                    JsonNode job = api.awaitFinished(r.json().get("id").asText(), Duration.ofMinutes(1));
                    accuracies.add(job.get("last").get("test").get("accuracy").asDouble());
                }
                System.out.printf("[lab 5] iris test accuracy with seeds %s: %s%n", IRIS_SEEDS, accuracies);
                assertThat(accuracies).as("seeds %s", IRIS_SEEDS).allMatch(a -> a >= 0.9);
                assertThat(accuracies.stream().filter(a -> a >= 29 / 30.0 - 1e-9).count())
                        .as("seeds %s with 100 %% or one flower short: %s", IRIS_SEEDS, accuracies)
                        .isGreaterThan(IRIS_SEEDS.size() / 2);
            }
            if (name.equals("mnist")) {
                JsonNode spec = b.config().get("spec");
                assertThat(spec.get("dataset").get("trainLimit").asInt()).isLessThan(60_000);
                Api.Response r = api.post("/api/jobs", spec.toString());
                assertThat(r.json().get("summary").get("totalParameters").asLong()).isEqualTo(109_386L);
                api.awaitFinished(r.json().get("id").asText(), Duration.ofMinutes(3));
                // the full-data setting is one edit away: the same spec without trainLimit is accepted as is
                ((com.fasterxml.jackson.databind.node.ObjectNode) spec.get("dataset")).remove("trainLimit");
                Api.Response full = api.post("/api/jobs", spec.toString());
                assertThat(full.status()).isEqualTo(201);
                assertThat(full.json().get("summary").get("totalParameters").asLong()).isEqualTo(109_386L);
                api.delete("/api/jobs/" + full.json().get("id").asText());
            }
        }
    }
}
