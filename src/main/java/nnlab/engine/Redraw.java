package nnlab.engine;

/**
 * Training examples drawn anew every epoch, as data augmentation is in Keras and PyTorch. The training
 * examples as given are epoch 1's; from epoch 2 on, a run keeps its own copy of their inputs and has the
 * rows redrawn in it before the epoch starts, so the data other runs share is never written.
 */
@FunctionalInterface
public interface Redraw {

    /**
     * Rewrites, in place, the rows of {@code x} (the training inputs, row-major) that are drawn anew, as epoch
     * {@code epoch} (from 1) draws them: the same epoch always gives the same rows, and the other rows are
     * left alone. Must not keep {@code x}, and may be called from several runs at once.
     */
    void draw(int epoch, float[] x);
}
