package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.zip.GZIPOutputStream;
import nnlab.engine.Examples;
import org.junit.jupiter.api.Test;

class MnistTest {

    @Test
    void trainingPartHas60000ImagesWithThePublishedLabelCounts() {
        Examples train = Mnist.load(Mnist.Part.TRAIN);
        assertThat(train.count()).isEqualTo(60_000);
        assertThat(train.inputs()).isEqualTo(784);
        assertThat(train.outputs()).isEqualTo(1);
        assertThat(labelCounts(train)).containsExactly(5923, 6742, 5958, 6131, 5842, 5421, 5918, 6265, 5851, 5949);
    }

    @Test
    void testPartHas10000ImagesWithThePublishedLabelCounts() {
        Examples test = Mnist.load(Mnist.Part.TEST);
        assertThat(test.count()).isEqualTo(10_000);
        assertThat(labelCounts(test)).containsExactly(980, 1135, 1032, 1010, 982, 892, 958, 1028, 974, 1009);
    }

    @Test
    void pixelsAreWholeNumbersUpTo255OrScaledIntoZeroToOne() {
        Examples raw = Mnist.load(Mnist.Part.TEST, 100, false);
        Examples scaled = Mnist.load(Mnist.Part.TEST, 100, true);
        float max = 0;
        for (int i = 0; i < raw.x().length; i++) {
            float v = raw.x()[i];
            assertThat(v).isBetween(0f, 255f).isEqualTo((float) Math.rint(v));
            assertThat(scaled.x()[i]).isBetween(0f, 1f).isEqualTo(v / 255f);
            max = Math.max(max, scaled.x()[i]);
        }
        assertThat(max).isEqualTo(1f);
        assertThat(raw.x()[0]).isZero(); // the top-left corner is background
    }

    @Test
    void aLimitTakesTheFirstImagesInFileOrder() {
        Examples five = Mnist.load(Mnist.Part.TRAIN, 5, false);
        assertThat(five.count()).isEqualTo(5);
        assertThat(five.y()).containsExactly(5, 0, 4, 1, 9); // the well-known first training digits
        assertThat(Mnist.load(Mnist.Part.TEST, 3, false).y()).containsExactly(7, 2, 1);
        assertThatThrownBy(() -> Mnist.load(Mnist.Part.TEST, 10_001, false))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void eachLoadIsAFreshCopyOfTheCachedFile() {
        Examples first = Mnist.load(Mnist.Part.TEST, 1, false);
        first.y()[0] = 3;
        assertThat(Mnist.load(Mnist.Part.TEST, 1, false).y()[0]).isEqualTo(7f);
    }

    @Test
    void aCorruptGzipFileFailsClearly() throws Exception {
        byte[] notGzip = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12};
        assertThatThrownBy(() -> Mnist.readGzip(new ByteArrayInputStream(notGzip), "bad.gz", InputStream::readAllBytes))
                .isInstanceOf(DataFileException.class).hasMessageContaining("bad.gz").hasMessageContaining("gzip");

        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(ByteBuffer.allocate(10_000).putInt(IdxReader.LABELS_MAGIC).putInt(9992).array());
        }
        byte[] truncated = Arrays.copyOf(gz.toByteArray(), gz.size() / 2);
        assertThatThrownBy(() -> Mnist.readGzip(new ByteArrayInputStream(truncated), "cut.gz",
                in -> IdxReader.readLabels(in, "cut.gz", 9992, 10)))
                .isInstanceOf(DataFileException.class).hasMessageContaining("cut.gz").hasMessageContaining("gzip");
    }

    private static int[] labelCounts(Examples examples) {
        int[] counts = new int[10];
        for (float label : examples.y()) counts[(int) label]++;
        return counts;
    }
}
