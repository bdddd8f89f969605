package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PlaygroundTest {

    @ParameterizedTest
    @EnumSource(PlaygroundKind.class)
    void isReproducibleFromItsSeedAndDiffersAcrossSeeds(PlaygroundKind kind) {
        List<LabeledPoint> first = Playground.generate(kind, 200, 0.2, 42);
        assertThat(Playground.generate(kind, 200, 0.2, 42)).isEqualTo(first);
        assertThat(Playground.generate(kind, 200, 0.2, 43)).isNotEqualTo(first);
    }

    @ParameterizedTest
    @EnumSource(PlaygroundKind.class)
    void generatesExactlyTheAskedNumberOfPointsInsideTheHeatmapSquare(PlaygroundKind kind) {
        for (int samples : new int[] {0, 1, 7, 500}) {
            List<LabeledPoint> points = Playground.generate(kind, samples, 0.5, 1);
            assertThat(points).hasSize(samples);
        }
        assertThat(Playground.generate(kind, 500, 0, 1)).allSatisfy(p -> {
            assertThat(Math.abs(p.x1())).isLessThanOrEqualTo(Playground.EXTENT);
            assertThat(Math.abs(p.x2())).isLessThanOrEqualTo(Playground.EXTENT);
        });
    }

    @Test
    void circleWithoutNoisePutsClassOneInsideRadius2Point5AndClassZeroInTheRing() {
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.CIRCLE, 500, 0, 7);
        assertThat(count(points, p -> p.label() == 1)).isEqualTo(250);
        assertThat(count(points, p -> p.label() == 0)).isEqualTo(250);
        assertThat(points).allSatisfy(p -> {
            double r = Math.hypot(p.x1(), p.x2());
            if (p.label() == 1) assertThat(r).isLessThan(2.5);
            else assertThat(r).isBetween(3.5, 5.0);
        });
    }

    @Test
    void circleNoiseOnlyFlipsLabelsOfPointsCloseEnoughToTheBoundary() {
        double noise = 0.3;
        double reach = 5 * noise * Math.sqrt(2); // largest displacement used for labelling
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.CIRCLE, 2000, noise, 7);
        assertThat(points).allSatisfy(p -> {
            double r = Math.hypot(p.x1(), p.x2());
            assertThat(r).isLessThanOrEqualTo(5.0); // the points themselves do not move
            if (p.label() == 1) assertThat(r).isLessThan(2.5 + reach);
            else assertThat(r).isGreaterThan(2.5 - reach);
        });
        long flipped = count(points, p -> (Math.hypot(p.x1(), p.x2()) < 2.5) != (p.label() == 1));
        assertThat(flipped).isPositive();
    }

    @Test
    void xorWithoutNoiseLabelsQuadrantsAndKeepsPaddingFromTheAxes() {
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.XOR, 500, 0, 3);
        assertThat(points).allSatisfy(p -> {
            assertThat(p.label()).isEqualTo(p.x1() * p.x2() >= 0 ? 1.0 : 0.0);
            assertThat(Math.abs(p.x1())).isBetween(0.3, 5.3);
            assertThat(Math.abs(p.x2())).isBetween(0.3, 5.3);
        });
        assertThat(count(points, p -> p.label() == 1)).isBetween(200L, 300L);
    }

    @Test
    void gaussCentresAreNearPlusAndMinusTwoAndTheVarianceGrowsWithNoise() {
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.GAUSS, 500, 0, 11);
        List<LabeledPoint> positive = points.stream().filter(p -> p.label() == 1).toList();
        List<LabeledPoint> negative = points.stream().filter(p -> p.label() == 0).toList();
        assertThat(positive).hasSize(250);
        assertThat(negative).hasSize(250);
        assertThat(mean(positive, LabeledPoint::x1)).isCloseTo(2, within(0.2));
        assertThat(mean(positive, LabeledPoint::x2)).isCloseTo(2, within(0.2));
        assertThat(mean(negative, LabeledPoint::x1)).isCloseTo(-2, within(0.2));
        assertThat(mean(negative, LabeledPoint::x2)).isCloseTo(-2, within(0.2));
        assertThat(variance(positive, LabeledPoint::x1)).isCloseTo(0.5, within(0.1));

        List<LabeledPoint> noisy = Playground.generate(PlaygroundKind.GAUSS, 4000, 0.5, 11).stream()
                .filter(p -> p.label() == 1).toList();
        assertThat(variance(noisy, LabeledPoint::x1)).isCloseTo(4, within(0.4));
    }

    @Test
    void spiralHasTwoArmsOf250PointsTurnedByHalfATurn() {
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.SPIRAL, 500, 0, 5);
        List<LabeledPoint> one = points.subList(0, 250);
        List<LabeledPoint> zero = points.subList(250, 500);
        assertThat(one).allSatisfy(p -> assertThat(p.label()).isEqualTo(1.0));
        assertThat(zero).allSatisfy(p -> assertThat(p.label()).isEqualTo(0.0));
        for (int i = 0; i < 250; i++) {
            LabeledPoint a = one.get(i);
            LabeledPoint b = zero.get(i);
            assertThat(Math.hypot(a.x1(), a.x2())).isCloseTo(i / 250.0 * 5, within(1e-9));
            assertThat(b.x1()).isCloseTo(-a.x1(), within(1e-9)); // turned by π: a point reflection
            assertThat(b.x2()).isCloseTo(-a.x2(), within(1e-9));
        }
        double t = 1.75 * 100 / 250 * 2 * Math.PI; // the 100th point of the positive arm
        assertThat(one.get(100).x1()).isCloseTo(2 * Math.sin(t), within(1e-9));
        assertThat(one.get(100).x2()).isCloseTo(2 * Math.cos(t), within(1e-9));
    }

    @Test
    void spiralNoiseMovesPointsByAtMostNoiseInEachCoordinate() {
        List<LabeledPoint> clean = Playground.generate(PlaygroundKind.SPIRAL, 500, 0, 5);
        List<LabeledPoint> noisy = Playground.generate(PlaygroundKind.SPIRAL, 500, 0.25, 5);
        double r = Math.hypot(noisy.get(100).x1(), noisy.get(100).x2());
        assertThat(r).isCloseTo(Math.hypot(clean.get(100).x1(), clean.get(100).x2()), within(0.25 * Math.sqrt(2)));
    }

    @Test
    void regressionPlaneLabelIsTheSumOverTenWithoutNoise() {
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.REG_PLANE, 1200, 0, 9);
        assertThat(points).allSatisfy(p -> assertThat(p.label()).isCloseTo((p.x1() + p.x2()) / 10, within(1e-12)));
        assertThat(points.stream().mapToDouble(LabeledPoint::label).max().orElseThrow()).isGreaterThan(0.9);
    }

    @Test
    void regressionGaussHasSixBumpsOfAlternatingSignFallingToZeroAtDistanceTwo() {
        assertThat(Playground.sixBumps(-4, 2.5)).isEqualTo(1.0);
        assertThat(Playground.sixBumps(0, 2.5)).isEqualTo(-1.0);
        assertThat(Playground.sixBumps(4, -2.5)).isEqualTo(-1.0);
        assertThat(Playground.sixBumps(0, -2.5)).isEqualTo(1.0);
        assertThat(Playground.sixBumps(-4, 3.5)).isCloseTo(0.5, within(1e-12));
        assertThat(Playground.sixBumps(0, 0)).isEqualTo(0.0); // 2.5 from every centre
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.REG_GAUSS, 1200, 0, 9);
        assertThat(points).allSatisfy(p -> assertThat(p.label()).isEqualTo(Playground.sixBumps(p.x1(), p.x2())));
    }

    @Test
    void rejectsNoiseOutsideTheSlidersRange() {
        assertThatThrownBy(() -> Playground.generate(PlaygroundKind.CIRCLE, 10, 0.6, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("between 0 and 0.5");
        assertThatThrownBy(() -> Playground.generate(PlaygroundKind.CIRCLE, 10, Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static long count(List<LabeledPoint> points, Predicate<LabeledPoint> p) {
        return points.stream().filter(p).count();
    }

    private static double mean(List<LabeledPoint> points, java.util.function.ToDoubleFunction<LabeledPoint> f) {
        return points.stream().mapToDouble(f).average().orElseThrow();
    }

    private static double variance(List<LabeledPoint> points, java.util.function.ToDoubleFunction<LabeledPoint> f) {
        double m = mean(points, f);
        return points.stream().mapToDouble(p -> (f.applyAsDouble(p) - m) * (f.applyAsDouble(p) - m)).average()
                .orElseThrow();
    }

    @ParameterizedTest
    @EnumSource(value = PlaygroundKind.class, names = {"CIRCLE", "GAUSS", "SPIRAL"})
    void threeClassesComeInNearEqualGroupsReproduciblyFromTheSeed(PlaygroundKind kind) {
        List<LabeledPoint> points = Playground.generate(kind, 301, 0, 7, 3);
        assertThat(points).hasSize(301);
        assertThat(Playground.generate(kind, 301, 0, 7, 3)).isEqualTo(points);
        for (double label : new double[] {0, 1, 2}) {
            assertThat(points.stream().filter(p -> p.label() == label).count()).isBetween(100L, 101L);
        }
        assertThat(Playground.generate(kind, 200, 0.2, 42, 2)).isEqualTo(Playground.generate(kind, 200, 0.2, 42));
    }

    @Test
    void threeGaussiansSitAroundTheirCentres() {
        List<LabeledPoint> points = Playground.generate(PlaygroundKind.GAUSS, 300, 0, 3, 3);
        List<LabeledPoint> third = points.stream().filter(p -> p.label() == 2).toList();
        assertThat(third.stream().mapToDouble(LabeledPoint::x1).average().orElseThrow()).isCloseTo(2, within(0.3));
        assertThat(third.stream().mapToDouble(LabeledPoint::x2).average().orElseThrow()).isCloseTo(-2, within(0.3));
    }

    @Test
    void onlyCircleGaussAndSpiralHaveThreeClasses() {
        assertThatThrownBy(() -> Playground.generate(PlaygroundKind.XOR, 10, 0, 1, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("three classes");
        assertThatThrownBy(() -> Playground.generate(PlaygroundKind.GAUSS, 10, 0, 1, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("2 or 3");
    }
}
