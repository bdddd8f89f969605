package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import nnlab.engine.Activation;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.NetworkSpec;
import nnlab.engine.Optimizer;
import nnlab.engine.Training;
import nnlab.engine.TrainingConfig;
import nnlab.engine.TrainingListener;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;
import org.junit.jupiter.api.Test;

/** MNIST's augmentation: seeded shifts and rotations of the training images only. */
class AugmentationTest {

    static DatasetSpec mnist(DatasetSpec.Augmentation a) {
        return DatasetSpec.of(Datasets.MNIST).withLimits(200, 50).withValidationSplit(0.1).withAugmentation(a);
    }

    @Test
    void theSameSeedGivesTheSameImagesAndTheTestAndValidationImagesAreUntouched() {
        PreparedDataset plain = Datasets.prepare(mnist(null), 1);
        PreparedDataset a = Datasets.prepare(mnist(new DatasetSpec.Augmentation(2, 10.0, 2, 7L)), 1);
        PreparedDataset again = Datasets.prepare(mnist(new DatasetSpec.Augmentation(2, 10.0, 2, 7L)), 99);
        PreparedDataset other = Datasets.prepare(mnist(new DatasetSpec.Augmentation(2, 10.0, 2, 8L)), 1);

        Examples train = a.split().train();
        assertThat(plain.split().train().count()).isEqualTo(180);
        assertThat(train.count()).isEqualTo(540); // the 180 originals and two copies of each
        assertThat(train.x()).isEqualTo(again.split().train().x());
        assertThat(train.x()).isNotEqualTo(other.split().train().x());
        // the originals come first, unchanged, and every copy keeps its original's label
        assertThat(Arrays.copyOf(train.x(), 180 * 784)).isEqualTo(plain.split().train().x());
        for (int i = 0; i < 540; i++) assertThat(train.y(i, 0)).isEqualTo(plain.split().train().y(i % 180, 0));
        assertThat(a.split().validation().x()).isEqualTo(plain.split().validation().x());
        assertThat(a.split().test().x()).isEqualTo(plain.split().test().x());
        // each copy differs from its original, but not wholly: ink stays near where it was
        int changed = 0;
        for (int i = 0; i < 180; i++) {
            float[] original = Arrays.copyOfRange(train.x(), i * 784, (i + 1) * 784);
            float[] copy = Arrays.copyOfRange(train.x(), (180 + i) * 784, (181 + i) * 784);
            if (!Arrays.equals(original, copy)) changed++;
            assertThat(ink(copy)).isCloseTo(ink(original), org.assertj.core.data.Percentage.withPercentage(35));
        }
        assertThat(changed).isGreaterThan(150);
        System.out.printf("[augmentation] 180 images, 2 copies: %d copies differ from their original%n", changed);
    }

    @Test
    void everyEpochDrawsNewCopiesTheSameForTheSameSeedWithLabelsKeptAndPixelsInTheUnitRange() {
        PreparedDataset plain = Datasets.prepare(mnist(null), 1);
        DatasetSpec.Augmentation spec = new DatasetSpec.Augmentation(2, 10.0, 1, 7L);
        PreparedDataset a = Datasets.prepare(mnist(spec), 1);
        PreparedDataset again = Datasets.prepare(mnist(spec), 2);
        Examples train = a.split().train();
        int n = 180 * 784;
        float[] labels = train.y().clone();
        float[] x = train.x().clone();
        float[] y = again.split().train().x().clone();
        float[] previous = x.clone();
        for (int epoch = 2; epoch <= 4; epoch++) {
            a.split().redraw().draw(epoch, x);
            again.split().redraw().draw(epoch, y);
            assertThat(x).as("epoch %d, the same seed", epoch).isEqualTo(y);
            assertThat(Arrays.copyOf(x, n)).as("the originals stay").isEqualTo(plain.split().train().x());
            int differ = 0;
            for (int i = 0; i < 180; i++) {
                if (!Arrays.equals(x, n + i * 784, n + (i + 1) * 784, previous, n + i * 784, n + (i + 1) * 784)) differ++;
            }
            assertThat(differ).as("copies of epoch %d unlike epoch %d's", epoch, epoch - 1).isGreaterThan(150);
            for (float v : x) assertThat(v).isBetween(0f, 1f);
            previous = x.clone();
        }
        assertThat(train.y()).as("labels unchanged").isEqualTo(labels);
        assertThat(train.x()).as("the prepared set keeps epoch 1's images").isEqualTo(again.split().train().x());
        // epoch 1 again gives the prepared images back
        a.split().redraw().draw(1, x);
        assertThat(x).isEqualTo(train.x());
        // a run's own copy of the inputs is its own memory, known before the images are loaded
        assertThat(Datasets.shapeWithoutData(mnist(spec), DatasetLimits.DEFAULT).perRunBytes()).isEqualTo(360L * 784 * 4);
        assertThat(Datasets.shapeWithoutData(mnist(null), DatasetLimits.DEFAULT).perRunBytes()).isZero();
    }

    @Test
    void twoRunsOnOneSharedSetTrainAlikeAndLeaveItAsPrepared() {
        PreparedDataset shared = Datasets.prepare(mnist(new DatasetSpec.Augmentation(2, 10.0, 1, 7L)), 1);
        float[] prepared = shared.split().train().x().clone();
        NetworkSpec net = new NetworkSpec(784, List.of(LayerSpec.dense(16, Activation.RELU),
                LayerSpec.dense(10, Activation.SOFTMAX)), Initializer.GLOROT);
        TrainingConfig config = TrainingConfig.of(Loss.SPARSE_CATEGORICAL_CROSSENTROPY, Optimizer.adam(0.01), 30, 4);
        List<Double> first = new ArrayList<>();
        List<Double> second = new ArrayList<>();
        try (Training a = Training.create(net, config, shared.split(), 3);
             Training b = Training.create(net, config, shared.split(), 3)) {
            // interleaved, as two jobs on one cached set run
            for (int epoch = 0; epoch < 4; epoch++) {
                first.add(a.runEpoch(TrainingListener.NONE).train().loss());
                second.add(b.runEpoch(TrainingListener.NONE).train().loss());
            }
        }
        assertThat(first).isEqualTo(second);
        assertThat(shared.split().train().x()).isEqualTo(prepared);
    }

    @Test
    void standardisedImagesAreTransformedInPixelsAndStandardisedAgain() {
        DatasetSpec.Augmentation spec = new DatasetSpec.Augmentation(2, 0.0, 1, 7L);
        PreparedDataset unit = Datasets.prepare(mnist(spec), 1);
        PreparedDataset standard = Datasets.prepare(mnist(spec).withScaling("standard"), 1);
        float[] u = unit.split().train().x().clone();
        float[] s = standard.split().train().x().clone();
        unit.split().redraw().draw(3, u);
        standard.split().redraw().draw(3, s);
        standard.scaler().invertInPlace(s);
        // whole-pixel shifts only: standardising and back gives the same pixels, to float rounding
        for (int i = 0; i < u.length; i++) assertThat(s[i] / 255f).isCloseTo(u[i], org.assertj.core.data.Offset.offset(1e-4f));
    }

    @Test
    void aShiftAloneMovesEveryPixelByWholePixels() {
        float[] image = new float[784];
        image[10 * 28 + 12] = 1; // row 10, column 12
        float[] out = new float[784];
        Augmentation.transform(image, 0, out, 0, 28, 2, -1, 0);
        float[] expected = new float[784];
        expected[9 * 28 + 14] = 1;
        assertThat(out).containsExactly(expected);
        // a quarter turn about the centre (13.5, 13.5): column 12 of row 10 goes to column 17 of row 12
        Augmentation.transform(image, 0, out, 0, 28, 0, 0, Math.PI / 2);
        assertThat(out[12 * 28 + 17]).isCloseTo(1f, org.assertj.core.data.Offset.offset(1e-5f));
    }

    @Test
    void limitsAreNamed() {
        assertThatThrownBy(() -> Datasets.prepare(mnist(new DatasetSpec.Augmentation(5, null, null, null)), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("dataset.augmentation.shift")
                .hasMessageContaining("between 0 and 4");
        assertThatThrownBy(() -> Datasets.prepare(mnist(new DatasetSpec.Augmentation(null, 45.0, null, null)), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("dataset.augmentation.rotation");
        assertThatThrownBy(() -> Datasets.prepare(DatasetSpec.of(Datasets.MNIST).withAugmentation(
                new DatasetSpec.Augmentation(null, null, 2, null)), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("180000 training images");
        assertThatThrownBy(() -> Datasets.prepare(DatasetSpec.of(Datasets.IRIS).withAugmentation(
                new DatasetSpec.Augmentation(null, null, null, null)), 1))
                .isInstanceOf(InvalidSpecException.class).hasMessageContaining("dataset.augmentation")
                .hasMessageContaining("mnist's images only");
    }

    private static double ink(float[] image) {
        double s = 0;
        for (float v : image) s += v;
        return s;
    }
}
