package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import nnlab.engine.Activation;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Model;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Weights;
import org.junit.jupiter.api.Test;

/**
 * Lab 2's training loop by hand, computed by the engine's own forward pass, and lab 7's two quizzes: eight and
 * six true/false statements, each with an explanation that stays on the server.
 */
class TrainingLoopAndQuizzesTest {

    private static final double[][] POINTS = {{1, 1}, {0, 2}, {-1, 0}, {2, 3}};

    private static double[] outputs(double b, double w1, double w2) {
        NetworkSpec spec = new NetworkSpec(2, List.of(LayerSpec.dense(1, Activation.LINEAR)), Initializer.ZEROS);
        Model m = Model.of(spec, new Weights(List.<double[][]>of(new double[][]{{w1}, {w2}}), List.of(new double[]{b})));
        double[][] out = m.predict(POINTS);
        return new double[]{out[0][0], out[1][0], out[2][0], out[3][0]};
    }

    @Test
    void lab2OnePerceptronUpdateFixesTheWrongPoint() {
        assertThat(outputs(1, 3, -2)).containsExactly(new double[]{2, -3, -2, 1}, within(1e-12));
        // the square (2, 3) is read as a triangle: w ← w + 0.1·(−1)·(1, 2, 3)
        double[] w = {1 - 0.1, 3 - 0.1 * 2, -2 - 0.1 * 3};
        assertThat(w).containsExactly(new double[]{0.9, 2.8, -2.3}, within(1e-12));
        assertThat(outputs(w[0], w[1], w[2])).containsExactly(new double[]{1.4, -3.7, -1.9, -0.4}, within(1e-12));
    }

    @Test
    void lab2TheSigmoidUnitGivesHalfAndItsLosses() {
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.dense(1, Activation.SIGMOID)), Initializer.ZEROS);
        Model m = Model.of(spec, new Weights(List.<double[][]>of(new double[][]{{1}, {1}, {-1}}), List.of(new double[]{0})));
        double y = m.predict(new double[][]{{1, 2, 3}})[0][0];
        assertThat(y).isEqualTo(0.5);
        assertThat((y - 1) * (y - 1)).isEqualTo(0.25);
        assertThat(-Math.log(y)).isCloseTo(0.693, within(0.0005));
        assertThat((0.8 - 1) * (0.8 - 1)).isCloseTo(0.04, within(1e-12));
        assertThat(-Math.log(0.8)).isCloseTo(0.223, within(0.0005));
    }

    @Test
    void lab7HasEightCodeAndSixOutputStatementsWhoseKeysStayOnTheServer() throws Exception {
        Lab lab = new LabParser().parse("07-mnist.md",
                Files.readString(LabParserTest.CONTENT.resolve("07-mnist.md"), StandardCharsets.UTF_8));
        List<LabQuestion> code = lab.questions().stream().filter(q -> q.id().startsWith("keras-code-")).toList();
        List<LabQuestion> output = lab.questions().stream().filter(q -> q.id().startsWith("keras-output-")).toList();
        assertThat(code).hasSize(8);
        assertThat(output).hasSize(6);
        for (LabQuestion q : code.stream().toList()) assertTrueFalse(q, lab);
        for (LabQuestion q : output) assertTrueFalse(q, lab);
        assertThat(code.stream().filter(q -> q.rightChoice() == 0)).as("true statements about the code").hasSize(5);
        assertThat(output.stream().filter(q -> q.rightChoice() == 0)).as("true statements about the output").hasSize(4);
        assertThat(lab.question("adam-state").orElseThrow().number()).isEqualTo(328_158);
        assertThat(10_000 - 312 * 32).as("the last test batch").isEqualTo(16);
        assertThat(100_480 + 8_256 + 650).isEqualTo(109_386);
    }

    private static void assertTrueFalse(LabQuestion q, Lab lab) {
        assertThat(q.choices()).containsExactly("true", "false");
        assertThat(q.explanation()).startsWith(q.rightChoice() == 0 ? "True" : "False");
        assertThat(lab.html()).as("the explanation of %s is not in the page", q.id()).doesNotContain(q.explanation());
    }
}
