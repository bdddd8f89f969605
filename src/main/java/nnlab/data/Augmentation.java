package nnlab.data;

import java.util.SplittableRandom;
import nnlab.engine.Examples;
import nnlab.engine.InvalidSpecException;
import nnlab.engine.Redraw;

/**
 * Data augmentation for images: each training image gets {@code copies} transformed copies, each shifted by a whole
 * number of pixels (−shift to shift, both ways) and rotated by an angle drawn from [−rotation, rotation] degrees
 * about the image's centre, sampled bilinearly (pixels from outside the image are 0, MNIST's background). The
 * copies are drawn anew every epoch, as Keras's and PyTorch's augmentation does: epoch k's draws come from a
 * generator of its own, seeded from the seed and k, image by image, so the same seed gives the same images in
 * every epoch. Only training examples are augmented; validation and test images stay as they are.
 */
record Augmentation(int shift, double rotation, int copies, long seed) {

    static final int DEFAULT_SHIFT = 2;
    static final double DEFAULT_ROTATION = 10;
    static final int DEFAULT_COPIES = 1;
    static final int MAX_SHIFT = 4;
    static final double MAX_ROTATION = 30;
    static final int MAX_COPIES = 4;
    /** Training images with their copies: past it, the spec is refused (memory, 4 bytes a pixel). */
    static final int MAX_IMAGES = 120_000;

    /** The spec's augmentation with its defaults and checks; null when there is none. */
    static Augmentation of(DatasetSpec.Augmentation a, long dataSeed, int trainImages) {
        if (a == null) return null;
        a = a.resolved(dataSeed);
        int shift = a.shift();
        double rotation = a.rotation();
        int copies = a.copies();
        String f = "dataset.augmentation.";
        InvalidSpecException.require(shift >= 0 && shift <= MAX_SHIFT, f + "shift",
                "must be between 0 and " + MAX_SHIFT + " pixels, was " + shift);
        InvalidSpecException.require(Double.isFinite(rotation) && rotation >= 0 && rotation <= MAX_ROTATION,
                f + "rotation", "must be between 0 and " + (int) MAX_ROTATION + " degrees, was " + rotation);
        InvalidSpecException.require(copies >= 1 && copies <= MAX_COPIES, f + "copies",
                "must be between 1 and " + MAX_COPIES + ", was " + copies);
        InvalidSpecException.require((long) trainImages * (1 + copies) <= MAX_IMAGES, f + "copies",
                "gives " + (long) trainImages * (1 + copies) + " training images, at most " + MAX_IMAGES
                        + " are allowed: fewer copies or a smaller trainLimit");
        return new Augmentation(shift, rotation, copies, a.seed());
    }

    int images(int originals) {
        return originals * (1 + copies);
    }

    /** Epoch 1's images: the originals, then for each copy round every image transformed once, in their order. */
    Examples apply(Examples train, int side) {
        int n = train.count();
        int pixels = train.inputs();
        float[] x = new float[images(n) * pixels];
        float[] y = new float[images(n) * train.outputs()];
        System.arraycopy(train.x(), 0, x, 0, n * pixels);
        drawCopies(1, x, n, side, null);
        for (int c = 0; c <= copies; c++) {
            System.arraycopy(train.y(), 0, y, c * n * train.outputs(), n * train.outputs());
        }
        return new Examples(x, y, images(n), pixels, train.outputs());
    }

    /**
     * Every epoch's copies, written over the last ones in the training inputs (originals first, as {@link #apply}
     * lays them out).
     *
     * @param scaler null when the inputs are pixels as loaded (0 is the background), else the scaler they were
     *               scaled with: images are transformed in pixel units and scaled again
     */
    Redraw redraw(int originals, int side, Scaler scaler) {
        return (epoch, x) -> drawCopies(epoch, x, originals, side, scaler);
    }

    /** Epoch 1 draws from the seed itself; epoch k from a seed derived from it and k. */
    static SplittableRandom generator(long seed, int epoch) {
        return epoch == 1 ? new SplittableRandom(seed)
                : new SplittableRandom(new SplittableRandom(seed ^ (epoch * 0x9E3779B97F4A7C15L)).nextLong());
    }

    private void drawCopies(int epoch, float[] x, int n, int side, Scaler scaler) {
        int pixels = side * side;
        float[] original = scaler == null ? null : new float[pixels];
        float[] copy = scaler == null ? null : new float[pixels];
        SplittableRandom rng = generator(seed, epoch);
        for (int c = 1; c <= copies; c++) {
            for (int i = 0; i < n; i++) {
                int dx = shift == 0 ? 0 : rng.nextInt(-shift, shift + 1);
                int dy = shift == 0 ? 0 : rng.nextInt(-shift, shift + 1);
                double angle = rotation == 0 ? 0 : Math.toRadians(rng.nextDouble(-rotation, rotation));
                int to = (c * n + i) * pixels;
                if (scaler == null) {
                    transform(x, i * pixels, x, to, side, dx, dy, angle);
                } else {
                    System.arraycopy(x, i * pixels, original, 0, pixels);
                    scaler.invertInPlace(original);
                    transform(original, 0, copy, 0, side, dx, dy, angle);
                    scaler.applyInPlace(copy);
                    System.arraycopy(copy, 0, x, to, pixels);
                }
            }
        }
    }

    /** out(p) = in(R(−θ)·(p − centre − d) + centre), bilinear; 0 outside. */
    static void transform(float[] in, int from, float[] out, int to, int side, int dx, int dy, double angle) {
        double centre = (side - 1) / 2.0;
        double cos = Math.cos(angle), sin = Math.sin(angle);
        for (int row = 0; row < side; row++) {
            for (int col = 0; col < side; col++) {
                double u = col - centre - dx, v = row - centre - dy;
                double sx = cos * u + sin * v + centre;
                double sy = -sin * u + cos * v + centre;
                out[to + row * side + col] = (float) sample(in, from, side, sx, sy);
            }
        }
    }

    private static double sample(float[] in, int from, int side, double x, double y) {
        int x0 = (int) Math.floor(x), y0 = (int) Math.floor(y);
        double fx = x - x0, fy = y - y0;
        return (1 - fx) * (1 - fy) * pixel(in, from, side, x0, y0) + fx * (1 - fy) * pixel(in, from, side, x0 + 1, y0)
                + (1 - fx) * fy * pixel(in, from, side, x0, y0 + 1) + fx * fy * pixel(in, from, side, x0 + 1, y0 + 1);
    }

    private static double pixel(float[] in, int from, int side, int x, int y) {
        return x < 0 || y < 0 || x >= side || y >= side ? 0 : in[from + y * side + x];
    }
}
