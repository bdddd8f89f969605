package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import nnlab.engine.DataSplit;
import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

class SplitsTest {

    /** Row i has input i and target i mod 3, so rows can be traced. */
    private static Examples numbered(int n) {
        float[] x = new float[n];
        float[] y = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i % 3;
        }
        return new Examples(x, y, n, 1, 1);
    }

    @Test
    void trainTestTakesTheFloorOfTheRatioAndPartitionsTheRows() {
        DataSplit split = Splits.trainTest(numbered(101), 0.5, 7);
        assertThat(split.train().count()).isEqualTo(50);
        assertThat(split.test().count()).isEqualTo(51);
        assertThat(split.validation()).isNull();
        List<Float> all = new ArrayList<>();
        for (float v : split.train().x()) all.add(v);
        for (float v : split.test().x()) all.add(v);
        assertThat(all).hasSize(101).doesNotHaveDuplicates().allSatisfy(v -> assertThat(v).isBetween(0f, 100f));
        assertThat(split.train().x()).isNotEqualTo(numbered(101).slice(0, 50).x()); // shuffled
    }

    @Test
    void splitsAreReproducibleFromTheSeed() {
        assertThat(Splits.trainTest(numbered(50), 0.8, 1).train().x())
                .isEqualTo(Splits.trainTest(numbered(50), 0.8, 1).train().x())
                .isNotEqualTo(Splits.trainTest(numbered(50), 0.8, 2).train().x());
    }

    @Test
    void rowsKeepTheirTargets() {
        DataSplit split = Splits.trainTest(numbered(30), 0.5, 3);
        for (int i = 0; i < split.train().count(); i++) {
            assertThat(split.train().y(i, 0)).isEqualTo(split.train().x(i, 0) % 3);
        }
    }

    @Test
    void stratifiedSplitKeepsTheClassProportionsOfIris() {
        DataSplit split = Splits.stratified(Iris.load(), 0.8, 5);
        assertThat(classCounts(split.train())).containsExactly(40, 40, 40);
        assertThat(classCounts(split.test())).containsExactly(10, 10, 10);
        DataSplit third = Splits.stratified(Iris.load(), 0.3, 5);
        assertThat(classCounts(third.train())).containsExactly(15, 15, 15);
        // interleaved, so that a last-fraction validation hold-out is not one class
        assertThat(split.train().slice(96, 120).y()).contains(0f, 1f, 2f);
    }

    @Test
    void holdOutLastTakesTheLastFractionAsKerasDoes() {
        DataSplit split = new DataSplit(numbered(10), null, numbered(3));
        DataSplit held = Splits.holdOutLast(split, 0.2);
        assertThat(held.train().x()).containsExactly(0, 1, 2, 3, 4, 5, 6, 7);
        assertThat(held.validation().x()).containsExactly(8, 9);
        assertThat(held.test()).isSameAs(split.test());
        assertThat(Splits.holdOutCount(60_000, 0.1)).isEqualTo(6_000);
        assertThat(Splits.holdOutCount(10, 0.25)).isEqualTo(3); // floor(7.5) = 7 stay
    }

    @Test
    void holdOutShuffledDrawsTheValidationRowsAtRandom() {
        DataSplit held = Splits.holdOutShuffled(new DataSplit(numbered(100), null, null), 0.2, 4);
        assertThat(held.train().count()).isEqualTo(80);
        assertThat(held.validation().count()).isEqualTo(20);
        assertThat(held.validation().x()).isNotEqualTo(numbered(100).slice(80, 100).x());
    }

    @Test
    void refusesSplitsThatLeaveAPartEmpty() {
        assertThatThrownBy(() -> Splits.trainTest(numbered(1), 0.5, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Splits.trainTest(numbered(10), 1.0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Splits.holdOutLast(new DataSplit(numbered(1), null, null), 0.5))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(Splits.trainTest(numbered(10), 0.01, 1).train().count()).isEqualTo(1);
    }

    private static int[] classCounts(Examples examples) {
        int[] counts = new int[3];
        for (float label : examples.y()) counts[(int) label]++;
        return counts;
    }
}
