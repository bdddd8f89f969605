package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;
import org.junit.jupiter.api.Test;

class FeatureMapTest {

    private static final FeatureMap ALL = FeatureMap.parse(Feature.ids(), "features");

    @Test
    void computesThePlaygroundsSevenFeatures() {
        assertThat(Feature.ids()).containsExactly("x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2");
        float[] row = ALL.apply(2, -3);
        assertThat(row).containsExactly(new float[] {2, -3, 4, 9, -6, (float) Math.sin(2), (float) Math.sin(-3)},
                within(1e-6f));
    }

    @Test
    void keepsTheChosenOrderAndTheTargets() {
        FeatureMap map = FeatureMap.parse(List.of("x1x2", "x1"), "dataset.features");
        Examples points = Examples.of(new double[][] {{1, 2}, {-3, 0.5}}, new double[][] {{1}, {0}});
        Examples featurised = map.apply(points);
        assertThat(featurised.inputs()).isEqualTo(2);
        assertThat(featurised.x()).containsExactly(2, 1, -1.5f, -3);
        assertThat(featurised.y()).containsExactly(1, 0);
        assertThat(map.ids()).containsExactly("x1x2", "x1");
    }

    @Test
    void anUnknownIdNamesItsIndexAndTheAllowedIds() {
        assertThatThrownBy(() -> FeatureMap.parse(List.of("x1", "x2", "cos"), "dataset.features"))
                .isInstanceOfSatisfying(InvalidSpecException.class, e -> {
                    assertThat(e.field()).isEqualTo("dataset.features[2]");
                    assertThat(e.reason())
                            .isEqualTo("must be one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, was 'cos'");
                });
        assertThatThrownBy(() -> FeatureMap.parse(List.of("x1", "x1"), "dataset.features"))
                .isInstanceOfSatisfying(InvalidSpecException.class,
                        e -> assertThat(e.field()).isEqualTo("dataset.features[1]"));
        assertThatThrownBy(() -> FeatureMap.parse(List.of(), "dataset.features"))
                .isInstanceOfSatisfying(InvalidSpecException.class,
                        e -> assertThat(e.field()).isEqualTo("dataset.features"));
    }

    @Test
    void aGridCoversMinusSixToSixWithTheTopRowFirst() {
        HeatmapGrid grid = FeatureMap.PLAIN.grid(3);
        assertThat(grid.count()).isEqualTo(9);
        assertThat(Arrays.copyOfRange(grid.x(), 0, 2)).containsExactly(-6, 6);   // top left
        assertThat(Arrays.copyOfRange(grid.x(), 8, 10)).containsExactly(0, 0);   // centre
        assertThat(Arrays.copyOfRange(grid.x(), 16, 18)).containsExactly(6, -6); // bottom right

        HeatmapGrid squares = FeatureMap.of(Feature.X1SQ).grid(100);
        assertThat(squares.x()).hasSize(100 * 100);
        assertThat(squares.x()[0]).isEqualTo(36);
        assertThat(squares.x1(1)).isCloseTo(-6 + 12.0 / 99, within(1e-12));
        assertThat(squares.x()[1]).isCloseTo((float) (squares.x1(1) * squares.x1(1)), within(1e-5f));
    }

    @Test
    void rejectsAbsurdGridResolutions() {
        assertThatThrownBy(() -> FeatureMap.PLAIN.grid(1)).isInstanceOf(InvalidSpecException.class)
                .hasMessage("resolution: must be between 2 and 500, was 1");
        assertThatThrownBy(() -> FeatureMap.PLAIN.grid(100_000)).isInstanceOf(InvalidSpecException.class);
    }
}
