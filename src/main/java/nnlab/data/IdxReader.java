package nnlab.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;

/**
 * Reads the IDX format of the MNIST files (big-endian header, then unsigned bytes), checking the
 * magic number, the sizes and that the payload is complete with nothing after it. Reads in bulk:
 * one {@code readNBytes} for the whole payload.
 */
final class IdxReader {

    static final int IMAGES_MAGIC = 0x00000803; // unsigned bytes, 3 dimensions
    static final int LABELS_MAGIC = 0x00000801; // unsigned bytes, 1 dimension

    /** {@code count} images of {@code rows × columns} pixels, 0..255 as unsigned bytes, image after image. */
    record Images(int count, int rows, int columns, byte[] pixels) {
    }

    private IdxReader() {
    }

    static Images readImages(InputStream in, String file, int expectedCount, int expectedSide) throws IOException {
        ByteBuffer header = header(in, file, 16, IMAGES_MAGIC);
        int count = header.getInt(4);
        int rows = header.getInt(8);
        int columns = header.getInt(12);
        if (count != expectedCount || rows != expectedSide || columns != expectedSide) {
            throw new DataFileException(file, "holds " + count + " images of " + rows + "×" + columns
                    + ", expected " + expectedCount + " of " + expectedSide + "×" + expectedSide);
        }
        return new Images(count, rows, columns, payload(in, file, count * rows * columns));
    }

    /** Labels as unsigned bytes, each checked to be below {@code classes}. */
    static byte[] readLabels(InputStream in, String file, int expectedCount, int classes) throws IOException {
        ByteBuffer header = header(in, file, 8, LABELS_MAGIC);
        int count = header.getInt(4);
        if (count != expectedCount) {
            throw new DataFileException(file, "holds " + count + " labels, expected " + expectedCount);
        }
        byte[] labels = payload(in, file, count);
        for (int i = 0; i < labels.length; i++) {
            if (Byte.toUnsignedInt(labels[i]) >= classes) {
                throw new DataFileException(file, "label " + i + " is " + Byte.toUnsignedInt(labels[i])
                        + ", expected 0.." + (classes - 1));
            }
        }
        return labels;
    }

    private static ByteBuffer header(InputStream in, String file, int size, int magic) throws IOException {
        byte[] bytes = in.readNBytes(size);
        if (bytes.length < size) throw new DataFileException(file, "too short for an IDX header");
        ByteBuffer header = ByteBuffer.wrap(bytes); // big-endian, as IDX is
        if (header.getInt(0) != magic) {
            throw new DataFileException(file, String.format("magic number 0x%08x, expected 0x%08x (%d)",
                    header.getInt(0), magic, magic));
        }
        return header;
    }

    private static byte[] payload(InputStream in, String file, int size) throws IOException {
        byte[] payload = in.readNBytes(size);
        if (payload.length < size) {
            throw new DataFileException(file, "truncated: " + payload.length + " of " + size + " data bytes");
        }
        if (in.read() != -1) throw new DataFileException(file, "has data after its " + size + " data bytes");
        return payload;
    }
}
