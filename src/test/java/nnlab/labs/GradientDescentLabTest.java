package nnlab.labs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

/**
 * Lab 1's claims on the real Boston data, PRICE ≈ w·RM: L(w) = Σ(w·x − y)², ten steps from w = 0.
 * 1e-6 is too slow, 1e-5 converges, 5e-5 diverges; and the numbers the lab's text states.
 */
class GradientDescentLabTest {

    double sxx, sxy, syy;

    GradientDescentLabTest() throws Exception {
        List<String> lines = new ClassPathResource("datasets/boston.csv").getContentAsString(StandardCharsets.UTF_8).strip().lines().toList();
        List<String> cols = List.of(lines.get(0).split(","));
        int rm = cols.indexOf("RM"), medv = cols.indexOf("MEDV");
        for (String line : lines.subList(1, lines.size())) {
            String[] v = line.split(",");
            double x = Double.parseDouble(v[rm]), y = Double.parseDouble(v[medv]);
            sxx += x * x;
            sxy += x * y;
            syy += y * y;
        }
        assertThat(lines).hasSize(507);
    }

    double loss(double w) {
        return w * w * sxx - 2 * w * sxy + syy;
    }

    double afterTenSteps(double lr) {
        double w = 0;
        for (int k = 0; k < 10; k++) w -= lr * 2 * (w * sxx - sxy);
        return w;
    }

    @Test
    void theNumbersInTheText() {
        double best = sxy / sxx;
        assertThat(best).isCloseTo(3.65, within(0.01));
        assertThat(sxx).isCloseTo(20_230, within(20.0));
        assertThat(1 - 2 * 1e-6 * sxx).isCloseTo(0.96, within(0.005));
        assertThat(1 - 2 * 1e-5 * sxx).isCloseTo(0.60, within(0.01));
        assertThat(1 - 2 * 5e-5 * sxx).isCloseTo(-1.02, within(0.005));
    }

    @Test
    void tooSlowConvergesDiverges() {
        double best = sxy / sxx;
        double slow = afterTenSteps(1e-6), good = afterTenSteps(1e-5), wild = afterTenSteps(5e-5);
        // too slow: after ten steps still more than half the way to go
        assertThat(Math.abs(slow - best)).isGreaterThan(0.5 * best);
        assertThat(slow).isBetween(0.0, best);
        // converges: within 1 % of the minimum; of the loss that could be removed from w = 0, 99.99 % is gone
        assertThat(Math.abs(good - best)).isLessThan(0.01 * best);
        assertThat(loss(good) - loss(best)).isLessThan(1e-4 * (loss(0) - loss(best)));
        // diverges: further from the minimum than the start, with a higher loss than at w = 0
        assertThat(Math.abs(wild - best)).isGreaterThan(Math.abs(0 - best));
        assertThat(loss(wild)).isGreaterThan(loss(0));
        // and every step jumps to the other side of the minimum
        double w = 0;
        for (int k = 0; k < 10; k++) {
            double next = w - 5e-5 * 2 * (w * sxx - sxy);
            assertThat(Math.signum(next - best)).isEqualTo(-Math.signum(w - best));
            w = next;
        }
        // the trajectories stay inside the plotted range w ∈ [−2, 10]
        for (double lr : new double[] {1e-6, 1e-5, 5e-5}) assertThat(afterTenSteps(lr)).isBetween(-2.0, 10.0);
    }
}
