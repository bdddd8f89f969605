package nnlab.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.Test;

class IdxReaderTest {

    @Test
    void readsAWellFormedImageFile() throws IOException {
        byte[] file = images(IdxReader.IMAGES_MAGIC, 2, 2, new byte[] {0, 1, 2, 3, 4, 5, 6, (byte) 255});
        IdxReader.Images images = IdxReader.readImages(new ByteArrayInputStream(file), "t", 2, 2);
        assertThat(images.count()).isEqualTo(2);
        assertThat(images.pixels()).containsExactly(0, 1, 2, 3, 4, 5, 6, (byte) 255);
    }

    @Test
    void rejectsAWrongMagicNumber() {
        byte[] file = images(IdxReader.LABELS_MAGIC, 1, 2, new byte[4]);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(file), "x.gz", 1, 2))
                .isInstanceOf(DataFileException.class).hasMessageContaining("x.gz").hasMessageContaining("magic");
    }

    @Test
    void rejectsUnexpectedSizes() {
        byte[] file = images(IdxReader.IMAGES_MAGIC, 1, 3, new byte[9]);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(file), "x.gz", 1, 2))
                .isInstanceOf(DataFileException.class).hasMessageContaining("1 images of 3×3");
    }

    @Test
    void rejectsATruncatedPayloadAndTrailingBytes() {
        byte[] shortFile = images(IdxReader.IMAGES_MAGIC, 2, 2, new byte[7]);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(shortFile), "x.gz", 2, 2))
                .isInstanceOf(DataFileException.class).hasMessageContaining("truncated");
        byte[] longFile = images(IdxReader.IMAGES_MAGIC, 2, 2, new byte[9]);
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(longFile), "x.gz", 2, 2))
                .isInstanceOf(DataFileException.class).hasMessageContaining("after");
        assertThatThrownBy(() -> IdxReader.readImages(new ByteArrayInputStream(new byte[5]), "x.gz", 2, 2))
                .isInstanceOf(DataFileException.class).hasMessageContaining("header");
    }

    @Test
    void rejectsLabelsOutOfRange() throws IOException {
        byte[] good = labels(3, new byte[] {0, 9, 4});
        assertThat(IdxReader.readLabels(new ByteArrayInputStream(good), "l", 3, 10)).containsExactly(0, 9, 4);
        byte[] bad = labels(3, new byte[] {0, 10, 4});
        assertThatThrownBy(() -> IdxReader.readLabels(new ByteArrayInputStream(bad), "l", 3, 10))
                .isInstanceOf(DataFileException.class).hasMessageContaining("label 1 is 10");
        assertThatThrownBy(() -> IdxReader.readLabels(new ByteArrayInputStream(good), "l", 4, 10))
                .isInstanceOf(DataFileException.class).hasMessageContaining("3 labels, expected 4");
    }

    private static byte[] images(int magic, int count, int side, byte[] payload) {
        return ByteBuffer.allocate(16 + payload.length).putInt(magic).putInt(count).putInt(side).putInt(side)
                .put(payload).array();
    }

    private static byte[] labels(int count, byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putInt(IdxReader.LABELS_MAGIC).putInt(count).put(payload)
                .array();
    }
}
