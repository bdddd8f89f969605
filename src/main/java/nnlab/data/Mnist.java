package nnlab.data;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import nnlab.engine.Examples;

/**
 * The MNIST handwritten digits from the bundled IDX gzip files: 784 pixel inputs (28×28, row by
 * row), one target column holding the digit 0–9. The decompressed bytes of each part are read once
 * per JVM and kept (about 55 MB for both parts); every call returns new float examples.
 */
public final class Mnist {

    public static final int SIDE = 28;
    public static final int PIXELS = SIDE * SIDE;
    public static final int CLASSES = 10;
    public static final int MAX_PIXEL = 255;
    /** Input names, pixel0 … pixel783, row by row. */
    public static final List<String> PIXEL_NAMES = IntStream.range(0, PIXELS).mapToObj(i -> "pixel" + i).toList();

    /** The two fixed parts of MNIST. */
    public enum Part {
        TRAIN("train", 60_000),
        TEST("t10k", 10_000);

        private final String prefix;
        private final int count;

        Part(String prefix, int count) {
            this.prefix = prefix;
            this.count = count;
        }

        public int count() {
            return count;
        }

        String imagesFile() {
            return "mnist/" + prefix + "-images-idx3-ubyte.gz";
        }

        String labelsFile() {
            return "mnist/" + prefix + "-labels-idx1-ubyte.gz";
        }
    }

    private record Digits(byte[] pixels, byte[] labels) {
    }

    private static final Map<Part, Digits> CACHE = new ConcurrentHashMap<>();

    private Mnist() {
    }

    /**
     * The first {@code limit} examples of a part, in file order; pixels 0..255, or divided by 255
     * when {@code scaleToUnit}.
     */
    public static Examples load(Part part, int limit, boolean scaleToUnit) {
        return load(part, 0, limit, scaleToUnit);
    }

    /** Examples {@code from} (inclusive) to {@code to} (exclusive) of a part, in file order. */
    public static Examples load(Part part, int from, int to, boolean scaleToUnit) {
        if (from < 0 || to < from || to > part.count()) {
            throw new IllegalArgumentException("MNIST " + part + " has examples 0.." + part.count()
                    + ", asked " + from + ".." + to);
        }
        Digits digits = CACHE.computeIfAbsent(part, Mnist::read);
        int count = to - from;
        float[] x = new float[count * PIXELS];
        float[] y = new float[count];
        float divisor = scaleToUnit ? MAX_PIXEL : 1f;
        int offset = from * PIXELS;
        for (int i = 0; i < x.length; i++) x[i] = (digits.pixels[offset + i] & 0xff) / divisor;
        for (int i = 0; i < count; i++) y[i] = digits.labels[from + i];
        return new Examples(x, y, count, PIXELS, 1);
    }

    public static Examples load(Part part) {
        return load(part, part.count(), false);
    }

    private static Digits read(Part part) {
        byte[] pixels = read(part.imagesFile(), in -> IdxReader.readImages(in, path(part.imagesFile()),
                part.count(), SIDE).pixels());
        byte[] labels = read(part.labelsFile(), in -> IdxReader.readLabels(in, path(part.labelsFile()),
                part.count(), CLASSES));
        return new Digits(pixels, labels);
    }

    interface IdxPart {
        byte[] read(InputStream decompressed) throws IOException;
    }

    private static byte[] read(String file, IdxPart part) {
        return readGzip(BundledFiles.open(file), path(file), part);
    }

    static byte[] readGzip(InputStream compressed, String file, IdxPart part) {
        try (InputStream in = new GZIPInputStream(compressed, 1 << 16)) {
            return part.read(in);
        } catch (ZipException | EOFException e) {
            throw new DataFileException(file, "corrupt gzip data: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
    }

    private static String path(String file) {
        return BundledFiles.ROOT + file;
    }
}
