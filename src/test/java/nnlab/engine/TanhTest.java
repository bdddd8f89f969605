package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The engine's tanh, a replacement for JDK 17's native (slow) Math.tanh, held against it. */
class TanhTest {

    @Test
    void tanhIsWithinFourUlpOfTheLibrarysOnEveryScale() {
        SplittableRandom rng = new SplittableRandom(1);
        double worst = 0;
        for (int i = 0; i < 200_000; i++) {
            // magnitudes from 10⁻⁶ to 10², both signs, so that every branch is crossed many times
            double z = (rng.nextBoolean() ? 1 : -1) * Math.pow(10, rng.nextDouble() * 8 - 6);
            double expected = Math.tanh(z);
            worst = Math.max(worst, Math.abs(Activation.tanh(z) - expected) / Math.ulp(expected));
        }
        assertThat(worst).isLessThanOrEqualTo(4);
    }

    @Test
    void tanhAtTheEdges() {
        assertThat(Activation.tanh(0.0)).isEqualTo(0.0);
        assertThat(1 / Activation.tanh(-0.0)).isEqualTo(Double.NEGATIVE_INFINITY); // −0 keeps its sign
        assertThat(Activation.tanh(1e-300)).isEqualTo(1e-300);
        assertThat(Activation.tanh(0.125)).isCloseTo(Math.tanh(0.125), org.assertj.core.data.Offset.offset(4 * Math.ulp(0.125)));
        assertThat(Activation.tanh(20)).isEqualTo(1.0);
        assertThat(Activation.tanh(-1e300)).isEqualTo(-1.0);
        assertThat(Activation.tanh(Double.NEGATIVE_INFINITY)).isEqualTo(-1.0);
        assertThat(Activation.tanh(Double.NaN)).isNaN();
    }
}
