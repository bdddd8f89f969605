package nnlab.jobs.export;

import nnlab.data.DatasetSpec;
import nnlab.data.Scaling;

/**
 * MNIST's augmentation in a script: every epoch the training images and, for each, {@code copies} shifted and
 * rotated copies drawn anew, as nnlab trains. The scripts draw with their framework's generator, not nnlab's.
 * Standardised images are turned back into pixels for the transform (0 is the background there) and back again.
 */
final class AugmentationSection {

    private AugmentationSection() {
    }

    /** A tf.data pipeline {@code train_data} of the originals and their copies, batched, the copies redrawn each epoch. */
    static void keras(Py py, ExportPlan plan) {
        opening(py, plan, "TensorFlow draws its own, and RandomTranslation also shifts by fractions of a pixel");
        py.line("augment = tf.keras.Sequential([");
        py.line("    tf.keras.layers.RandomTranslation(SHIFT / 28, SHIFT / 28, fill_mode=\"constant\", fill_value=0.0,");
        py.line("                                      interpolation=\"bilinear\", seed=SEED % 2**31),");
        py.line("    tf.keras.layers.RandomRotation(ROTATION / 360, fill_mode=\"constant\", fill_value=0.0,  # a fraction of a turn");
        py.line("                                   interpolation=\"bilinear\", seed=SEED % 2**31),");
        py.line("])");
        boolean standard = plan.data().scaling() == Scaling.STANDARD;
        if (standard) py.line("pixel_mean, pixel_std = tf.constant(mean, dtype=tf.float32), tf.constant(std, dtype=tf.float32)");
        py.blank();
        py.blank();
        py.line("def shifted_and_rotated(x, y):");
        py.line("    \"\"\"A new copy of one image: (28, 28) → (28, 28, 1) for the layers, and back.\"\"\"");
        if (standard) py.line("    x = x * pixel_std + pixel_mean  # pixels again, the background 0");
        py.line("    copy = augment(x[..., None], training=True)[..., 0]");
        if (standard) py.line("    copy = (copy - pixel_mean) / pixel_std");
        py.line("    return copy, y");
        py.blank();
        py.blank();
        py.line("originals = tf.data.Dataset.from_tensor_slices((x_train, y_train))");
        py.line("# map runs again every epoch: new copies each time");
        py.line("train_data = originals.concatenate(originals.repeat(COPIES).map(shifted_and_rotated))");
        py.line("if SHUFFLE:");
        py.line("    train_data = train_data.shuffle(len(x_train) * (1 + COPIES), seed=SEED % 2**31)");
        py.line("train_data = train_data.batch(BATCH_SIZE)");
    }

    /**
     * {@code shift_and_rotate(images, dx, dy, angle)}, nnlab's transform in plain PyTorch (affine_grid and
     * grid_sample, no torchvision), and {@code augment(images)}, one new copy of each image per call.
     */
    static void torch(Py py, ExportPlan plan) {
        opening(py, plan, "torch draws its own");
        py.line("augment_rng = torch.Generator().manual_seed(SEED)");
        boolean standard = plan.data().scaling() == Scaling.STANDARD;
        if (standard) py.line("pixel_mean, pixel_std = torch.from_numpy(mean).float(), torch.from_numpy(std).float()");
        py.blank();
        py.blank();
        py.line("def shift_and_rotate(images, dx, dy, angle):");
        py.line("    \"\"\"Images (n, 28, 28) shifted by (dx, dy) pixels and turned by angle (radians) about their centre, as");
        py.line("    nnlab does it: out(p) = in(R(−angle)·(p − centre − d) + centre), bilinear, 0 outside the image.\"\"\"");
        py.line("    n, side = images.shape[0], images.shape[1]");
        py.line("    centre = (side - 1) / 2");
        py.line("    cos, sin = torch.cos(angle), torch.sin(angle)");
        py.line("    # where each output pixel samples the input, in coordinates from −1 to 1 (pixel centres: align_corners)");
        py.line("    theta = torch.stack([torch.stack([cos, sin, -(cos * dx + sin * dy) / centre], dim=1),");
        py.line("                         torch.stack([-sin, cos, (sin * dx - cos * dy) / centre], dim=1)], dim=1)");
        py.line("    grid = nn.functional.affine_grid(theta.float(), [n, 1, side, side], align_corners=True)");
        py.line("    return nn.functional.grid_sample(images[:, None].float(), grid, mode=\"bilinear\", padding_mode=\"zeros\",");
        py.line("                                     align_corners=True)[:, 0]");
        py.blank();
        py.blank();
        py.line("def augment(images):");
        py.line("    \"\"\"A new copy of each image at every call: a whole-pixel shift up to SHIFT each way and an angle up to");
        py.line("    ROTATION degrees either way.\"\"\"");
        py.line("    n = images.shape[0]");
        py.line("    dx = torch.randint(-SHIFT, SHIFT + 1, (n,), generator=augment_rng).double()");
        py.line("    dy = torch.randint(-SHIFT, SHIFT + 1, (n,), generator=augment_rng).double()");
        py.line("    angle = torch.deg2rad((2 * torch.rand(n, generator=augment_rng, dtype=torch.float64) - 1) * ROTATION)");
        if (standard) {
            py.line("    pixels = images * pixel_std + pixel_mean  # pixels again, the background 0");
            py.line("    return (shift_and_rotate(pixels, dx, dy, angle) - pixel_mean) / pixel_std");
        } else {
            py.line("    return shift_and_rotate(images, dx, dy, angle)");
        }
        py.blank();
    }

    private static void opening(Py py, ExportPlan plan, String whoseDraws) {
        DatasetSpec.Augmentation a = plan.augmentation();
        py.section("data augmentation, as the job had it: every epoch trains on the " + plan.data().trainCount()
                + " images and " + a.copies() + " shifted and rotated " + (a.copies() == 1 ? "copy" : "copies"));
        py.line("# of each, drawn anew every epoch (nnlab shifts by whole pixels, up to SHIFT each way, and turns by up to");
        py.line("# ROTATION degrees either way about the centre; bilinear, 0 outside the image). The random draws are not");
        py.line("# nnlab's: " + whoseDraws + ",");
        py.line("# so the copies differ from the job's (nnlab drew them from seed " + a.seed() + ").");
        py.line("SHIFT, ROTATION, COPIES = " + a.shift() + ", " + Py.number(a.rotation()) + ", " + a.copies()
                + "  # pixels each way, degrees each way, copies of each training image");
    }
}
