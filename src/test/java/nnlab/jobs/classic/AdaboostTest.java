package nnlab.jobs.classic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The lecture's formulas against a hand computation on five points of a line, x = 1…5, y = +1 +1 −1 −1 +1.
 * <pre>
 * round 1, h₁ = +1 for x ≤ 2.5: wrong on x = 5, ε₁ = 0.2, α₁ = ½·ln(0.8/0.2) = ln 2
 *          w ∝ 0.2·(½, ½, ½, ½, 2) → (1/8, 1/8, 1/8, 1/8, 1/2)
 * round 2, h₂ = +1 for x > 4.5: wrong on x = 1, 2, ε₂ = 1/8 + 1/8 = 1/4, α₂ = ½·ln 3
 *          w ∝ (√3/8, √3/8, 1/(8√3), 1/(8√3), 1/(2√3)) → (1/4, 1/4, 1/12, 1/12, 1/3)
 * H(5) = sign(−ln 2 + ½·ln 3) = −1: still wrong after two rounds; H right on the other four
 * </pre>
 */
class AdaboostTest {

    static final double[][] X = {{1}, {2}, {3}, {4}, {5}};
    static final int[] Y = {1, 1, -1, -1, 1};

    /** A weak learner that hands out the given hypotheses in turn. */
    static Adaboost.WeakLearner scripted(Adaboost.Hypothesis... hs) {
        Deque<Adaboost.Hypothesis> queue = new ArrayDeque<>(List.of(hs));
        return (x, y, w, random) -> queue.removeFirst();
    }

    @Test
    void alphaAndWeightsAreTheHandComputation() {
        Adaboost.Hypothesis h1 = row -> row[0] <= 2.5 ? 1 : -1;
        Adaboost.Hypothesis h2 = row -> row[0] > 4.5 ? 1 : -1;
        Adaboost boost = new Adaboost(X, Y, scripted(h1, h2), 1);
        assertThat(boost.weights()).containsExactly(new double[]{0.2, 0.2, 0.2, 0.2, 0.2}, within(1e-12));

        Adaboost.Round first = boost.round();
        assertThat(first.error()).isCloseTo(0.2, within(1e-12));
        assertThat(first.alpha()).isCloseTo(Math.log(2), within(1e-12)).isCloseTo(0.693147, within(1e-6));
        assertThat(boost.weights()).containsExactly(new double[]{1 / 8.0, 1 / 8.0, 1 / 8.0, 1 / 8.0, 1 / 2.0},
                within(1e-12));

        Adaboost.Round second = boost.round();
        assertThat(second.error()).isCloseTo(0.25, within(1e-12));
        assertThat(second.alpha()).isCloseTo(0.5 * Math.log(3), within(1e-12)).isCloseTo(0.549306, within(1e-6));
        assertThat(boost.weights()).containsExactly(new double[]{1 / 4.0, 1 / 4.0, 1 / 12.0, 1 / 12.0, 1 / 3.0},
                within(1e-12));

        List<Adaboost.Round> rounds = boost.rounds();
        assertThat(Adaboost.margin(rounds, X[0])).isCloseTo(Math.log(2) - 0.5 * Math.log(3), within(1e-12));
        assertThat(Adaboost.margin(rounds, X[4])).isCloseTo(-Math.log(2) + 0.5 * Math.log(3), within(1e-12));
        int[] classes = Adaboost.combined(rounds).classify(X);
        assertThat(classes).containsExactly(1, 1, 0, 0, 0); // class 1 is y = +1
    }

    @Test
    void theStumpOfTheFirstRoundIsTheOneByHand() {
        Adaboost boost = new Adaboost(X, Y, WeakLearners::stump, 1);
        Adaboost.Round first = boost.round();
        assertThat(first.h()).isEqualTo(new WeakLearners.Stump(0, 2.5, -1));
        assertThat(first.alpha()).isCloseTo(Math.log(2), within(1e-12));
        assertThat(boost.weights()).containsExactly(new double[]{1 / 8.0, 1 / 8.0, 1 / 8.0, 1 / 8.0, 1 / 2.0},
                within(1e-12));
    }

    @Test
    void thePerceptronSeparatesWhatALineSeparatesAndGetsTheLargestAlpha() {
        double[][] x = {{-2, -1}, {-1, -2}, {1, 2}, {2, 1}};
        int[] y = {-1, -1, 1, 1};
        Adaboost boost = new Adaboost(x, y, WeakLearners::perceptron, 3);
        Adaboost.Round r = boost.round();
        assertThat(r.error()).isZero();
        // ε is kept at 1e-10: α = ½·ln((1 − 1e-10)/1e-10) ≈ 11.51
        assertThat(r.alpha()).isCloseTo(0.5 * Math.log((1 - 1e-10) / 1e-10), within(1e-9));
        for (int i = 0; i < x.length; i++) assertThat(r.h().predict(x[i])).isEqualTo(y[i]);
    }

    @Test
    void theWeightedPerceptronFollowsTheHeavyExamples() {
        // no line gets all four right (the XOR corners); the heavy ones decide which it gets right
        double[][] x = {{-1, -1}, {1, 1}, {-1, 1}, {1, -1}};
        int[] y = {1, 1, -1, -1};
        double[] heavyOnPositives = {0.4, 0.4, 0.1, 0.1};
        Adaboost.Hypothesis h = WeakLearners.perceptron(x, y, heavyOnPositives, new java.util.Random(5));
        assertThat(h.predict(x[0])).isEqualTo(1);
        assertThat(h.predict(x[1])).isEqualTo(1);
    }
}
