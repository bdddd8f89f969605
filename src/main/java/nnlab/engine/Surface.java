package nnlab.engine;

import java.util.List;

/**
 * Named functions of two parameters, the loss landscapes of the optimisation lecture: each with its formula,
 * its gradient (by hand, beside the function), the square the pictures show, a default start and its minima.
 */
public enum Surface {
    /** An ill-conditioned bowl: ten times steeper along y than along x. */
    BOWL("f(x, y) = (x² + 10y²) / 2", new double[]{-4, 4, -2, 2}, new double[]{-3.5, 1.2},
            List.of(new double[]{0, 0})) {
        public double value(double x, double y) { return (x * x + 10 * y * y) / 2; }
        public double[] gradient(double x, double y) { return new double[]{x, 10 * y}; }
    },
    /** A saddle at the origin between two minima at (0, ±1): descent along the ridge y = 0 stalls there. */
    SADDLE("f(x, y) = x² + y⁴/4 − y²/2", new double[]{-2, 2, -1.6, 1.6}, new double[]{-1.8, 0.001},
            List.of(new double[]{0, -1}, new double[]{0, 1})) {
        public double value(double x, double y) { return x * x + y * y * y * y / 4 - y * y / 2; }
        public double[] gradient(double x, double y) { return new double[]{2 * x, y * y * y - y}; }
    },
    /** Rosenbrock's banana valley: easy to reach, slow to follow to (1, 1). */
    ROSENBROCK("f(x, y) = (1 − x)² + 100(y − x²)²", new double[]{-2, 2, -1, 3}, new double[]{-1.5, 2},
            List.of(new double[]{1, 1})) {
        public double value(double x, double y) { return sq(1 - x) + 100 * sq(y - x * x); }
        public double[] gradient(double x, double y) {
            return new double[]{-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)};
        }
    },
    /** Himmelblau's function: four minima (f = 0); which one a run reaches depends on where it starts. */
    HIMMELBLAU("f(x, y) = (x² + y − 11)² + (x + y² − 7)²", new double[]{-5, 5, -5, 5}, new double[]{0, 0},
            List.of(new double[]{3, 2}, new double[]{-2.805118, 3.131312}, new double[]{-3.779310, -3.283186},
                    new double[]{3.584428, -1.848126})) {
        public double value(double x, double y) { return sq(x * x + y - 11) + sq(x + y * y - 7); }
        public double[] gradient(double x, double y) {
            double a = x * x + y - 11, b = x + y * y - 7;
            return new double[]{4 * x * a + 2 * b, 2 * a + 4 * y * b};
        }
    },
    /** Beale's function: flat plateaus and steep walls around the minimum at (3, 0.5). */
    BEALE("f(x, y) = (1.5 − x + xy)² + (2.25 − x + xy²)² + (2.625 − x + xy³)²", new double[]{-4.5, 4.5, -4.5, 4.5},
            new double[]{1, 1.5}, List.of(new double[]{3, 0.5})) {
        public double value(double x, double y) {
            return sq(1.5 - x + x * y) + sq(2.25 - x + x * y * y) + sq(2.625 - x + x * y * y * y);
        }
        public double[] gradient(double x, double y) {
            double a = 1.5 - x + x * y, b = 2.25 - x + x * y * y, c = 2.625 - x + x * y * y * y;
            return new double[]{2 * a * (y - 1) + 2 * b * (y * y - 1) + 2 * c * (y * y * y - 1),
                    2 * a * x + 4 * b * x * y + 6 * c * x * y * y};
        }
    };

    private final String formula;
    private final double[] domain;
    private final double[] start;
    private final List<double[]> minima;

    Surface(String formula, double[] domain, double[] start, List<double[]> minima) {
        this.formula = formula;
        this.domain = domain;
        this.start = start;
        this.minima = minima;
    }

    public abstract double value(double x, double y);

    /** (∂f/∂x, ∂f/∂y) at (x, y). */
    public abstract double[] gradient(double x, double y);

    public String formula() {
        return formula;
    }

    /** The square pictures show: {xMin, xMax, yMin, yMax}. */
    public double[] domain() {
        return domain.clone();
    }

    public double[] start() {
        return start.clone();
    }

    public List<double[]> minima() {
        return minima.stream().map(double[]::clone).toList();
    }

    /**
     * f on an n × n grid over the domain: values[j][i] = f(xs[i], ys[j]), ys rising with j.
     */
    public Grid grid(int n) {
        double[] xs = new double[n], ys = new double[n];
        for (int i = 0; i < n; i++) {
            xs[i] = domain[0] + (domain[1] - domain[0]) * i / (n - 1);
            ys[i] = domain[2] + (domain[3] - domain[2]) * i / (n - 1);
        }
        double[][] values = new double[n][n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) values[j][i] = value(xs[i], ys[j]);
        }
        return new Grid(xs, ys, values);
    }

    public record Grid(double[] xs, double[] ys, double[][] values) {
    }

    private static double sq(double v) {
        return v * v;
    }

    public String id() {
        return Ids.of(this);
    }

    public static Surface fromId(String id, String field) {
        return Ids.parse(values(), id, field, "surface");
    }
}
