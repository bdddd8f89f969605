package nnlab.engine;

/**
 * A dense layer: {@code units} neurons with one activation; {@code dropout} is the fraction of this
 * layer's outputs dropped during training (inverted dropout, 0 = none); {@code batchNorm} puts Keras's
 * BatchNormalization after the layer's activation (see {@link BatchNorm}).
 */
public record LayerSpec(int units, Activation activation, double dropout, boolean batchNorm) {

    /** Batch normalisation's momentum of the moving averages, Keras's convention (m ← 0.99·m + 0.01·μ). */
    public static final double NORM_MOMENTUM = BatchNorm.MOMENTUM;
    /** Batch normalisation's ε in (a − μ)/√(σ² + ε). */
    public static final double NORM_EPSILON = BatchNorm.EPSILON;

    public LayerSpec(int units, Activation activation, double dropout) {
        this(units, activation, dropout, false);
    }

    public LayerSpec(int units, Activation activation) {
        this(units, activation, 0);
    }

    public static LayerSpec dense(int units, Activation activation) {
        return new LayerSpec(units, activation, 0);
    }

    /** A dense layer followed by batch normalisation. */
    public static LayerSpec normalised(int units, Activation activation) {
        return new LayerSpec(units, activation, 0, true);
    }

    /** Weights and biases, and with batch normalisation its γ, β, moving mean and moving variance. */
    public long parameters(int fanIn) {
        return (long) (fanIn + 1) * units + (batchNorm ? 4L * units : 0);
    }
}
