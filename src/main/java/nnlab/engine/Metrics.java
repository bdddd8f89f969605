package nnlab.engine;

/**
 * Metrics of one split. NaN where a metric does not apply (accuracy for regression, MAE/R² for
 * classification).
 */
public record Metrics(double loss, double accuracy, double mae, double r2) {

    public static final Metrics NONE = new Metrics(Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    public boolean finite() {
        return Double.isFinite(loss);
    }
}
