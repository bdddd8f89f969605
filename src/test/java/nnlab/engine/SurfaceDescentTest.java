package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The optimisers' paths on the named surfaces against the update rules worked by hand for the first two steps,
 * each surface's hand-written gradient against finite differences, and the refusals of bad settings.
 */
class SurfaceDescentTest {

    private static final double EPS = 1e-7;

    /** On the bowl f = (x² + 10y²)/2 from (−3.5, 1.2): ∇f = (x, 10y), so g₀ = (−3.5, 12). */
    @Test
    void sgdStepsAreMinusTheLearningRateTimesTheGradient() {
        SurfaceDescent.Path p = SurfaceDescent.run(Surface.BOWL, Optimizer.sgd(0.1), -3.5, 1.2, 2, "run");
        // θ₁ = θ₀ − 0.1·(−3.5, 12) = (−3.15, 0); θ₂ = θ₁ − 0.1·(−3.15, 0) = (−2.835, 0)
        assertThat(p.x()).containsExactly(new double[]{-3.5, -3.15, -2.835}, within(1e-12));
        assertThat(p.y()).containsExactly(new double[]{1.2, 0, 0}, within(1e-12));
        assertThat(p.loss()).containsExactly(new double[]{(3.5 * 3.5 + 10 * 1.44) / 2, 3.15 * 3.15 / 2, 2.835 * 2.835 / 2},
                within(1e-12));
        assertThat(p.diverged()).isNull();
    }

    @Test
    void momentumAddsTheVelocityOfTheStepBefore() {
        SurfaceDescent.Path p = SurfaceDescent.run(Surface.BOWL, Optimizer.momentum(0.1, 0.9), -3.5, 1.2, 2, "run");
        // v₁ = −0.1·g₀ = (0.35, −1.2), θ₁ = (−3.15, 0); g₁ = (−3.15, 0)
        // v₂ = 0.9·v₁ − 0.1·g₁ = (0.315 + 0.315, −1.08) = (0.63, −1.08), θ₂ = (−2.52, −1.08)
        assertThat(p.x()).containsExactly(new double[]{-3.5, -3.15, -2.52}, within(1e-12));
        assertThat(p.y()).containsExactly(new double[]{1.2, 0, -1.08}, within(1e-12));
    }

    @Test
    void rmspropDividesByTheRootOfTheMeanSquare() {
        SurfaceDescent.Path p = SurfaceDescent.run(Surface.BOWL, Optimizer.rmsprop(0.1), -3.5, 1.2, 2, "run");
        // s₁ = 0.1·g₀² = (1.225, 14.4); θ₁ = θ₀ − 0.1·g₀ / (√s₁ + ε): each coordinate moves 0.1·√10 against its sign
        double x1 = -3.5 + 0.1 * 3.5 / (Math.sqrt(1.225) + EPS);
        double y1 = 1.2 - 0.1 * 12 / (Math.sqrt(14.4) + EPS);
        assertThat(x1).isCloseTo(-3.5 + 0.1 * Math.sqrt(10), within(1e-6));
        // s₂ = 0.9·s₁ + 0.1·g₁², g₁ = (x₁, 10·y₁)
        double sx = 0.9 * 1.225 + 0.1 * x1 * x1, sy = 0.9 * 14.4 + 0.1 * 100 * y1 * y1;
        double x2 = x1 - 0.1 * x1 / (Math.sqrt(sx) + EPS), y2 = y1 - 0.1 * 10 * y1 / (Math.sqrt(sy) + EPS);
        assertThat(p.x()).containsExactly(new double[]{-3.5, x1, x2}, within(1e-12));
        assertThat(p.y()).containsExactly(new double[]{1.2, y1, y2}, within(1e-12));
    }

    @Test
    void adamMovesByAboutTheLearningRateAtFirstWithBiasCorrection() {
        SurfaceDescent.Path p = SurfaceDescent.run(Surface.BOWL, Optimizer.adam(0.1), -3.5, 1.2, 2, "run");
        // step 1: m = 0.1·g₀, v = 0.001·g₀², lr₁ = 0.1·√(1 − 0.999)/(1 − 0.9)
        double lr1 = 0.1 * Math.sqrt(1 - 0.999) / (1 - 0.9);
        double mx = 0.1 * -3.5, my = 0.1 * 12, vx = 0.001 * 3.5 * 3.5, vy = 0.001 * 144;
        double x1 = -3.5 - lr1 * mx / (Math.sqrt(vx) + EPS), y1 = 1.2 - lr1 * my / (Math.sqrt(vy) + EPS);
        assertThat(x1).isCloseTo(-3.4, within(1e-5));
        assertThat(y1).isCloseTo(1.1, within(1e-5));
        // step 2: g₁ = (x₁, 10·y₁), lr₂ = 0.1·√(1 − 0.999²)/(1 − 0.9²)
        double lr2 = 0.1 * Math.sqrt(1 - 0.999 * 0.999) / (1 - 0.81);
        mx = 0.9 * mx + 0.1 * x1;
        my = 0.9 * my + 0.1 * 10 * y1;
        vx = 0.999 * vx + 0.001 * x1 * x1;
        vy = 0.999 * vy + 0.001 * 100 * y1 * y1;
        double x2 = x1 - lr2 * mx / (Math.sqrt(vx) + EPS), y2 = y1 - lr2 * my / (Math.sqrt(vy) + EPS);
        assertThat(p.x()).containsExactly(new double[]{-3.5, x1, x2}, within(1e-12));
        assertThat(p.y()).containsExactly(new double[]{1.2, y1, y2}, within(1e-12));
    }

    @Test
    void everySurfacesGradientMatchesFiniteDifferences() {
        double h = 1e-6;
        for (Surface s : Surface.values()) {
            double[] d = s.domain();
            for (double[] at : new double[][]{{d[0] * 0.3, d[3] * 0.6}, {d[1] * 0.7, d[2] * 0.2}, {0.37, -0.81}}) {
                double[] g = s.gradient(at[0], at[1]);
                double gx = (s.value(at[0] + h, at[1]) - s.value(at[0] - h, at[1])) / (2 * h);
                double gy = (s.value(at[0], at[1] + h) - s.value(at[0], at[1] - h)) / (2 * h);
                assertThat(g[0]).as("%s ∂f/∂x at (%s, %s)", s, at[0], at[1]).isCloseTo(gx, within(1e-5 * (1 + Math.abs(gx))));
                assertThat(g[1]).as("%s ∂f/∂y at (%s, %s)", s, at[0], at[1]).isCloseTo(gy, within(1e-5 * (1 + Math.abs(gy))));
            }
            for (double[] m : s.minima()) {
                double[] g = s.gradient(m[0], m[1]);
                assertThat(Math.hypot(g[0], g[1])).as("%s: ∇f at its minimum (%s, %s)", s, m[0], m[1]).isLessThan(1e-4);
            }
        }
    }

    @Test
    void onTheSaddleGradientDescentCrawlsWhileAdamEscapes() {
        double[] s = Surface.SADDLE.start();
        SurfaceDescent.Path gd = SurfaceDescent.run(Surface.SADDLE, Optimizer.sgd(0.1), s[0], s[1], 50, "run");
        SurfaceDescent.Path adam = SurfaceDescent.run(Surface.SADDLE, Optimizer.adam(0.1), s[0], s[1], 50, "run");
        System.out.printf("[surfaces] saddle after 50 steps: gd at (%.4f, %.4f) f = %.4f, adam at (%.4f, %.4f) f = %.4f%n",
                gd.x()[50], gd.y()[50], gd.loss()[50], adam.x()[50], adam.y()[50], adam.loss()[50]);
        assertThat(Math.abs(gd.y()[50])).as("gradient descent is still near the ridge y = 0").isLessThan(0.2);
        assertThat(adam.loss()[50]).as("Adam has left the saddle for a minimum (f = −0.25)").isLessThan(-0.2);
    }

    @Test
    void aTooLargeLearningRateDivergesAndTheRunStopsThere() {
        SurfaceDescent.Path p = SurfaceDescent.run(Surface.BOWL, Optimizer.sgd(0.3), -3.5, 1.2, 200, "run");
        // along y each step multiplies by 1 − 0.3·10 = −2: past 10⁶ after about 20 steps
        assertThat(p.diverged()).isNotNull().isBetween(15, 25);
        assertThat(p.x()).hasSize(p.diverged());
    }

    @Test
    void badSettingsAreRefusedNamingTheField() {
        assertThatThrownBy(() -> SurfaceDescent.run(Surface.BOWL, Optimizer.sgd(0), 0, 0, 10, "runs[1]"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("runs[1].learningRate");
        assertThatThrownBy(() -> SurfaceDescent.run(Surface.BOWL, Optimizer.sgd(0.1), 0, 0, 5000, "runs[0]"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("steps").hasMessageContaining("2000");
        assertThatThrownBy(() -> SurfaceDescent.run(Surface.BOWL, Optimizer.sgd(0.1), Double.NaN, 0, 5, "runs[0]"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("start[0]");
        assertThatThrownBy(() -> Surface.fromId("banana", "name"))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("bowl, saddle, rosenbrock, himmelblau, beale");
    }
}
