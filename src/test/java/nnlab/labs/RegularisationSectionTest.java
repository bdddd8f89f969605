package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import nnlab.engine.EpochReport;
import nnlab.engine.ModelSummary;
import org.junit.jupiter.api.Test;

/** The numbers of lab 10's section on batch normalisation and data augmentation, trained by the engine. */
class RegularisationSectionTest {

    @Test
    void batchNormalisationAndAugmentationOnOneThousandImagesAtSeed1() throws Exception {
        JsonNode compare = LabRuns.blocks("10-regularisation.md", "compare").stream()
                .filter(b -> b.path("name").asText().equals("mnist-small")).findFirst().orElseThrow();
        assertThat(compare.get("spec").get("seed").asLong()).isEqualTo(1);
        Object[][] table = {{"none", 109_386L, 0.47, 0.860}, {"batch normalisation", 110_154L, 0.50, 0.845},
                {"augmentation", 109_386L, 0.28, 0.899}};
        for (Object[] row : table) {
            LabRuns.Run r = LabRuns.train(LabRuns.variant(compare, (String) row[0]));
            EpochReport last = r.last();
            System.out.printf("[lab 10] %s: %d parameters, test loss %.4f, accuracy %.3f%n", row[0],
                    r.model().spec().parameterCount(), last.test().loss(), last.test().accuracy());
            assertThat(last.epoch()).isEqualTo(20);
            assertThat(r.model().spec().parameterCount()).as("%s parameters", row[0]).isEqualTo(row[1]);
            assertThat(last.test().loss()).as("%s test loss", row[0]).isCloseTo((Double) row[2], within(0.005));
            assertThat(last.test().accuracy()).as("%s test accuracy", row[0]).isCloseTo((Double) row[3], within(1e-9));
            if (row[0].equals("batch normalisation")) {
                ModelSummary s = r.model().summary();
                assertThat(s.totalParameters() - s.trainableParameters()).as("384 non-trainable").isEqualTo(384);
                assertThat(r.job().data().split().train().count()).isEqualTo(1000);
            }
            if (row[0].equals("augmentation")) {
                assertThat(r.job().data().split().train().count()).as("twice the images").isEqualTo(2000);
                assertThat(r.job().data().split().test().count()).isEqualTo(1000);
            }
        }
        // 32 batches of the 1,000 images in an epoch: the moving averages cover 1 − 0.99³² of the way
        assertThat(Math.ceil(1000 / 32.0)).isEqualTo(32);
        assertThat(1 - Math.pow(0.99, 32)).isCloseTo(0.28, within(0.005));
    }
}
