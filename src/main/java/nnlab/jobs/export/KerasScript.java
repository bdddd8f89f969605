package nnlab.jobs.export;

import java.util.List;
import nnlab.engine.Activation;
import nnlab.engine.EarlyStopping;
import nnlab.engine.Initializer;
import nnlab.engine.LayerSpec;
import nnlab.engine.Loss;
import nnlab.engine.TrainingConfig;

/** A job as a tf.keras script: Sequential, Dense, compile, fit, evaluate, as the lectures write Keras. */
final class KerasScript {

    private final ExportPlan plan;
    private final Py py = new Py();

    private KerasScript(ExportPlan plan) {
        this.plan = plan;
    }

    static String of(ExportPlan plan) {
        return new KerasScript(plan).write();
    }

    private String write() {
        ScriptParts.docstring(py, plan, Framework.KERAS, "Keras (tf.keras)", ScriptParts.needs(plan, "tensorflow"));
        ScriptParts.dataImports(py, plan, false);
        py.line("import tensorflow as tf");
        ScriptParts.irisImport(py, plan);
        ScriptParts.arguments(py, plan, "Keras");
        ScriptParts.hyperParameters(py, plan);
        py.line("tf.keras.utils.set_random_seed(SEED % 2**32)  # seeds Python, NumPy and TensorFlow");
        DataSection.write(py, plan, List.of(
                "# ---- the data: MNIST from keras.datasets (60,000 training and 10,000 test images of 28×28"
                        + " pixels, 0..255)",
                "(x_train_all, y_train_all), (x_test, y_test) = tf.keras.datasets.mnist.load_data()"));
        if (plan.augmentation() != null) AugmentationSection.keras(py, plan);
        customFunctions();
        model();
        compile();
        weights();
        fit();
        evaluate();
        return py.toString();
    }

    private void customFunctions() {
        boolean leaky = uses(Activation.LEAKY_RELU);
        boolean gaussian = uses(Activation.GAUSSIAN);
        boolean perceptron = plan.loss() == Loss.PERCEPTRON;
        if (!leaky && !gaussian && !perceptron) return;
        py.section("functions Keras does not have under these names");
        if (leaky) {
            py.blank();
            py.line("def leaky_relu(z):");
            py.line("    return tf.nn.leaky_relu(z, alpha=" + Py.number(Activation.LEAKY_SLOPE) + ")  # nnlab's slope for z < 0");
        }
        if (gaussian) {
            py.blank();
            py.line("def gaussian(z):");
            py.line("    return tf.exp(-tf.square(z))  # e^(−z²)");
        }
        if (perceptron) {
            py.blank();
            py.line("def perceptron_loss(y_true, z):");
            py.line("    \"\"\"Rosenblatt's rule: max(0, −t·z) with t = ±1 from the 0/1 labels; its gradient step is"
                    + " w += lr·(y − ŷ)·x.\"\"\"");
            py.line("    t = 2.0 * y_true - 1.0");
            py.line("    return tf.reduce_mean(tf.nn.relu(-t * z), axis=-1)");
        }
        py.blank();
    }

    private boolean uses(Activation a) {
        return plan.layers().stream().anyMatch(l -> l.activation() == a);
    }

    private void model() {
        TrainingConfig c = plan.config();
        py.section("the model: " + plan.architecture());
        py.line("# every Dense layer: " + initWords() + (c.l1() > 0 || c.l2() > 0 ? "; L1/L2 on its kernel" : ""));
        py.line("dense_options = dict(kernel_initializer=" + kernelInit() + ", bias_initializer=" + biasInit()
                + (c.l1() > 0 || c.l2() > 0 ? ",\n                     kernel_regularizer=tf.keras.regularizers.L1L2(l1=L1, l2=L2)" : "")
                + ")");
        py.line("model = tf.keras.Sequential([");
        if (plan.mnist()) {
            py.line("    tf.keras.Input(shape=(28, 28)),");
            py.line("    tf.keras.layers.Flatten(),  # 28×28 pixels → 784 inputs");
        } else {
            py.line("    tf.keras.Input(shape=(" + plan.network().inputs() + ",)),");
        }
        List<LayerSpec> layers = plan.layers();
        for (int l = 0; l < layers.size(); l++) {
            LayerSpec layer = layers.get(l);
            boolean last = l == layers.size() - 1;
            StringBuilder dense = new StringBuilder("    tf.keras.layers.Dense(").append(layer.units())
                    .append(", activation=").append(activation(layer.activation())).append(", **dense_options),");
            if (last && layer.activation() == Activation.STEP) {
                dense.append("  # step output: the layer gives z, and a class is z > 0 (Rosenblatt's threshold unit)");
            } else if (last) {
                dense.append("  # the output layer");
            }
            py.line(dense.toString());
            if (layer.batchNorm()) {
                py.line("    tf.keras.layers.BatchNormalization(momentum=" + Py.number(LayerSpec.NORM_MOMENTUM)
                        + ", epsilon=" + Py.number(LayerSpec.NORM_EPSILON) + "),  # after the activation, where nnlab"
                        + " normalises: γ·(a − μ)/√(σ² + ε) + β");
            }
            if (layer.dropout() > 0) {
                py.line("    tf.keras.layers.Dropout(" + Py.number(layer.dropout()) + "),  # drops this fraction of the"
                        + " outputs while training");
            }
        }
        py.line("])");
        py.line("model.summary()  # " + String.format(java.util.Locale.ROOT, "%,d", plan.parameters())
                + " parameters: (inputs + 1) × units per Dense layer" + (plan.batchNorm() ? ", 4 per normalised unit"
                + " (γ, β, and the moving mean and variance: " + String.format(java.util.Locale.ROOT, "%,d",
                plan.movingStatistics()) + " not trainable)" : ""));
        if (plan.network().initialWeights() != null) {
            ScriptParts.initialWeights(py, plan.network().initialWeights());
            py.line("dense_layers = [layer for layer in model.layers if isinstance(layer, tf.keras.layers.Dense)]");
            py.line("for layer, kernel, bias in zip(dense_layers, START_WEIGHTS[\"kernels\"], START_WEIGHTS[\"biases\"]):");
            py.line("    layer.set_weights([np.array(kernel, dtype=\"float32\"), np.array(bias, dtype=\"float32\")])");
            if (plan.network().initialWeights().batchNorm() != null) setNorms("", "START_WEIGHTS");
        }
    }

    private static String activation(Activation a) {
        return switch (a) {
            case LEAKY_RELU -> "leaky_relu";
            case GAUSSIAN -> "gaussian";
            case STEP -> "\"linear\"";
            case CLIPPED_LINEAR -> "lambda z: tf.clip_by_value(z, 0.0, 1.0)";
            default -> Py.string(a.id());
        };
    }

    private String kernelInit() {
        Initializer init = plan.network().init();
        return switch (init) {
            case GLOROT -> "\"glorot_uniform\"";
            // He normal as nnlab draws it, N(0, 2 / fan_in), not truncated as Keras's "he_normal" is
            case HE -> "tf.keras.initializers.VarianceScaling(scale=2.0, mode=\"fan_in\","
                    + " distribution=\"untruncated_normal\")";
            case UNIFORM -> "tf.keras.initializers.RandomUniform(-0.5, 0.5)";  // TensorFlow Playground's
            case ZEROS -> "\"zeros\"";
        };
    }

    private String initWords() {
        return switch (plan.network().init()) {
            case GLOROT -> "Glorot uniform kernels and zero biases, Keras's defaults";
            case HE -> "He normal kernels, N(0, 2 / fan_in) untruncated as nnlab draws them, and zero biases";
            case UNIFORM -> "TensorFlow Playground's start: kernels uniform in [-0.5, 0.5], biases 0.1";
            case ZEROS -> "every weight and bias 0 (the units stay identical)";
        };
    }

    private String biasInit() {
        return plan.network().init() == Initializer.UNIFORM ? "tf.keras.initializers.Constant(0.1)" : "\"zeros\"";
    }

    private void compile() {
        py.section("loss and optimiser");
        py.line("model.compile(");
        py.line("    optimizer=" + optimizer() + ",");
        py.line("    loss=" + loss());
        py.line("    metrics=" + metrics());
        py.line(")");
    }

    private String optimizer() {
        return switch (plan.config().optimizer().kind()) {
            case SGD -> "tf.keras.optimizers.SGD(learning_rate=LEARNING_RATE)";
            // Keras's momentum: v ← μ·v − lr·g, w ← w + v, as nnlab's
            case MOMENTUM -> "tf.keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=MOMENTUM)";
            case ADAM -> "tf.keras.optimizers.Adam(learning_rate=LEARNING_RATE, beta_1=BETA_1, beta_2=BETA_2,"
                    + " epsilon=EPSILON)";
            case RMSPROP -> "tf.keras.optimizers.RMSprop(learning_rate=LEARNING_RATE, rho=RHO, epsilon=EPSILON)";
        };
    }

    /** The loss argument, its comma and a comment. */
    private String loss() {
        return switch (plan.loss()) {
            case SPARSE_CATEGORICAL_CROSSENTROPY -> "\"sparse_categorical_crossentropy\",  # class indices as targets,"
                    + " softmax outputs";
            case BINARY_CROSSENTROPY -> "\"binary_crossentropy\",  # 0/1 targets, a sigmoid output";
            case MSE -> "\"mse\",  # mean squared error";
            case MAE -> "\"mae\",  # mean absolute error";
            case HINGE -> "\"hinge\",  # max(0, 1 − t·z): Keras turns 0/1 labels into t = ±1";
            case PERCEPTRON -> "perceptron_loss,";
        };
    }

    /** The metrics argument, its comma and a comment. */
    private String metrics() {
        if (!plan.data().classification()) return "[\"mae\"],";
        if (plan.classIndexTargets() || plan.threshold() == 0.5) return "[\"accuracy\"],";
        return "[tf.keras.metrics.BinaryAccuracy(name=\"accuracy\", threshold=0.0)],  # class 1 when the output is"
                + " above 0";
    }

    private void weights() {
        py.section("the job's trained weights (Keras's layout: kernel[input][unit], bias[unit])");
        py.line("if args.weights:");
        py.line("    with open(args.weights) as f:");
        py.line("        trained = json.load(f)");
        py.line("    dense_layers = [layer for layer in model.layers if isinstance(layer, tf.keras.layers.Dense)]");
        py.line("    for layer, kernel, bias in zip(dense_layers, trained[\"kernels\"], trained[\"biases\"]):");
        py.line("        layer.set_weights([np.array(kernel, dtype=\"float32\"), np.array(bias, dtype=\"float32\")])");
        if (plan.batchNorm()) setNorms("    ", "trained");
    }

    /** Each BatchNormalization layer's weights in Keras's order: γ, β, moving mean, moving variance. */
    private void setNorms(String indent, String document) {
        py.line(indent + "norm_layers = [layer for layer in model.layers if isinstance(layer,"
                + " tf.keras.layers.BatchNormalization)]");
        py.line(indent + "for layer, norm in zip(norm_layers, " + ScriptParts.normsOf(document) + "):");
        py.line(indent + "    layer.set_weights([np.array(norm[k], dtype=\"float32\") for k in (\"gamma\", \"beta\","
                + " \"movingMean\", \"movingVariance\")])");
    }

    private void fit() {
        ExportedData d = plan.data();
        EarlyStopping es = plan.config().earlyStopping();
        py.section("training: " + plan.stepsPerEpoch() + " steps per epoch");
        py.line("callbacks = []");
        if (es != null) {
            py.line("callbacks.append(tf.keras.callbacks.EarlyStopping(monitor=" + (d.hasValidation() ? "\"val_loss\"" : "\"loss\"")
                    + ", patience=PATIENCE, min_delta=MIN_DELTA, restore_best_weights="
                    + Py.bool(es.restoreBestWeights()) + "))");
        }
        py.line("if not args.evaluate_only:");
        if (plan.augmentation() != null) {
            py.line("    model.fit(train_data, epochs=EPOCHS," + (d.hasValidation() ? " validation_data=(x_val, y_val)," : "")
                    + " callbacks=callbacks, verbose=2)  # the images and their new copies");
            return;
        }
        py.line("    model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=EPOCHS, shuffle=SHUFFLE,"
                + (d.hasValidation() ? " validation_data=(x_val, y_val)," : "") + " callbacks=callbacks, verbose=2)");
    }

    private void evaluate() {
        ExportedData d = plan.data();
        String part = d.hasTest() ? "test" : "train";
        py.section(d.hasTest() ? "the test examples: " + d.testCount() + " / " + plan.config().batchSize() + " → "
                + plan.testBatches() + " test batches" : "evaluation: this data set has no test part, so the training"
                + " examples");
        py.line("loss, metric = model.evaluate(x_" + part + ", y_" + part + ", batch_size=BATCH_SIZE, verbose=0)");
        py.line("print(f\"" + part + " loss: {loss:.4f}\")");
        py.line("print(f\"" + part + (d.classification() ? " accuracy" : " mae") + ": {metric:.4f}\")");
    }
}
