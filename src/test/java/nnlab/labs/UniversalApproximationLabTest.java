package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The universal-approximation lab's numbers: each width's parameters and test MSE at the grid's seed. */
class UniversalApproximationLabTest {

    static final int[] WIDTHS = {1, 3, 10, 50};
    static final long[] PARAMETERS = {4, 10, 31, 151};
    static final double[] TEST_MSE = {0.051, 0.0047, 0.000665, 0.00056};
    /** Half a unit of the text's last digit. */
    static final double[] ROUNDING = {0.0005, 0.00005, 0.0000005, 0.000005};

    @Test
    void widerLayersFitTheSineCloser() throws Exception {
        JsonNode grid = LabRuns.blocks("universal-approximation.md", "grid").get(0);
        int k = 0;
        double[] mse = new double[4];
        for (JsonNode width : grid.get("vary").get("width")) {
            ObjectNode s = grid.get("spec").deepCopy();
            var layers = s.putObject("model").putArray("layers");
            layers.addObject().put("units", width.asInt()).put("activation", "tanh");
            layers.addObject().put("units", 1).put("activation", "linear");
            ((ObjectNode) s.get("training")).put("optimizer", "adam");
            LabRuns.Run r = LabRuns.train(s);
            System.out.printf("[universal approximation lab] %d units: %d parameters, train MSE %.6f, test MSE %.6f (%d test points)%n",
                    width.asInt(), r.job().network().parameterCount(), r.last().train().loss(), r.last().test().loss(),
                    r.job().data().split().test().count());
            assertThat(width.asInt()).isEqualTo(WIDTHS[k]);
            assertThat(r.job().network().parameterCount()).isEqualTo(PARAMETERS[k]);
            assertThat(r.job().data().split().test().count()).isEqualTo(40);
            mse[k++] = r.last().test().loss();
        }
        assertThat(k).isEqualTo(4);
        assertThat(Math.sqrt(mse[0])).as("off by about 0.23").isCloseTo(0.23, within(0.005));
        assertThat(Math.sqrt(mse[2])).as("a root-mean-square error of 0.026").isCloseTo(0.026, within(0.0005));
        assertThat(mse[0] / mse[1]).as("3 units: about a tenth of 1 unit's error").isBetween(10.0, 11.0);
        for (int i = 0; i < 4; i++) {
            assertThat(mse[i]).as(WIDTHS[i] + " units").isCloseTo(TEST_MSE[i], within(ROUNDING[i]));
        }
    }
}
