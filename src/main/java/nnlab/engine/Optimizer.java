package nnlab.engine;

/**
 * An optimiser and its hyper-parameters. Plain SGD covers full-batch, mini-batch and one-sample
 * descent (the batch size decides which). Defaults follow Keras.
 */
public record Optimizer(Kind kind, double learningRate, double momentum, double beta1, double beta2,
                        double epsilon, double rho) {

    public enum Kind {
        SGD, MOMENTUM, ADAM, RMSPROP;

        public String id() {
            return Ids.of(this);
        }

        public static Kind fromId(String id, String field) {
            return Ids.parse(values(), id, field, "optimizer");
        }
    }

    public static Optimizer sgd(double learningRate) {
        return new Optimizer(Kind.SGD, learningRate, 0, 0.9, 0.999, 1e-7, 0.9);
    }

    public static Optimizer momentum(double learningRate, double momentum) {
        return new Optimizer(Kind.MOMENTUM, learningRate, momentum, 0.9, 0.999, 1e-7, 0.9);
    }

    public static Optimizer adam(double learningRate) {
        return new Optimizer(Kind.ADAM, learningRate, 0, 0.9, 0.999, 1e-7, 0.9);
    }

    public static Optimizer rmsprop(double learningRate) {
        return new Optimizer(Kind.RMSPROP, learningRate, 0, 0.9, 0.999, 1e-7, 0.9);
    }

    public static Optimizer of(Kind kind, double learningRate) {
        return switch (kind) {
            case SGD -> sgd(learningRate);
            case MOMENTUM -> momentum(learningRate, 0.9);
            case ADAM -> adam(learningRate);
            case RMSPROP -> rmsprop(learningRate);
        };
    }

    public Optimizer withLearningRate(double lr) {
        return new Optimizer(kind, lr, momentum, beta1, beta2, epsilon, rho);
    }

    void validate(String field) {
        checkLearningRate(learningRate, field + ".learningRate");
        InvalidSpecException.require(momentum >= 0 && momentum < 1, field + ".momentum",
                "must be in [0, 1), was " + momentum);
        InvalidSpecException.require(beta1 >= 0 && beta1 < 1, field + ".beta1", "must be in [0, 1), was " + beta1);
        InvalidSpecException.require(beta2 >= 0 && beta2 < 1, field + ".beta2", "must be in [0, 1), was " + beta2);
        InvalidSpecException.require(rho >= 0 && rho < 1, field + ".rho", "must be in [0, 1), was " + rho);
        InvalidSpecException.require(epsilon > 0 && epsilon <= 1, field + ".epsilon",
                "must be in (0, 1], was " + epsilon);
    }

    /** Learning rates must be finite and positive; the upper bound keeps a typo from becoming a NaN run. */
    static void checkLearningRate(double lr, String field) {
        InvalidSpecException.require(Double.isFinite(lr) && lr > 0 && lr <= 100, field,
                "must be a finite number in (0, 100], was " + lr);
    }
}
