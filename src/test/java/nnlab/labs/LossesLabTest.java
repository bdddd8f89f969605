package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import nnlab.data.PreparedDataset;
import nnlab.engine.EpochReport;
import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

/** The numbers of the losses lab at its blocks' seeds. */
class LossesLabTest {

    private static final String LAB = "losses.md";

    @Test
    void mseIsPulledByTheOutlierAndMaeIsNot() throws Exception {
        double[][] expected = {{1.25, 7.22, 8.71, 1.08}, {1.16, 9.22, 11.23, 0.31}};
        String[] names = {"mse", "mae"};
        for (int k = 0; k < 2; k++) {
            String name = names[k];
            JsonNode block = LabRuns.block(LAB, "train", name);
            LabRuns.Run r = LabRuns.train(block.get("spec"));
            assertThat(r.job().network().parameterCount()).isEqualTo(2);
            double[][] at = {{0}, {4}, {5}};
            PreparedDataset data = r.job().data();
            double[][] out = r.model().predict(at); // the outlier set is not scaled
            Examples test = data.split().test();
            double[][] testX = new double[test.count()][1];
            for (int i = 0; i < test.count(); i++) testX[i][0] = test.x()[i];
            double[][] testOut = r.model().predict(testX);
            double mae = 0;
            for (int i = 0; i < test.count(); i++) mae += Math.abs(testOut[i][0] - test.y()[i]) / test.count();
            System.out.printf("[losses lab] %s: ŷ(0) = %.2f, ŷ(4) = %.2f, ŷ(5) = %.2f, test MAE %.2f, final train loss %.4f%n",
                    name, out[0][0], out[1][0], out[2][0], mae, r.last().train().loss());
            for (int i = 0; i < 3; i++) assertThat(out[i][0]).as(name + " at x = " + at[i][0]).isCloseTo(expected[k][i], within(0.005));
            assertThat(mae).as(name + " test MAE").isCloseTo(expected[k][3], within(0.005));
            if (name.equals("mse")) {
                // "it is the least-squares line of the 21 points"
                Examples train = data.split().train();
                double n = train.count(), sx = 0, sy = 0, sxx = 0, sxy = 0;
                for (int i = 0; i < train.count(); i++) {
                    sx += train.x()[i];
                    sy += train.y()[i];
                    sxx += train.x()[i] * train.x()[i];
                    sxy += train.x()[i] * train.y()[i];
                }
                double w = (n * sxy - sx * sy) / (n * sxx - sx * sx), b = (sy - w * sx) / n;
                assertThat(n).isEqualTo(21);
                assertThat(out[1][0]).as("least squares at x = 4").isCloseTo(w * 4 + b, within(0.005));
            }
        }
    }

    @Test
    void theClippedOutputIsStuckAndTheSigmoidIsNot() throws Exception {
        JsonNode compare = LabRuns.block(LAB, "compare", "clipped");
        for (String name : new String[]{"clipped linear", "sigmoid"}) {
            LabRuns.Run r = LabRuns.train(LabRuns.variant(compare, name));
            StringBuilder losses = new StringBuilder();
            for (EpochReport e : r.epochs()) if (e.epoch() % 10 == 0) losses.append(String.format(" %.4f", e.train().loss()));
            System.out.printf("[losses lab] %s: train loss %.4f acc %.4f, test acc %.4f, epochs %d:%s%n", name,
                    r.last().train().loss(), r.last().train().accuracy(), r.last().test().accuracy(), r.epochs().size(), losses);
            assertThat(r.epochs()).hasSize(50);
            assertThat(r.job().network().parameterCount()).isEqualTo(3);
            if (name.equals("sigmoid")) {
                assertThat(r.last().train().loss()).as("falls to 0.0007").isCloseTo(0.0007, within(0.00005));
                assertThat(r.last().test().accuracy()).as("100 %").isEqualTo(1.0);
                continue;
            }
            Examples train = r.job().data().split().train();
            double ones = 0;
            for (int i = 0; i < train.count(); i++) ones += train.y()[i];
            assertThat(r.epochs()).as("0.5125 in every epoch").allSatisfy(e -> assertThat(e.train().loss()).isEqualTo(0.5125, within(1e-6)));
            assertThat(ones / train.count()).as("the share of label-1 points").isCloseTo(0.5125, within(1e-9));
            assertThat(r.last().test().accuracy()).as("55 %").isCloseTo(0.55, within(1e-9));
            assertThat(r.model().weights().biases().get(0)[0]).as("never moved").isEqualTo(-5.0);
        }
    }

    @Test
    void theTextsArithmetic() {
        assertThat(2 * 4 + 1 - (-15)).as("the outlier is 24 from the line").isEqualTo(24);
        assertThat(24 * 24).isEqualTo(576);
        assertThat(-Math.log(0.9)).isCloseTo(0.105, within(0.0005));
        assertThat(-Math.log(0.1)).isCloseTo(2.303, within(0.0005));
        assertThat(-Math.log(0.5)).isCloseTo(0.693, within(0.0005));
    }
}
