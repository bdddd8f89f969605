package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    @Test
    void theDefaultIsThePlaygroundCircleSplitInHalf() {
        PreparedDataset circle = Datasets.prepare(null, 1);
        assertThat(circle.name()).isEqualTo("playground");
        assertThat(circle.task()).isEqualTo(Task.CLASSIFICATION);
        assertThat(circle.split().train().count()).isEqualTo(250);
        assertThat(circle.split().test().count()).isEqualTo(250);
        assertThat(circle.split().validation()).isNull();
        assertThat(circle.inputs()).isEqualTo(2);
        assertThat(circle.outputs()).isEqualTo(2);
        assertThat(circle.featureNames()).containsExactly("x1", "x2");
        assertThat(circle.classNames()).containsExactly("negative", "positive");
        assertThat(circle.plane().train()).hasSize(250);
    }

    @Test
    void preparingIsReproducibleFromSpecAndSeed() {
        DatasetSpec spec = DatasetSpec.playground("spiral").withNoise(0.3).withValidationSplit(0.2);
        float[] first = Datasets.prepare(spec, 5).split().train().x();
        assertThat(Datasets.prepare(spec, 5).split().train().x()).isEqualTo(first);
        assertThat(Datasets.prepare(spec, 6).split().train().x()).isNotEqualTo(first);
        DatasetSpec iris = DatasetSpec.of("iris");
        assertThat(Datasets.prepare(iris, 5).split().test().x())
                .isEqualTo(Datasets.prepare(iris, 5).split().test().x());
    }

    @Test
    void playgroundFeaturesValidationAndRawPointsLineUp() {
        DatasetSpec spec = DatasetSpec.playground("xor").withFeatures(List.of("x1x2", "x1sq")).withTrainRatio(0.6)
                .withValidationSplit(0.25);
        PreparedDataset xor = Datasets.prepare(spec, 3);
        assertThat(xor.split().train().count()).isEqualTo(225);
        assertThat(xor.split().validation().count()).isEqualTo(75);
        assertThat(xor.split().test().count()).isEqualTo(200);
        assertThat(xor.inputs()).isEqualTo(2);
        assertThat(xor.featureNames()).containsExactly("x1x2", "x1sq");
        LabeledPoint first = xor.plane().validation().get(0);
        assertThat(xor.split().validation().x(0, 0)).isCloseTo((float) (first.x1() * first.x2()), within(1e-4f));
        assertThat(xor.split().validation().y(0, 0)).isEqualTo((float) first.label());
        assertThat(xor.inputsAt(2, 3)).containsExactly(6, 4);
    }

    @Test
    void regressionKindsHaveOneOutputAndTheirOwnDefaultSize() {
        PreparedDataset plane = Datasets.prepare(DatasetSpec.playground("reg-plane"), 1);
        assertThat(plane.task()).isEqualTo(Task.REGRESSION);
        assertThat(plane.outputs()).isEqualTo(1);
        assertThat(plane.classNames()).isEmpty();
        assertThat(plane.split().train().count() + plane.split().test().count()).isEqualTo(1200);
    }

    @Test
    void scalingIsFittedOnTheTrainingPartAndAppliedToHeatmapsToo() {
        PreparedDataset gauss = Datasets.prepare(DatasetSpec.playground("gauss").withScaling("standard"), 8);
        Examples train = gauss.split().train();
        Examples test = gauss.split().test();
        assertThat(columnMean(train, 0)).isCloseTo(0, within(1e-5));
        assertThat(columnMean(test, 0)).isNotEqualTo(0.0);
        double[] offsets = gauss.scaler().offsets();
        double[] factors = gauss.scaler().factors();
        float[] corner = Arrays.copyOf(gauss.heatmap(10).x(), 2);
        assertThat(corner).containsExactly(new float[] {(float) ((-6 - offsets[0]) * factors[0]),
                (float) ((6 - offsets[1]) * factors[1])}, within(1e-5f));
        double unscaled = train.x(0, 0) / factors[0] + offsets[0];
        assertThat(gauss.plane().train().get(0).x1()).isCloseTo(unscaled, within(1e-4));
    }

    @Test
    void xorIsTheFourPointsAllForTraining() {
        PreparedDataset xor = Datasets.prepare(DatasetSpec.of("xor"), 1);
        assertThat(xor.split().train().x()).containsExactly(0, 0, 0, 1, 1, 0, 1, 1);
        assertThat(xor.split().train().y()).containsExactly(0, 1, 1, 0);
        assertThat(xor.split().test()).isNull();
        assertThat(xor.classNames()).containsExactly("0", "1");
    }

    @Test
    void separableAndSineAreGeneratedWithTheirDefaults() {
        PreparedDataset separable = Datasets.prepare(DatasetSpec.of("separable"), 2);
        assertThat(separable.split().train().count()).isEqualTo(80);
        assertThat(separable.plane().test()).hasSize(20);
        PreparedDataset sine = Datasets.prepare(DatasetSpec.of("sin").withSamples(1000).withNoise(0.0), 2);
        assertThat(sine.task()).isEqualTo(Task.REGRESSION);
        assertThat(sine.inputs()).isEqualTo(1);
        assertThat(sine.split().train().count()).isEqualTo(800);
        Examples train = sine.split().train();
        assertThat(train.y(0, 0)).isCloseTo((float) Math.sin(train.x(0, 0)), within(1e-6f));
    }

    @Test
    void irisIsSplitBySpecies() {
        PreparedDataset iris = Datasets.prepare(DatasetSpec.of("iris").withValidationSplit(0.25), 4);
        assertThat(iris.inputs()).isEqualTo(4);
        assertThat(iris.outputs()).isEqualTo(3);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(iris.split().train().count()).isEqualTo(90);
        assertThat(iris.split().validation().count()).isEqualTo(30);
        assertThat(iris.split().test().count()).isEqualTo(30);
    }

    @Test
    void bostonTakesTheLecturePresetsAndATarget() {
        PreparedDataset rooms = Datasets.prepare(DatasetSpec.of("boston").withFeatures(List.of("RM")), 1);
        assertThat(rooms.inputs()).isEqualTo(1);
        assertThat(rooms.outputs()).isEqualTo(1);
        assertThat(rooms.target()).isEqualTo("MEDV");
        assertThat(rooms.split().train().count()).isEqualTo(404);
        assertThat(rooms.split().test().count()).isEqualTo(102);
        PreparedDataset six = Datasets.prepare(DatasetSpec.of("boston")
                .withFeatures(List.of("RM", "CRIM", "INDUS", "NOX", "AGE", "TAX")).withScaling("minmax"), 1);
        assertThat(six.featureNames()).containsExactly("RM", "CRIM", "INDUS", "NOX", "AGE", "TAX");
        for (float v : six.split().train().x()) assertThat(v).isBetween(0f, 1f);
        assertThat(Datasets.prepare(DatasetSpec.of("boston"), 1).featureNames()).hasSize(12).doesNotContain("B");
    }

    @Test
    void mnistKeepsItsOfficialPartsAndScalesPixelsByDefault() {
        DatasetSpec spec = DatasetSpec.of("mnist").withLimits(1000, 200).withValidationSplit(0.1);
        PreparedDataset mnist = Datasets.prepare(spec, 1);
        assertThat(mnist.inputs()).isEqualTo(784);
        assertThat(mnist.outputs()).isEqualTo(10);
        assertThat(mnist.split().train().count()).isEqualTo(900);
        assertThat(mnist.split().validation().count()).isEqualTo(100);
        assertThat(mnist.split().test().count()).isEqualTo(200);
        assertThat(mnist.split().test().y(0, 0)).isEqualTo(7);
        Examples first1000 = Mnist.load(Mnist.Part.TRAIN, 1000, true);
        // Keras-style: the last images of the training part
        assertThat(mnist.split().validation().x()).isEqualTo(first1000.slice(900, 1000).x());
        assertThat(mnist.split().validation().y()).isEqualTo(first1000.slice(900, 1000).y());
        float max = 0;
        for (float v : mnist.split().train().x()) max = Math.max(max, v);
        assertThat(max).isEqualTo(1f);
        PreparedDataset raw = Datasets.prepare(DatasetSpec.of("mnist").withLimits(10, 10).withScaling("none"), 1);
        assertThat(raw.split().train().x()).contains(255f);
    }

    @Test
    void theCatalogueSaysTheLecturesMnistRunIsOnRawPixels() {
        DatasetInfo mnist = Datasets.describe().stream().filter(d -> d.name().equals("mnist")).findFirst().orElseThrow();
        ParameterInfo scaling = mnist.parameter("scaling");
        assertThat(scaling.defaultValue()).isEqualTo("minmax");
        assertThat(scaling.allowedValues()).contains("none");
        assertThat(scaling.description()).contains("none keeps the raw 0–255 values, as the lecture's code does")
                .doesNotContain("255 as the lecture does");
    }

    @Test
    void badParametersNameTheirFieldAndTheAllowedValues() {
        assertInvalid(() -> Datasets.prepare(DatasetSpec.of("cifar"), 1), "dataset.name",
                "must be one of playground, xor, separable, sin, iris, boston, mnist, points, outlier, was 'cifar'");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.playground("moons"), 1), "dataset.kind",
                "must be one of circle, xor, gauss, spiral, reg-plane, reg-gauss, was 'moons'");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.playground("circle").withNoise(0.9), 1), "dataset.noise",
                "must be between 0 and 0.5, was 0.9");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.playground("circle").withNoise(Double.NaN), 1),
                "dataset.noise", "must be between 0 and 0.5, was NaN");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.playground("circle").withTrainRatio(0.95), 1),
                "dataset.trainRatio", "must be between 0.1 and 0.9, was 0.95");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.playground("circle").withSamples(1_000_000), 1),
                "dataset.samples", "must be between 10 and 10000, was 1000000");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.playground("circle").withFeatures(List.of("x1", "x2", "x3")),
                        1),
                "dataset.features[2]", "must be one of x1, x2, x1sq, x2sq, x1x2, sinx1, sinx2, was 'x3'");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.playground("circle").withValidationSplit(0.7), 1),
                "dataset.validationSplit", "must be between 0 and 0.5, was 0.7");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.of("iris").withScaling("log"), 1), "dataset.scaling",
                "must be one of none, standard, minmax, was 'log'");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.of("mnist").withLimits(0, null), 1), "dataset.trainLimit",
                "must be between 1 and 60000, was 0");
        assertInvalid(() -> Datasets.prepare(DatasetSpec.of("mnist").withLimits(null, 10_001), 1), "dataset.testLimit",
                "must be between 1 and 10000, was 10001");
    }

    @Test
    void bostonColumnsAreCheckedByName() {
        InvalidSpecException e = catchInvalid(() -> Datasets.prepare(
                DatasetSpec.of("boston").withFeatures(List.of("RM", "rooms")), 1));
        assertThat(e.field()).isEqualTo("dataset.features[1]");
        assertThat(e.reason()).contains("CRIM, ZN, INDUS").contains("was 'rooms'");
        DatasetSpec boston = DatasetSpec.of("boston");
        assertThat(fieldOf(boston.withFeatures(List.of("RM", "MEDV")))).isEqualTo("dataset.features[1]");
        assertThat(fieldOf(boston.withFeatures(Arrays.asList("RM", null)))).isEqualTo("dataset.features[1]");
        assertThat(fieldOf(boston.withFeatures(List.of("RM", "RM")))).isEqualTo("dataset.features[1]");
        assertThat(fieldOf(boston.withFeatures(List.of()))).isEqualTo("dataset.features");
        assertThat(catchInvalid(() -> Datasets.prepare(DatasetSpec.of("boston").withTarget("PRICE"), 1)).field())
                .isEqualTo("dataset.target");
        assertThat(catchInvalid(() -> Datasets.prepare(
                DatasetSpec.of("boston").withFeatures(List.of("RM")).withTarget("RM"), 1)).reason())
                .contains("must not also be one of the features");
    }

    @Test
    void aParameterTheSetDoesNotTakeIsRefusedRatherThanIgnored() {
        assertInvalid(() -> Datasets.prepare(DatasetSpec.of("iris").withSamples(100), 1), "dataset.samples",
                "is not a parameter of iris, which takes trainRatio, validationSplit, scaling");
        assertThat(catchInvalid(() -> Datasets.prepare(DatasetSpec.of("mnist").withTrainRatio(0.5), 1)).field())
                .isEqualTo("dataset.trainRatio");
        assertThat(catchInvalid(() -> Datasets.prepare(DatasetSpec.of("iris").withKind("circle"), 1)).field())
                .isEqualTo("dataset.kind");
    }

    @Test
    void aValidationSplitMustLeaveBothParts() {
        assertThat(fieldOf(DatasetSpec.of("mnist").withLimits(1, 1).withValidationSplit(0.5)))
                .isEqualTo("dataset.validationSplit");
        assertThat(fieldOf(DatasetSpec.of("sin").withSamples(10).withTrainRatio(0.1).withValidationSplit(0.5)))
                .isEqualTo("dataset.validationSplit");
    }

    @Test
    void sizeLimitsAreConfigurable() {
        DatasetLimits small = new DatasetLimits(100);
        assertInvalid(() -> Datasets.prepare(DatasetSpec.of("sin").withSamples(101), 1, small), "dataset.samples",
                "must be between 10 and 100, was 101");
        PreparedDataset circle = Datasets.prepare(DatasetSpec.playground("circle"), 1, small);
        assertThat(circle.split().train().count() + circle.split().test().count()).isEqualTo(100);
        assertThat(Datasets.describe(small).get(0).parameter("samples").max()).isEqualTo(100);
    }

    @Test
    void theCatalogueDescribesEverySetWithItsShapeAndParameters() {
        List<DatasetInfo> sets = Datasets.describe();
        assertThat(sets).extracting(DatasetInfo::name)
                .containsExactly("playground", "xor", "separable", "sin", "iris", "boston", "mnist", "points", "outlier");
        DatasetInfo mnist = sets.get(6);
        assertThat(mnist.samples()).isEqualTo(70_000);
        assertThat(mnist.inputs()).isEqualTo(784);
        assertThat(mnist.classes()).isEqualTo(10);
        DatasetInfo iris = sets.get(4);
        assertThat(iris.samples()).isEqualTo(150);
        assertThat(iris.classNames()).containsExactly("setosa", "versicolor", "virginica");
        assertThat(sets.get(5).samples()).isEqualTo(506);
        assertThat(sets.get(5).classes()).isZero();
        ParameterInfo kind = sets.get(0).parameter("kind");
        assertThat(kind.allowedValues()).containsExactly("circle", "xor", "gauss", "spiral", "reg-plane", "reg-gauss");
        assertThat(kind.defaultValue()).isEqualTo("circle");
        ParameterInfo noise = sets.get(0).parameter("noise");
        assertThat(noise.min()).isEqualTo(0.0);
        assertThat(noise.max()).isEqualTo(0.5);
        assertThat(sets.get(5).parameter("features").allowedValues()).hasSize(13).contains("B");
        // every declared default is itself accepted
        for (DatasetInfo set : sets) {
            if (set.name().equals("points")) continue; // no default: the points are the caller's
            assertThat(Datasets.prepare(DatasetSpec.of(set.name()).withLimits(
                    set.name().equals("mnist") ? 50 : null, set.name().equals("mnist") ? 50 : null), 1).name())
                    .isEqualTo(set.name());
        }
    }

    private static double columnMean(Examples examples, int column) {
        double sum = 0;
        for (int i = 0; i < examples.count(); i++) sum += examples.x(i, column);
        return sum / examples.count();
    }

    @Test
    void playgroundTakesAThirdClassForCircleGaussAndSpiral() {
        PreparedDataset spiral = Datasets.prepare(DatasetSpec.playground("spiral").withClasses(3), 1);
        assertThat(spiral.outputs()).isEqualTo(3);
        assertThat(spiral.classNames()).containsExactly("negative", "positive", "third");
        assertThat(Datasets.prepare(DatasetSpec.playground("spiral").withClasses(2), 1).outputs()).isEqualTo(2);
        assertThat(fieldOf(DatasetSpec.playground("xor").withClasses(3))).isEqualTo("dataset.classes");
        assertThat(fieldOf(DatasetSpec.playground("reg-plane").withClasses(3))).isEqualTo("dataset.classes");
        assertThat(fieldOf(DatasetSpec.playground("gauss").withClasses(1))).isEqualTo("dataset.classes");
        assertThat(fieldOf(DatasetSpec.of("iris").withClasses(3))).isEqualTo("dataset.classes");
    }

    @Test
    void pointsGivenInTheSpecAreTheExamplesAndEachIsChecked() {
        List<List<Double>> rows = List.of(List.of(1.0, 2.0, 1.0), List.of(-1.0, -2.0, 0.0), List.of(3.0, -3.0, 1.0),
                List.of(-4.0, 5.5, 0.0));
        PreparedDataset data = Datasets.prepare(DatasetSpec.of("points").withPoints(rows), 1);
        assertThat(data.outputs()).isEqualTo(2);
        assertThat(data.plane().train().size() + data.plane().test().size()).isEqualTo(4);
        assertThat(data.plane().train()).isNotEmpty().allMatch(p -> rows.contains(List.of(p.x1(), p.x2(), p.label())));
        List<List<Double>> three = List.of(List.of(1.0, 2.0, 2.0), List.of(-1.0, -2.0, 0.0));
        assertThat(Datasets.prepare(DatasetSpec.of("points").withPoints(three).withClasses(3), 1).outputs())
                .isEqualTo(3);

        assertThat(fieldOf(DatasetSpec.of("points"))).isEqualTo("dataset.points");
        assertThat(fieldOf(DatasetSpec.of("points").withPoints(rows.subList(0, 1)))).isEqualTo("dataset.points");
        assertThat(fieldOf(DatasetSpec.of("points").withPoints(java.util.Collections.nCopies(1001, rows.get(0)))))
                .isEqualTo("dataset.points");
        assertThat(fieldOf(DatasetSpec.of("points").withPoints(List.of(rows.get(0), List.of(1.0, 2.0)))))
                .isEqualTo("dataset.points[1]");
        assertThat(fieldOf(DatasetSpec.of("points").withPoints(List.of(rows.get(0), List.of(7.0, 2.0, 0.0)))))
                .isEqualTo("dataset.points[1][0]");
        assertThat(fieldOf(DatasetSpec.of("points").withPoints(List.of(rows.get(0), List.of(1.0, 2.0, 2.0)))))
                .isEqualTo("dataset.points[1][2]");
        assertThat(fieldOf(DatasetSpec.of("points").withPoints(List.of(rows.get(0), List.of(1.0, 2.0, 0.5)))))
                .isEqualTo("dataset.points[1][2]");
        assertThat(fieldOf(DatasetSpec.of("playground").withPoints(rows))).isEqualTo("dataset.points");
    }

    private static String fieldOf(DatasetSpec spec) {
        return catchInvalid(() -> Datasets.prepare(spec, 1)).field();
    }

    private static void assertInvalid(ThrowingCallable call, String field, String reason) {
        InvalidSpecException e = catchInvalid(call);
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.reason()).isEqualTo(reason);
    }

    private static InvalidSpecException catchInvalid(ThrowingCallable call) {
        Throwable thrown = org.assertj.core.api.Assertions.catchThrowable(call);
        assertThat(thrown).isInstanceOf(InvalidSpecException.class);
        return (InvalidSpecException) thrown;
    }

    @Test
    void theOutlierSetIsANoisyLineWithOneFarPointAmongTheTrainingPointsOnly() {
        PreparedDataset a = Datasets.prepare(DatasetSpec.of("outlier"), 4);
        PreparedDataset b = Datasets.prepare(DatasetSpec.of("outlier"), 4);
        Examples train = a.split().train(), test = a.split().test();
        assertThat(train.count()).isEqualTo(21);
        assertThat(test.count()).isEqualTo(20);
        assertThat(train.x()).containsExactly(b.split().train().x());
        assertThat(train.y()).containsExactly(b.split().train().y());
        assertThat(train.x()[20]).isEqualTo(4f);
        assertThat(train.y()[20]).isEqualTo(-15f);
        for (Examples part : new Examples[]{test, train.rows(java.util.stream.IntStream.range(0, 20).toArray())}) {
            for (int i = 0; i < part.count(); i++) {
                float x = part.x()[i];
                assertThat(x).isBetween(0f, 5f);
                assertThat(Math.abs(part.y()[i] - (2 * x + 1))).as("within 4 sd of the line").isLessThan(2f);
            }
        }
        assertThat(Datasets.prepare(DatasetSpec.of("outlier"), 5).split().train().x()[0]).isNotEqualTo(train.x()[0]);
    }
}
