package nnlab.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.nd4j.linalg.api.buffer.DataType;

/**
 * Backpropagation checked against central finite differences (h = 10⁻⁶, in double precision) for every
 * hidden activation and every differentiable loss, on every kernel. The double-precision kernels'
 * gradients must match their own finite differences to 10⁻⁵. The single-precision kernel's loss cannot be
 * differenced at so small a step (float's rounding, ~10⁻⁷ of the loss, would swamp it), so its gradient is
 * held against the finite differences of the double-precision plain-Java kernel, to 10⁻³ (relative, with
 * differences under 10⁻³ counted as absolute). A wrong formula — a missing derivative, a transposed
 * product, a dropped mask — is off by far more.
 */
class GradientCheckTest {

    private static final double H = 1e-6;

    /** floor: the smallest denominator of the relative error; differenced: the kernel whose loss is differenced. */
    record Case(String name, Function<ParameterLayout, Kernel> kernel, Function<ParameterLayout, Kernel> differenced,
                double floor, double tolerance) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final Case ARRAYS = new Case("arrays", ArrayKernel::new, ArrayKernel::new, 1e-8, 1e-5);
    static final Case ND4J = new Case("nd4j", l -> new Nd4jKernel(l, DataType.DOUBLE), l -> new Nd4jKernel(l, DataType.DOUBLE), 1e-8, 1e-5);
    static final Case BLAS = new Case("blas", BlasKernel::new, ArrayKernel::new, 1e-3, 1e-3);

    static Stream<Arguments> hiddenActivations() {
        return Stream.of(Activation.values())
                .filter(a -> a != Activation.SOFTMAX && a != Activation.STEP)
                .flatMap(a -> kernels().map(k -> Arguments.of(k, a)));
    }

    static Stream<Arguments> losses() {
        Object[][] pairs = {
            {Loss.MSE, Activation.LINEAR}, {Loss.MSE, Activation.SIGMOID}, {Loss.MSE, Activation.CLIPPED_LINEAR},
            {Loss.MAE, Activation.TANH},
            {Loss.BINARY_CROSSENTROPY, Activation.SIGMOID}, {Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Activation.SOFTMAX},
            {Loss.HINGE, Activation.LINEAR}, {Loss.HINGE, Activation.TANH},
        };
        return Stream.of(pairs).flatMap(p -> kernels().map(k -> Arguments.of(k, p[0], p[1])));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("hiddenActivations")
    void everyHiddenActivation(Case c, Activation hidden) {
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.dense(5, hidden), LayerSpec.dense(4, hidden),
                LayerSpec.dense(2, Activation.LINEAR)), Initializer.GLOROT);
        assertThat(maxRelativeError(c, spec, Loss.MSE, null)).isLessThan(c.tolerance());
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("losses")
    void everyLoss(Case c, Loss loss, Activation output) {
        int units = loss == Loss.SPARSE_CATEGORICAL_CROSSENTROPY ? 3 : loss == Loss.HINGE ? 1 : 2;
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.dense(6, Activation.TANH),
                LayerSpec.dense(units, output)), Initializer.GLOROT);
        assertThat(maxRelativeError(c, spec, loss, null)).isLessThan(c.tolerance());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void dropoutWithFixedMasks(Case c) {
        NetworkSpec spec = new NetworkSpec(3, List.of(new LayerSpec(6, Activation.RELU, 0.5),
                new LayerSpec(5, Activation.SIGMOID, 0.3), LayerSpec.dense(2, Activation.LINEAR)), Initializer.HE);
        assertThat(maxRelativeError(c, spec, Loss.MSE, new SplittableRandom(7))).isLessThan(c.tolerance());
    }

    /** Batch normalisation with the batch's own statistics (training), after several activations. */
    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("normalisedActivations")
    void batchNormalisationWhileTraining(Case c, Activation hidden) {
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.normalised(5, hidden), LayerSpec.normalised(4, Activation.TANH),
                LayerSpec.dense(2, Activation.LINEAR)), Initializer.GLOROT);
        assertThat(maxRelativeError(c, spec, Loss.MSE, null, true)).isLessThan(c.tolerance());
    }

    /** At inference the moving averages are constants: the gradient goes through γ/√(v + ε) alone. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("kernels")
    void batchNormalisationAtInference(Case c) {
        NetworkSpec spec = new NetworkSpec(3, List.of(LayerSpec.normalised(5, Activation.SIGMOID),
                LayerSpec.dense(3, Activation.SOFTMAX)), Initializer.GLOROT);
        assertThat(maxRelativeError(c, spec, Loss.SPARSE_CATEGORICAL_CROSSENTROPY, null, false)).isLessThan(c.tolerance());
    }

    static Stream<Arguments> normalisedActivations() {
        // not linear: a linear layer's bias is cancelled by the normalisation's mean, its gradient is exactly 0 and
        // its finite difference pure rounding, which no relative error can judge
        return Stream.of(Activation.LEAKY_RELU, Activation.RELU, Activation.SIGMOID, Activation.ELU)
                .flatMap(a -> kernels().map(k -> Arguments.of(k, a)));
    }

    static Stream<Case> kernels() {
        return Stream.of(ARRAYS, ND4J, BLAS);
    }

    /** Largest |analytic − numeric| / max(floor, |analytic| + |numeric|) over all parameters. */
    private static double maxRelativeError(Case c, NetworkSpec spec, Loss loss, SplittableRandom maskRng) {
        return maxRelativeError(c, spec, loss, maskRng, false);
    }

    private static double maxRelativeError(Case c, NetworkSpec spec, Loss loss, SplittableRandom maskRng, boolean training) {
        double floor = c.floor();
        SplittableRandom rng = new SplittableRandom(42);
        int rows = 7;
        ParameterLayout layout = new ParameterLayout(spec);
        Examples data = randomData(rng, rows, spec.inputs(), loss, spec.outputs());
        double[] params = Training.initialParameters(spec, layout, rng);
        for (int i = 0; i < params.length; i++) params[i] += 0.1 * rng.nextGaussian(); // non-zero biases too
        double[][] masks = maskRng == null ? null : masks(layout, rows, maskRng);
        OutputLoss out = new OutputLoss(loss, spec.outputActivation(), spec.outputs(), loss.classification());
        try (Kernel kernel = c.kernel().apply(layout); Kernel differenced = c.differenced().apply(layout)) {
            kernel.training(training);
            differenced.training(training);
            int table = kernel.load(data);
            double[] analytic = new double[layout.size];
            double[] gradOut = new double[rows * spec.outputs()];
            meanLoss(kernel, table, params, data, out, masks, gradOut, layout);
            kernel.backward(gradOut, analytic);
            int dTable = differenced.load(data);
            double worst = 0;
            for (int i = 0; i < params.length; i++) {
                if (!layout.isTrainable(i)) {
                    assertThat(analytic[i]).as("no gradient for a moving statistic").isZero();
                    continue;
                }
                double saved = params[i];
                params[i] = saved + H;
                double plus = meanLoss(differenced, dTable, params, data, out, masks, null, layout);
                params[i] = saved - H;
                double minus = meanLoss(differenced, dTable, params, data, out, masks, null, layout);
                params[i] = saved;
                double numeric = (plus - minus) / (2 * H);
                double err = Math.abs(analytic[i] - numeric) / Math.max(floor, Math.abs(analytic[i]) + Math.abs(numeric));
                worst = Math.max(worst, err);
            }
            return worst;
        }
    }

    private static double meanLoss(Kernel kernel, int table, double[] params, Examples data, OutputLoss out,
                                   double[][] masks, double[] grad, ParameterLayout layout) {
        kernel.setParameters(params);
        kernel.forward(table, null, 0, data.count(), masks);
        int n = data.count() * layout.outputs();
        double[] z = new double[n];
        double[] a = new double[n];
        kernel.read(layout.layers - 1, z, a);
        return out.score(z, a, data, null, 0, data.count(), grad, new MetricSums(false)) / data.count();
    }

    private static double[][] masks(ParameterLayout layout, int rows, SplittableRandom rng) {
        double[][] m = new double[layout.layers][];
        for (int l = 0; l < layout.layers; l++) {
            if (layout.dropout[l] == 0) continue;
            m[l] = new double[rows * layout.units[l]];
            for (int i = 0; i < m[l].length; i++) m[l][i] = rng.nextDouble() < layout.dropout[l] ? 0 : 1 / (1 - layout.dropout[l]);
        }
        return m;
    }

    private static Examples randomData(SplittableRandom rng, int rows, int inputs, Loss loss, int outputs) {
        double[][] x = new double[rows][inputs];
        int width = OutputLoss.targetWidth(loss, outputs);
        double[][] y = new double[rows][width];
        for (int r = 0; r < rows; r++) {
            for (int i = 0; i < inputs; i++) x[r][i] = rng.nextGaussian();
            for (int j = 0; j < width; j++) {
                y[r][j] = switch (loss) {
                    case SPARSE_CATEGORICAL_CROSSENTROPY -> rng.nextInt(outputs);
                    case BINARY_CROSSENTROPY, HINGE -> rng.nextInt(2);
                    default -> rng.nextGaussian();
                };
            }
        }
        return Examples.of(x, y);
    }
}
