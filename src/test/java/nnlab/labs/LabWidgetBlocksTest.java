package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.engine.Activation;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Model;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Weights;
import org.junit.jupiter.api.Test;

/** The numbers that labs 2, 3 and 4 state in their new blocks, checked against the engine and the parser. */
class LabWidgetBlocksTest {

    static final ObjectMapper JSON = new ObjectMapper();

    /** The JSON bodies of a lab's {@code widget:NAME} blocks, in order. */
    static List<JsonNode> blocks(String file, String widget) throws Exception {
        String text = Files.readString(LabParserTest.CONTENT.resolve(file), StandardCharsets.UTF_8);
        Matcher m = Pattern.compile("^```widget:" + widget + "\\n(.*?)^```", Pattern.MULTILINE | Pattern.DOTALL).matcher(text);
        List<JsonNode> out = new ArrayList<>();
        while (m.find()) out.add(JSON.readTree(m.group(1)));
        return out;
    }

    /** The engine's network for a network block's layers and weights. */
    static Model model(JsonNode block) {
        List<LayerSpec> layers = new ArrayList<>();
        for (JsonNode l : block.get("layers")) {
            layers.add(LayerSpec.dense(l.get("units").asInt(), Activation.fromId(l.path("activation").asText("linear"), "activation")));
        }
        JsonNode w = block.get("weights");
        List<double[][]> kernels = new ArrayList<>();
        List<double[]> biases = new ArrayList<>();
        for (JsonNode k : w.get("kernels")) kernels.add(JSON.convertValue(k, double[][].class));
        for (JsonNode b : w.get("biases")) biases.add(JSON.convertValue(b, double[].class));
        int inputs = kernels.get(0).length;
        return Model.of(new NetworkSpec(inputs, layers, Initializer.ZEROS), new Weights(kernels, biases));
    }

    @Test
    void lab4PictureHoldsTheLecturesHandSolutionAndTheEngineComputesItsTargets() throws Exception {
        List<JsonNode> pictures = blocks("04-xor.md", "network");
        assertThat(pictures).hasSize(2);
        JsonNode picture = pictures.get(0);
        // the second picture shows what the random-start block found, from the same hand weights until then
        assertThat(pictures.get(1).get("train").asText()).isEqualTo("xor-random");
        assertThat(pictures.get(1).get("weights")).isEqualTo(picture.get("weights"));
        assertThat(blocks("04-xor.md", "train")).anySatisfy(b -> assertThat(b.path("name").asText()).isEqualTo("xor-random"));
        // the same weights as the train block that hands them to the server
        JsonNode hand = blocks("04-xor.md", "train").stream()
                .filter(b -> b.path("name").asText().equals("xor-hand")).findFirst().orElseThrow();
        assertThat(picture.get("weights")).isEqualTo(hand.get("spec").get("model").get("weights"));
        double[][] inputs = JSON.convertValue(picture.get("inputs"), double[][].class);
        double[] targets = JSON.convertValue(picture.get("targets"), double[].class);
        assertThat(inputs).isDeepEqualTo(new double[][] {{0, 0}, {0, 1}, {1, 0}, {1, 1}});
        assertThat(targets).containsExactly(0, 1, 1, 0);
        Model model = model(picture);
        double[][] out = model.predict(inputs);
        for (int i = 0; i < 4; i++) assertThat(out[i]).containsExactly(targets[i]);
        // the text's worked example: for (1, 1) the hidden layer is (2, 1); the question's centre gives 1
        assertThat(model.layerOutputs(new double[][] {{1, 1}})[0][0]).containsExactly(2, 1);
        assertThat(model.predict(new double[][] {{0.5, 0.5}})[0]).containsExactly(1);
    }

    @Test
    void lab2BoundaryBlocksTrainSeparableDataAndThePlotDrawsFourLosses() throws Exception {
        List<JsonNode> boundaries = blocks("02-perceptron.md", "boundary");
        assertThat(boundaries).hasSize(2);
        JsonNode perceptron = boundaries.get(0).get("spec");
        assertThat(perceptron.get("training").get("loss").asText()).isEqualTo("perceptron");
        assertThat(perceptron.get("model").get("layers").get(0).get("activation").asText()).isEqualTo("step");
        assertThat(boundaries).allSatisfy(b -> assertThat(b.get("spec").get("dataset").get("name").asText()).isEqualTo("separable"));
        List<JsonNode> plots = blocks("02-perceptron.md", "plot");
        assertThat(plots).extracting(p -> p.get("kind").asText()).containsExactly("margin-losses");
        assertThat(plots.get(0).get("losses")).hasSize(4);
    }

    @Test
    void lab3HasAPlaygroundAndAQuestionForEveryExercise() throws Exception {
        Lab lab = new LabParser().parse("03-playground.md",
                Files.readString(LabParserTest.CONTENT.resolve("03-playground.md"), StandardCharsets.UTF_8));
        List<String> widgets = lab.widgets();
        long playgrounds = widgets.stream().filter("playground"::equals).count();
        assertThat(playgrounds).isGreaterThanOrEqualTo(10);
        // every playground is followed by at least one question before the next playground
        for (int i = 0; i < widgets.size(); i++) {
            if (widgets.get(i).equals("playground")) assertThat(widgets.get(i + 1)).as("block after playground %d", i).isEqualTo("question");
        }
        for (JsonNode p : blocks("03-playground.md", "playground")) {
            assertThat(p.get("settings").has("dataset")).as(p.toString()).isTrue();
            assertThat(p.get("hide").size()).as(p.toString()).isPositive();
        }
        // exercise 4's noise and the zero-weights preset are set as the lecture says
        assertThat(blocks("03-playground.md", "playground")).anySatisfy(p -> assertThat(p.get("settings").path("noise").asInt()).isEqualTo(15))
                .anySatisfy(p -> assertThat(p.get("settings").path("initZero").asBoolean()).isTrue())
                .anySatisfy(p -> assertThat(p.get("settings").get("networkShape")).isEmpty());
    }
}
