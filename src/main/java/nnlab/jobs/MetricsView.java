package nnlab.jobs;

import nnlab.engine.Metrics;

/** One split's metrics as JSON: null where a metric does not apply (JSON has no NaN). */
public record MetricsView(Double loss, Double accuracy, Double mae, Double r2) {

    /** Null when the split does not exist (no loss). */
    public static MetricsView of(Metrics m) {
        if (m == null || Double.isNaN(m.loss())) return null;
        return new MetricsView(value(m.loss()), value(m.accuracy()), value(m.mae()), value(m.r2()));
    }

    static Double value(double v) {
        return Double.isFinite(v) ? v : null;
    }
}
