package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import nnlab.engine.DataSplit;
import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

class ScalerTest {

    private static final Examples TRAIN = Examples.of(
            new double[][] {{1, 10, 5}, {2, 20, 5}, {3, 30, 5}, {4, 40, 5}},
            new double[][] {{100}, {200}, {300}, {400}});
    private static final Examples TEST = Examples.of(new double[][] {{5, 0, 7}}, new double[][] {{500}});

    @Test
    void standardScalingGivesTheTrainingColumnsMeanZeroAndDeviationOne() {
        Scaler scaler = Scaler.fit(Scaling.STANDARD, TRAIN);
        Examples train = scaler.apply(TRAIN);
        for (int j = 0; j < 2; j++) {
            double mean = 0;
            double squares = 0;
            for (int i = 0; i < 4; i++) mean += train.x(i, j) / 4.0;
            for (int i = 0; i < 4; i++) squares += Math.pow(train.x(i, j) - mean, 2) / 4;
            assertThat(mean).isCloseTo(0, within(1e-6));
            assertThat(Math.sqrt(squares)).isCloseTo(1, within(1e-6));
        }
        assertThat(scaler.offsets()).containsExactly(2.5, 25, 5);
        assertThat(train.y()).containsExactly(100, 200, 300, 400); // targets untouched
    }

    @Test
    void aConstantColumnBecomesZeroInsteadOfNaN() {
        for (Scaling scaling : Scaling.values()) {
            Examples train = Scaler.fit(scaling, TRAIN).apply(TRAIN);
            for (float v : train.x()) assertThat(v).isNotNaN().isFinite();
        }
        Examples standard = Scaler.fit(Scaling.STANDARD, TRAIN).apply(TRAIN);
        assertThat(standard.x(0, 2)).isZero();
        assertThat(Scaler.fit(Scaling.STANDARD, TRAIN).apply(TEST).x(0, 2)).isEqualTo(2f);
    }

    @Test
    void theScalerIsFittedOnTrainingDataOnlyAndAppliedUnchangedToTheTestSet() {
        Scaler scaler = Scaler.fit(Scaling.STANDARD, TRAIN);
        Examples test = scaler.apply(TEST);
        double sd = Math.sqrt(1.25);
        assertThat(test.x(0, 0)).isCloseTo((float) ((5 - 2.5) / sd), within(1e-6f)); // not 0, its own mean
        DataSplit split = scaler.apply(new DataSplit(TRAIN, null, TEST));
        assertThat(split.validation()).isNull();
        assertThat(split.test().x()).containsExactly(test.x());
    }

    @Test
    void minMaxPutsTrainingColumnsIntoZeroToOneAndMayLeaveTestValuesOutside() {
        Scaler scaler = Scaler.fit(Scaling.MINMAX, TRAIN);
        assertThat(scaler.apply(TRAIN).x()).containsExactly(
                new float[] {0, 0, 0, 1 / 3f, 1 / 3f, 0, 2 / 3f, 2 / 3f, 0, 1, 1, 0}, within(1e-6f));
        assertThat(scaler.apply(TEST).x()).containsExactly(new float[] {4 / 3f, -1 / 3f, 2}, within(1e-6f));
    }

    @Test
    void noneAndAFixedRangeNeedNoFitting() {
        assertThat(Scaler.fit(Scaling.NONE, TRAIN).apply(TRAIN)).isSameAs(TRAIN);
        float[] pixels = {0, 51, 255};
        Scaler.fixedRange(3, 0, 255).applyInPlace(pixels);
        assertThat(pixels).containsExactly(new float[] {0, 0.2f, 1}, within(1e-7f));
    }
}
