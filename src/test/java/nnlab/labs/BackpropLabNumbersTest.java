package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import nnlab.engine.BackpropTrace;
import nnlab.engine.EpochReport;
import nnlab.engine.Examples;
import nnlab.engine.Loss;
import org.junit.jupiter.api.Test;

/** The numbers lab 6 (backpropagation) states about its trained XOR network, trained and traced by the engine. */
class BackpropLabNumbersTest {

    @Test
    void theTrainedXorNetworkAndItsTraces() throws Exception {
        JsonNode spec = LabRuns.block("backprop.md", "train", "xor-backprop").get("spec");
        LabRuns.Run run = LabRuns.train(spec);
        EpochReport last = run.last();
        assertThat(last.epoch()).isEqualTo(100);
        assertThat(last.train().loss()).as("training loss 0.0087").isCloseTo(0.0087, within(0.00005));
        assertThat(last.train().accuracy()).as("all four right").isEqualTo(1.0);

        Examples train = run.job().data().split().train();
        assertThat(train.count()).isEqualTo(4);
        BackpropTrace three = trace(run, train, 3);
        assertThat(three.inputs()).containsExactly(1, 1);
        assertThat(three.target()).containsExactly(0);
        double out = three.layers().get(1).a()[0];
        assertThat(out).as("ŷ = 0.0054").isCloseTo(0.0054, within(0.00005));
        assertThat(three.loss()).as("L = 0.0054").isCloseTo(0.0054, within(0.00005));
        assertThat(three.layers().get(1).delta()[0]).as("δ = ŷ − y").isCloseTo(out, within(1e-12));

        BackpropTrace two = trace(run, train, 2);
        assertThat(two.inputs()).containsExactly(1, 0);
        assertThat(two.layers().get(1).a()[0]).as("ŷ = 0.9877").isCloseTo(0.9877, within(0.00005));
        assertThat(two.layers().get(1).delta()[0]).as("δ = −0.0123").isCloseTo(-0.0123, within(0.00005));

        double worst = 0;
        for (int i = 0; i < 4; i++) worst = Math.max(worst, trace(run, train, i).maxRelativeError());
        System.out.printf("[lab backprop] loss %.5f, example 3 ŷ %.5f, example 2 ŷ %.5f, worst relative error %.1e%n",
                last.train().loss(), out, two.layers().get(1).a()[0], worst);
        assertThat(worst).as("below 10⁻⁵").isLessThan(1e-5);
    }

    private static BackpropTrace trace(LabRuns.Run run, Examples train, int i) {
        return run.model().trace(new float[] {train.x(i, 0), train.x(i, 1)}, new float[] {train.y(i, 0)},
                Loss.BINARY_CROSSENTROPY);
    }
}
