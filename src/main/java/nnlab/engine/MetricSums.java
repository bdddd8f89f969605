package nnlab.engine;

/** Running sums from which one split's {@link Metrics} are computed. */
final class MetricSums {

    private final boolean classification;
    private double loss;
    private long examples;
    private long correct;
    private double absError;
    private double sqError;
    private double targetSum;
    private double targetSqSum;
    private long values;

    MetricSums(boolean classification) {
        this.classification = classification;
    }

    void addLoss(double exampleLoss) {
        loss += exampleLoss;
        examples++;
    }

    void addPrediction(boolean right) {
        if (right) correct++;
    }

    void addRegression(double prediction, double target) {
        double e = prediction - target;
        absError += Math.abs(e);
        sqError += e * e;
        targetSum += target;
        targetSqSum += target * target;
        values++;
    }

    long examples() {
        return examples;
    }

    double meanLoss() {
        return examples == 0 ? Double.NaN : loss / examples;
    }

    Metrics metrics() {
        if (examples == 0) return Metrics.NONE;
        if (classification) return new Metrics(meanLoss(), (double) correct / examples, Double.NaN, Double.NaN);
        double totalSq = targetSqSum - targetSum * targetSum / values;
        double r2 = totalSq > 0 ? 1 - sqError / totalSq : Double.NaN;
        return new Metrics(meanLoss(), Double.NaN, absError / values, r2);
    }
}
