package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

class SmallSetsTest {

    @Test
    void xorIsTheTruthTable() {
        assertThat(SmallSets.xor()).containsExactly(new LabeledPoint(0, 0, 0), new LabeledPoint(0, 1, 1),
                new LabeledPoint(1, 0, 1), new LabeledPoint(1, 1, 0));
        Examples xor = LabeledPoint.toExamples(SmallSets.xor());
        assertThat(xor.x()).containsExactly(0, 0, 0, 1, 1, 0, 1, 1);
        assertThat(xor.y()).containsExactly(0, 1, 1, 0);
    }

    @Test
    void separableCloudsAreBalancedAndPerfectlySeparatedByTheLineX1PlusX2() {
        List<LabeledPoint> points = SmallSets.separable(1000, 3);
        assertThat(points.stream().filter(p -> p.label() == 1)).hasSize(500);
        assertThat(points).allSatisfy(p -> {
            double side = p.x1() + p.x2();
            if (p.label() == 1) assertThat(side).isGreaterThanOrEqualTo(SmallSets.SEPARABLE_MARGIN);
            else assertThat(side).isLessThanOrEqualTo(-SmallSets.SEPARABLE_MARGIN);
        });
        assertThat(SmallSets.separable(1000, 3)).isEqualTo(points);
        assertThat(SmallSets.separable(1000, 4)).isNotEqualTo(points);
    }

    @Test
    void sineFollowsSinWithTheAskedNoise() {
        Examples clean = SmallSets.sine(300, 0, -Math.PI, Math.PI, 1);
        for (int i = 0; i < clean.count(); i++) {
            assertThat(clean.x(i, 0)).isBetween((float) -Math.PI, (float) Math.PI);
            assertThat(clean.y(i, 0)).isCloseTo((float) Math.sin(clean.x(i, 0)), within(1e-6f));
        }
        Examples noisy = SmallSets.sine(5000, 0.1, -Math.PI, Math.PI, 1);
        double squares = 0;
        for (int i = 0; i < noisy.count(); i++) {
            double residual = noisy.y(i, 0) - Math.sin(noisy.x(i, 0));
            squares += residual * residual;
        }
        assertThat(Math.sqrt(squares / noisy.count())).isCloseTo(0.1, within(0.01));
        assertThat(SmallSets.sine(50, 0.1, 0, 1, 9).x()).isEqualTo(SmallSets.sine(50, 0.1, 0, 1, 9).x())
                .isNotEqualTo(SmallSets.sine(50, 0.1, 0, 1, 10).x());
    }
}
