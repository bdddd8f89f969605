package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
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
