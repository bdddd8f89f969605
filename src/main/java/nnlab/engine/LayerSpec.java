package nnlab.engine;

/**
 * A dense layer: {@code units} neurons with one activation; {@code dropout} is the fraction of this
 * layer's outputs dropped during training (inverted dropout, 0 = none).
 */
public record LayerSpec(int units, Activation activation, double dropout) {

    public LayerSpec(int units, Activation activation) {
        this(units, activation, 0);
    }

    public static LayerSpec dense(int units, Activation activation) {
        return new LayerSpec(units, activation, 0);
    }
}
