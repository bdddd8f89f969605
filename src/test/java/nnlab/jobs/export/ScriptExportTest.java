package nnlab.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import nnlab.data.Iris;
import nnlab.jobs.JobSpec;
import nnlab.jobs.JobSpecMapper;
import nnlab.jobs.LimitsProperties;
import nnlab.platform.InvalidInputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.http.HttpStatus;

/** The scripts, CSVs and refusals of the export, for each kind of data set and each feature of a spec. */
class ScriptExportTest {

    static final JobSpecMapper MAPPER = new JobSpecMapper(new Binder(new MapConfigurationPropertySource(Map.of()))
            .bindOrCreate("nnlab.limits", LimitsProperties.class));

    static final String LECTURE_MNIST = """
            {"dataset": {"name": "mnist"},
             "model": {"layers": [{"units": 128, "activation": "relu"}, {"units": 64, "activation": "relu"},
                                  {"units": 10, "activation": "softmax"}]},
             "training": {"optimizer": "adam", "learningRate": 0.001, "batchSize": 32, "epochs": 5}, "seed": 42}""";

    static final String IRIS = """
            {"dataset": {"name": "iris", "scaling": "standard"},
             "model": {"layers": [{"units": 100, "activation": "relu"}, {"units": 3, "activation": "softmax"}]},
             "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 16, "epochs": 30,
                          "validationSplit": 0.2, "earlyStopping": {"patience": 3, "restoreBestWeights": true}},
             "seed": 5}""";

    /** One spec per data set kind and per feature worth a line of its own in a script. */
    static final Map<String, String> SPECS = new LinkedHashMap<>();

    static {
        SPECS.put("mnist", LECTURE_MNIST);
        SPECS.put("mnist-validation-dropout-standard", """
                {"dataset": {"name": "mnist", "trainLimit": 1000, "testLimit": 200, "validationSplit": 0.1,
                             "scaling": "standard"},
                 "model": {"layers": [{"units": 32, "activation": "relu", "dropout": 0.2},
                                      {"units": 10, "activation": "softmax"}]},
                 "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 50, "epochs": 2}, "seed": 1}""");
        SPECS.put("iris", IRIS);
        SPECS.put("boston", """
                {"dataset": {"name": "boston", "features": ["RM", "CRIM", "INDUS", "NOX", "AGE", "TAX"],
                             "scaling": "standard"},
                 "model": {"layers": [{"units": 100, "activation": "relu"}, {"units": 1, "activation": "relu"}]},
                 "training": {"optimizer": "momentum", "momentum": 0.8, "learningRate": 0.001, "batchSize": 32,
                              "epochs": 20, "loss": "mse", "l2": 0.001}, "seed": 3}""");
        SPECS.put("sin", """
                {"dataset": {"name": "sin", "scaling": "minmax", "samples": 200},
                 "model": {"layers": [{"units": 20, "activation": "tanh"}, {"units": 1, "activation": "linear"}]},
                 "training": {"optimizer": "rmsprop", "learningRate": 0.01, "batchSize": 20, "epochs": 50,
                              "loss": "mae", "earlyStopping": {"patience": 5, "minDelta": 0.001}}, "seed": 9}""");
        SPECS.put("playground-features-uniform-l1", """
                {"dataset": {"name": "playground", "kind": "circle", "noise": 0.1,
                             "features": ["x1", "x2", "x1sq", "x2sq", "x1x2", "sinx1", "sinx2"]},
                 "model": {"layers": [{"units": 4, "activation": "tanh"}, {"units": 1, "activation": "tanh"}],
                           "init": "uniform"},
                 "training": {"optimizer": "sgd", "learningRate": 0.03, "batchSize": 10, "epochs": 20, "l1": 0.001},
                 "seed": 11}""");
        SPECS.put("playground-regression", """
                {"dataset": {"name": "playground", "kind": "reg-plane", "scaling": "standard"},
                 "model": {"layers": [{"units": 3, "activation": "elu"}, {"units": 1, "activation": "linear"}]},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 10, "epochs": 5}, "seed": 12}""");
        SPECS.put("xor-hand-solution", """
                {"dataset": {"name": "xor"},
                 "model": {"layers": [{"units": 2, "activation": "relu"}, {"units": 1, "activation": "linear"}],
                           "weights": {"kernels": [[[1, 1], [1, 1]], [[1], [-2]]], "biases": [[0, -1], [0]]}},
                 "training": {"optimizer": "sgd", "learningRate": 0.01, "batchSize": 4, "epochs": 1, "loss": "mse"},
                 "seed": 1}""");
        SPECS.put("separable-perceptron", """
                {"dataset": {"name": "separable"},
                 "model": {"layers": [{"units": 1, "activation": "step"}], "init": "zeros"},
                 "training": {"optimizer": "sgd", "learningRate": 1, "batchSize": 1, "epochs": 5}, "seed": 2}""");
        SPECS.put("points-three-classes-he", """
                {"dataset": {"name": "points", "classes": 3, "trainRatio": 0.5,
                             "points": [[1, 1, 0], [1.5, 1, 0], [-1, 2, 1], [-2, 1.5, 1], [0, -2, 2], [0.5, -3, 2]]},
                 "model": {"layers": [{"units": 6, "activation": "leaky_relu"}, {"units": 6, "activation": "gaussian"},
                                      {"units": 3, "activation": "softmax"}], "init": "he"},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 2, "epochs": 10}, "seed": 4}""");
        SPECS.put("gauss-sigmoid-softplus", """
                {"dataset": {"name": "playground", "kind": "gauss", "scaling": "minmax", "validationSplit": 0.25},
                 "model": {"layers": [{"units": 3, "activation": "softplus"}, {"units": 1, "activation": "sigmoid"}]},
                 "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 8, "epochs": 5}, "seed": 6}""");
        SPECS.put("circle-batch-norm", """
                {"dataset": {"name": "playground", "kind": "circle", "scaling": "standard"},
                 "model": {"layers": [{"units": 8, "activation": "relu", "batchNorm": true},
                                      {"units": 6, "activation": "tanh", "batchNorm": true},
                                      {"units": 2, "activation": "softmax"}]},
                 "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 10, "epochs": 5}, "seed": 13}""");
        SPECS.put("mnist-augmentation", """
                {"dataset": {"name": "mnist", "trainLimit": 1000, "testLimit": 200, "validationSplit": 0.1,
                             "augmentation": {"shift": 2, "rotation": 10, "copies": 2, "seed": 7}},
                 "model": {"layers": [{"units": 32, "activation": "relu"}, {"units": 10, "activation": "softmax"}]},
                 "training": {"optimizer": "adam", "learningRate": 0.001, "batchSize": 50, "epochs": 3}, "seed": 1}""");
        SPECS.put("mnist-augmentation-standard", """
                {"dataset": {"name": "mnist", "trainLimit": 500, "testLimit": 100, "scaling": "standard",
                             "augmentation": {"rotation": 15}},
                 "model": {"layers": [{"units": 10, "activation": "softmax"}]},
                 "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 100, "epochs": 2}, "seed": 3}""");
        SPECS.put("xor-kind-hinge", """
                {"dataset": {"name": "playground", "kind": "xor"},
                 "model": {"layers": [{"units": 4, "activation": "sigmoid"}, {"units": 1, "activation": "linear"}]},
                 "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 8, "epochs": 5, "loss": "hinge",
                              "shuffle": false}, "seed": 8}""");
    }

    static JobSpec spec(String json) {
        try {
            return MAPPER.withSeed(new ObjectMapper().readValue(json, JobSpec.class));
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    static ExportPlan plan(String name) {
        return CodeExports.plan("j-" + name, spec(SPECS.get(name)), MAPPER);
    }

    static String keras(String name) {
        return KerasScript.of(plan(name));
    }

    static String torch(String name) {
        return TorchScript.of(plan(name));
    }

    @Test
    void theLecturesMnistModelInKerasSpeaksTheLecturesTerms() {
        String k = keras("mnist");
        assertThat(k).contains("(x_train_all, y_train_all), (x_test, y_test) = tf.keras.datasets.mnist.load_data()",
                "tf.keras.Input(shape=(28, 28))", "tf.keras.layers.Flatten(),",
                "dense_options = dict(kernel_initializer=\"glorot_uniform\", bias_initializer=\"zeros\")",
                "tf.keras.layers.Dense(128, activation=\"relu\", **dense_options),",
                "tf.keras.layers.Dense(64, activation=\"relu\", **dense_options),",
                "tf.keras.layers.Dense(10, activation=\"softmax\", **dense_options),  # the output layer",
                "109,386 parameters", "1875 steps per epoch", "313 test batches", "x_train = x_train / 255.0",
                "\"sparse_categorical_crossentropy\"", "tf.keras.optimizers.Adam(learning_rate=LEARNING_RATE",
                "LEARNING_RATE = 0.001", "BATCH_SIZE = 32", "EPOCHS = 5", "SEED = 42",
                "BETA_1, BETA_2, EPSILON = 0.9, 0.999, 1.0E-7", "metrics=[\"accuracy\"]",
                "model.fit(x_train, y_train, batch_size=BATCH_SIZE, epochs=EPOCHS, shuffle=SHUFFLE,",
                "the first 60000 training images and the first 10000 test images");
        assertThat(k).doesNotContain("x_val", "csv", "load_iris");
    }

    @Test
    void theLecturesMnistModelInPyTorchComesThroughTorchvision() {
        String t = torch("mnist");
        assertThat(t).contains("from torchvision import datasets", "datasets.MNIST(\"data\", train=True, download=True)",
                "nn.Flatten(),", "nn.Linear(784, 128),  # Dense 128", "nn.Linear(128, 64)",
                "nn.Linear(64, 10),  # Dense 10, the output layer: the softmax is inside CrossEntropyLoss",
                "nn.CrossEntropyLoss()  # sparse categorical cross-entropy", "torch.optim.Adam(model.parameters(),"
                        + " lr=LEARNING_RATE, betas=(BETA_1, BETA_2), eps=EPSILON)",
                "nn.init.xavier_uniform_(layer.weight)", "1875 steps per epoch", "Needs:  torch, torchvision, numpy.",
                "(out.argmax(dim=1) == y)");
        assertThat(t).doesNotContain("nn.Softmax");
    }

    @Test
    void mnistValidationIsTheLastPartOfTheTrainingImagesAndDropoutFollowsItsLayer() {
        String k = keras("mnist-validation-dropout-standard");
        assertThat(k).contains("x_train, y_train = x_train_all[:1000], y_train_all[:1000]",
                "x_val, y_val = x_train[900:], y_train[900:]", "x_train, y_train = x_train[:900], y_train[:900]",
                "x_test, y_test = x_test[:200], y_test[:200]", "tf.keras.layers.Dropout(0.2)",
                "mean = x_train.mean(axis=0)", "x_val = (x_val - mean) / std", "validation_data=(x_val, y_val)",
                "18 steps per epoch", "4 test batches", "tf.keras.optimizers.SGD(learning_rate=LEARNING_RATE)");
        assertThat(torch("mnist-validation-dropout-standard")).contains("nn.Dropout(0.2)", "model.train()  # dropout on",
                "val_loss, val_metric = evaluate(x_val, y_val)");
    }

    @Test
    void irisComesFromScikitLearnWithTheJobsOwnSplitAndEarlyStopping() {
        ExportPlan plan = plan("iris");
        ExportedData d = plan.data();
        assertThat(d.source()).isEqualTo(ExportedData.Source.IRIS);
        // every flower once, in one part; the split is stratified: 10 of each species in the test part
        List<Integer> rows = new ArrayList<>();
        for (String part : ExportedData.PARTS) d.rows().part(part).forEach(r -> rows.add((int) r[0]));
        assertThat(rows).hasSize(150).doesNotHaveDuplicates().allMatch(r -> r >= 0 && r < 150);
        assertThat(d.testCount()).isEqualTo(30);
        assertThat(d.validationCount()).isEqualTo(24);
        int[] species = new int[3];
        for (double[] r : d.rows().test()) species[(int) Iris.load().y((int) r[0], 0)]++;
        assertThat(species).containsExactly(10, 10, 10);

        String k = KerasScript.of(plan);
        assertThat(k).contains("from sklearn.datasets import load_iris", "iris = load_iris()", "TRAIN_ROWS = [",
                "VALIDATION_ROWS = [", "TEST_ROWS = [", "x_test, y_test = x_all[TEST_ROWS], y_all[TEST_ROWS]",
                "setosa 0, versicolor 1, virginica 2", "std = x_train.std(axis=0)",
                "callbacks.append(tf.keras.callbacks.EarlyStopping(monitor=\"val_loss\", patience=PATIENCE,"
                        + " min_delta=MIN_DELTA, restore_best_weights=True))", "PATIENCE, MIN_DELTA = 3, 0",
                "Needs:  tensorflow, numpy, scikit-learn.");
        String testRows = Arrays.stream(d.rows().test().stream().mapToInt(r -> (int) r[0]).toArray())
                .mapToObj(String::valueOf).reduce((a, b) -> a + ", " + b).orElseThrow();
        assertThat(k.replaceAll("\\n\\s+", " ")).contains("TEST_ROWS = [" + testRows + "]");
        assertThat(TorchScript.of(plan)).contains("import copy", "best_state = copy.deepcopy(model.state_dict())",
                "model.load_state_dict(best_state)", "monitored = val_loss");
    }

    @Test
    void bostonComesAsACsvOfItsRowsWithTheirPart() {
        ExportPlan plan = plan("boston");
        String csv = CodeExports.csv(plan.data());
        List<String> lines = csv.lines().toList();
        assertThat(lines.get(0)).isEqualTo("RM,CRIM,INDUS,NOX,AGE,TAX,MEDV,split");
        assertThat(lines).hasSize(507);
        // the first tract of the file, with a float's digits: RM 6.575, CRIM 0.00632, ..., MEDV 24
        assertThat(lines).contains("6.575,0.00632,2.31,0.538,65.2,296,24,train")
                .as("or it is a test row").hasSizeGreaterThan(0);
        assertThat(lines.stream().filter(l -> l.endsWith(",test")).count()).isEqualTo(plan.data().testCount());
        assertThat(lines.stream().filter(l -> l.endsWith(",train")).count()).isEqualTo(plan.data().trainCount());

        String k = KerasScript.of(plan);
        assertThat(k).contains("COLUMNS = [\"RM\", \"CRIM\", \"INDUS\", \"NOX\", \"AGE\", \"TAX\"]", "TARGET = \"MEDV\"",
                "parser.add_argument(\"--data\", default=\"nnlab-job-j-boston-data.csv\"",
                "kernel_regularizer=tf.keras.regularizers.L1L2(l1=L1, l2=L2))", "L1, L2 = 0, 0.001",
                "tf.keras.optimizers.SGD(learning_rate=LEARNING_RATE, momentum=MOMENTUM)", "MOMENTUM = 0.8",
                "tf.keras.layers.Dense(1, activation=\"relu\", **dense_options)", "\"mse\",  # mean squared error", "metrics=[\"mae\"]",
                "# targets: one column of values to predict");
        assertThat(TorchScript.of(plan)).contains("loss = loss_fn(model(xb), yb) + penalty()", "nn.MSELoss()",
                "torch.optim.SGD(model.parameters(), lr=LEARNING_RATE, momentum=MOMENTUM)",
                "(out - y).abs().mean().item()");
    }

    @Test
    void theFirstBostonRowIsInTheCsvWhicheverPartItIsIn() {
        String csv = CodeExports.csv(plan("boston").data());
        assertThat(csv).containsPattern("(?m)^6\\.575,0\\.00632,2\\.31,0\\.538,65\\.2,296,24,(train|test)$");
    }

    @Test
    void theSineSetIsRegeneratedExactlyIntoItsCsv() {
        ExportPlan plan = plan("sin");
        String csv = CodeExports.csv(plan.data());
        assertThat(csv.lines().findFirst()).contains("x,y,split");
        assertThat(csv.lines().count()).isEqualTo(201);
        assertThat(KerasScript.of(plan)).contains("RMSprop(learning_rate=LEARNING_RATE, rho=RHO, epsilon=EPSILON)",
                "\"mae\",  # mean absolute error", "low = x_train.min(axis=0)", "x_test = (x_test - low) / span",
                "monitor=\"loss\"", "PATIENCE, MIN_DELTA = 5, 0.001  # early stopping on the training loss");
        assertThat(TorchScript.of(plan)).contains("nn.L1Loss()", "alpha=RHO", "monitored = train_loss");
    }

    @Test
    void playgroundPointsComeWithTheirFeatureMapAndTheirPart() {
        ExportPlan plan = plan("playground-features-uniform-l1");
        String csv = CodeExports.csv(plan.data());
        assertThat(csv.lines().findFirst()).contains("x1,x2,label,split");
        assertThat(csv.lines().skip(1)).allMatch(l -> l.matches("-?[0-9.E-]+,-?[0-9.E-]+,[01],(train|test)"));
        String k = KerasScript.of(plan);
        assertThat(k).contains("def playground_features(points):",
                "X1, X2, X1², X2², X1·X2, sin(X1), sin(X2)",
                "return np.stack([x1, x2, x1 ** 2, x2 ** 2, x1 * x2, np.sin(x1), np.sin(x2)], axis=1)",
                "x_test = playground_features(x_test)", "tf.keras.initializers.RandomUniform(-0.5, 0.5)",
                "bias_initializer=tf.keras.initializers.Constant(0.1),",
                "tf.keras.metrics.BinaryAccuracy(name=\"accuracy\", threshold=0.0)", "L1, L2 = 0.001, 0",
                "# scaling: none", "\"mse\"", "tf.keras.Input(shape=(7,))");
        assertThat(TorchScript.of(plan)).contains("nn.init.uniform_(layer.weight, -0.5, 0.5)",
                "nn.init.constant_(layer.bias, 0.1)", "predicted = (out > 0).float()", "nn.Linear(7, 4)", "nn.Tanh()");
    }

    @Test
    void aRegressionPlaneHasValuesNotClasses() {
        assertThat(keras("playground-regression")).contains("\"elu\"", "metrics=[\"mae\"]", "test mae");
        assertThat(torch("playground-regression")).contains("nn.ELU()", "nn.MSELoss()");
    }

    @Test
    void xorStartsFromTheHandSolutionAndHasNoTestPart() {
        String k = keras("xor-hand-solution");
        assertThat(k).contains("START_WEIGHTS = {\"kernels\": [[[1, 1], [1, 1]], [[1], [-2]]], \"biases\": [[0, -1], [0]]}",
                "layer.set_weights(", "this data set has no test part",
                "model.evaluate(x_train, y_train, batch_size=BATCH_SIZE, verbose=0)");
        assertThat(k).doesNotContain("x_test");
        assertThat(torch("xor-hand-solution")).contains("START_WEIGHTS", "layer.weight.copy_(torch.tensor(kernel).T)",
                "predicted = (out > 0.5).float()").doesNotContain("x_test");
        assertThat(CodeExports.csv(plan("xor-hand-solution").data())).isEqualTo(
                "x1,x2,label,split\n0,0,0,train\n0,1,1,train\n1,0,1,train\n1,1,0,train\n");
    }

    @Test
    void thePerceptronLearnsByRosenblattsRule() {
        String k = keras("separable-perceptron");
        assertThat(k).contains("def perceptron_loss(y_true, z):", "loss=perceptron_loss,", "activation=\"linear\"",
                "Rosenblatt's threshold unit", "kernel_initializer=\"zeros\", bias_initializer=\"zeros\"", "threshold=0.0");
        assertThat(torch("separable-perceptron")).contains("def loss_fn(z, y):", "torch.clamp(-t * z, min=0).mean()",
                "nn.init.zeros_(layer.weight)");
    }

    @Test
    void activationsKerasLacksAreWrittenOutAndHeStartsUntruncated() {
        String k = keras("points-three-classes-he");
        assertThat(k).contains("def leaky_relu(z):", "alpha=0.01", "def gaussian(z):", "activation=leaky_relu",
                "activation=gaussian", "VarianceScaling(scale=2.0, mode=\"fan_in\", distribution=\"untruncated_normal\")");
        assertThat(torch("points-three-classes-he")).contains("nn.LeakyReLU(0.01)", "class Gaussian(nn.Module):",
                "Gaussian(),", "nn.init.kaiming_normal_(layer.weight, nonlinearity=\"relu\")");
    }

    @Test
    void sigmoidOutputsUseBinaryCrossEntropyAndHingeItsOwnThreshold() {
        assertThat(keras("gauss-sigmoid-softplus")).contains("\"binary_crossentropy\"", "\"softplus\"",
                "metrics=[\"accuracy\"]", "x_val = playground_features(x_val)", "# targets: 0 or 1");
        assertThat(torch("gauss-sigmoid-softplus")).contains("nn.BCELoss()", "nn.Sigmoid()", "nn.Softplus()",
                "predicted = (out > 0.5).float()");
        assertThat(keras("xor-kind-hinge")).contains("\"hinge\"", "SHUFFLE = False", "threshold=0.0");
        assertThat(torch("xor-kind-hinge")).contains("torch.clamp(1 - t * out, min=0).mean()", "shuffle=SHUFFLE");
    }

    @Test
    void batchNormalisationFollowsTheActivationWithTheEnginesMomentumAndEpsilon() {
        String k = keras("circle-batch-norm");
        // Dense then its activation, then the normalisation: the engine's order (BatchNorm normalises a, not z)
        assertThat(k).contains("    tf.keras.layers.Dense(8, activation=\"relu\", **dense_options),\n"
                        + "    tf.keras.layers.BatchNormalization(momentum=0.99, epsilon=0.001),  # after the activation",
                "    tf.keras.layers.Dense(6, activation=\"tanh\", **dense_options),\n"
                        + "    tf.keras.layers.BatchNormalization(momentum=0.99, epsilon=0.001),",
                // (2 + 1)·8 + 4·8 + (8 + 1)·6 + 4·6 + (6 + 1)·2 = 148, of which 2·(8 + 6) = 28 moving statistics
                "148 parameters: (inputs + 1) × units per Dense layer, 4 per normalised unit",
                "28 not trainable", "Dense 8 relu → BatchNorm → Dense 6 tanh → BatchNorm → Dense 2 softmax",
                "norm_layers = [layer for layer in model.layers if isinstance(layer, tf.keras.layers.BatchNormalization)]",
                "for layer, norm in zip(norm_layers, [n for n in trained.get(\"batchNorm\") or [] if n is not None]):",
                "(\"gamma\", \"beta\", \"movingMean\", \"movingVariance\")");
        assertThat(k.indexOf("BatchNormalization(")).isLessThan(k.indexOf("Dense(6,"));
        String t = torch("circle-batch-norm");
        assertThat(t).contains("    nn.Linear(2, 8),  # Dense 8\n    nn.ReLU(),\n"
                        + "    nn.BatchNorm1d(8, eps=0.001, momentum=0.01),  # after the activation",
                "    nn.Tanh(),\n    nn.BatchNorm1d(6, eps=0.001, momentum=0.01),",
                "# 120: nnlab's 148 less the 28 moving statistics", "layer.running_mean.copy_(torch.tensor(norm[\"movingMean\"]))",
                "layer.running_var.copy_(torch.tensor(norm[\"movingVariance\"]))", "unbiased variance");
        assertThat(plan("circle-batch-norm").parameters()).isEqualTo(148);
    }

    @Test
    void startingWeightsWithBatchNormalisationAreSetToo() {
        JobSpec s = spec(SPECS.get("circle-batch-norm").replace("\"activation\": \"softmax\"}]}",
                "\"activation\": \"softmax\"}], \"weights\": " + CIRCLE_NORM_WEIGHTS + "}"));
        ExportPlan plan = CodeExports.plan("j-start", s, MAPPER);
        assertThat(KerasScript.of(plan)).contains("\"batchNorm\": [{\"gamma\": [", "\"movingVariance\": [",
                "for layer, norm in zip(norm_layers, [n for n in START_WEIGHTS.get(\"batchNorm\") or [] if n is not None]):");
        assertThat(TorchScript.of(plan)).contains("[n for n in START_WEIGHTS.get(\"batchNorm\") or [] if n is not None]");
    }

    /** The circle network's weights: every kernel 0.1, biases 0, γ 2, β 0.5, moving mean 0.25 and variance 4. */
    static final String CIRCLE_NORM_WEIGHTS;

    static {
        StringBuilder w = new StringBuilder("{\"kernels\": [");
        int[][] shapes = {{2, 8}, {8, 6}, {6, 2}};
        for (int l = 0; l < 3; l++) {
            w.append(l > 0 ? ", " : "").append('[');
            for (int i = 0; i < shapes[l][0]; i++) {
                w.append(i > 0 ? ", " : "").append('[').append(String.join(", ", java.util.Collections.nCopies(shapes[l][1], "0.1"))).append(']');
            }
            w.append(']');
        }
        w.append("], \"biases\": [").append(zeros(8)).append(", ").append(zeros(6)).append(", ").append(zeros(2)).append("], \"batchNorm\": [");
        for (int units : new int[] {8, 6}) {
            w.append("{\"gamma\": ").append(filled(units, "2")).append(", \"beta\": ").append(filled(units, "0.5"))
                    .append(", \"movingMean\": ").append(filled(units, "0.25")).append(", \"movingVariance\": ")
                    .append(filled(units, "4")).append("}, ");
        }
        CIRCLE_NORM_WEIGHTS = w.append("null]}").toString();
    }

    private static String zeros(int n) {
        return filled(n, "0");
    }

    private static String filled(int n, String v) {
        return "[" + String.join(", ", java.util.Collections.nCopies(n, v)) + "]";
    }

    @Test
    void augmentedMnistLoadsTheOriginalsAndDrawsNewCopiesEveryEpoch() {
        String k = keras("mnist-augmentation");
        // 900 images after the validation part, each with 2 copies: 2,700 an epoch, 54 steps of 50
        assertThat(k).contains("x_train, y_train = x_train_all[:1000], y_train_all[:1000]",
                "x_train, y_train = x_train[:900], y_train[:900]", "SHIFT, ROTATION, COPIES = 2, 10, 2",
                "every epoch trains on the 900 images and 2 shifted and rotated copies\n# of each, drawn anew every epoch",
                "2700 training images with their copies / 50 → 54 steps", "54 steps per epoch",
                "tf.keras.layers.RandomTranslation(SHIFT / 28, SHIFT / 28, fill_mode=\"constant\", fill_value=0.0,",
                "tf.keras.layers.RandomRotation(ROTATION / 360,", "The random draws are not\n# nnlab's: TensorFlow draws its own",
                "nnlab drew them from seed 7", "originals.repeat(COPIES).map(shifted_and_rotated)",
                "model.fit(train_data, epochs=EPOCHS, validation_data=(x_val, y_val), callbacks=callbacks");
        assertThat(k).doesNotContain("pixel_mean", "model.fit(x_train");
        String t = torch("mnist-augmentation");
        assertThat(t).contains("def shift_and_rotate(images, dx, dy, angle):", "def augment(images):",
                "nn.functional.grid_sample(", "x_epoch = torch.cat([x_train] + [augment(x_train) for _ in range(COPIES)])",
                "y_epoch = y_train.repeat(1 + COPIES)", "# nnlab's: torch draws its own,\n# so the copies differ from the job's",
                "54 steps per epoch");
        // the defaults filled in, the seed the data's (the job's seed 3), and standardised images turned into pixels
        String standard = keras("mnist-augmentation-standard");
        assertThat(standard).contains("SHIFT, ROTATION, COPIES = 2, 15, 1", "nnlab drew them from seed 3",
                "x = x * pixel_std + pixel_mean", "1000 training images with their copies / 100 → 10 steps");
        assertThat(torch("mnist-augmentation-standard")).contains("pixels = images * pixel_std + pixel_mean",
                "return (shift_and_rotate(pixels, dx, dy, angle) - pixel_mean) / pixel_std");
    }

    @Test
    void thePyTorchTransformIsNnlabsWithoutTorchvision() throws IOException {
        String python = Python3.require("the exported augmentation in PyTorch", "torch");
        String t = torch("mnist-augmentation");
        String functions = t.substring(t.indexOf("SHIFT, ROTATION, COPIES ="), t.indexOf("# ---- the model"));
        assertThat(functions).doesNotContain("torchvision");
        // the cases AugmentationTest checks on nnlab's own transform: a shift moves a pixel by whole pixels; a
        // quarter turn about (13.5, 13.5) takes row 10, column 12 to row 12, column 17; a half turn to row 17, column 15
        String check = "import math\nimport torch\nfrom torch import nn\nSEED = 1\n" + functions + """

                image = torch.zeros(1, 28, 28)
                image[0, 10, 12] = 1
                one = lambda v: torch.tensor([float(v)], dtype=torch.float64)
                shifted = shift_and_rotate(image, one(2), one(-1), one(0))
                assert abs(shifted[0, 9, 14].item() - 1) < 1e-5 and abs(shifted.sum().item() - 1) < 1e-5, shifted.nonzero()
                quarter = shift_and_rotate(image, one(0), one(0), one(math.pi / 2))
                assert abs(quarter[0, 12, 17].item() - 1) < 1e-4, quarter.nonzero()
                half = shift_and_rotate(image, one(0), one(0), one(math.pi))
                assert abs(half[0, 17, 15].item() - 1) < 1e-4, half.nonzero()
                digits = torch.rand(50, 28, 28)
                first, second = augment(digits), augment(digits)
                assert first.shape == digits.shape
                assert first.min().item() >= 0 and first.max().item() <= 1
                assert not torch.equal(first, second), "every call draws new copies"
                print("augmentation checked")
                """;
        Path file = Files.createTempFile("augmentation", ".py");
        try {
            Files.writeString(file, check);
            Python3.Result r = Python3.run(python, null, 120, file.toString());
            assertThat(r.exit()).as(r.output()).isZero();
            assertThat(r.output()).contains("augmentation checked");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void everyScriptCompiles(@TempDir Path dir) throws IOException {
        String python = Python3.require("compiling the exported scripts");
        List<String> files = new ArrayList<>(List.of("-m", "py_compile"));
        for (String name : SPECS.keySet()) {
            for (Framework f : Framework.values()) {
                ExportPlan plan = plan(name);
                String script = f == Framework.KERAS ? KerasScript.of(plan) : TorchScript.of(plan);
                Path file = dir.resolve(plan.fileName(f));
                Files.writeString(file, script);
                files.add(file.toString());
            }
        }
        Python3.Result r = Python3.run(python, dir, 120, files.toArray(String[]::new));
        assertThat(r.exit()).as(r.output()).isZero();
        System.out.printf("[export] %d scripts compiled with %s%n", files.size() - 2, python);
    }

    @Test
    void anUnknownFrameworkIsRefusedNamingTheFieldAndTheChoices() {
        assertThat(Framework.of("keras")).isEqualTo(Framework.KERAS);
        assertThat(Framework.of("pytorch")).isEqualTo(Framework.PYTORCH);
        assertThatThrownBy(() -> Framework.of("jax")).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("framework");
            assertThat(e.reason()).isEqualTo("must be keras or pytorch, was 'jax'");
        });
        assertThatThrownBy(() -> Framework.of(null)).isInstanceOfSatisfying(InvalidInputException.class,
                e -> assertThat(e.reason()).isEqualTo("is required: keras or pytorch"));
    }

    @Test
    void aModelThatIsNotANetworkIsRefusedInWords() {
        JobSpec noLayers = new JobSpec(spec(IRIS).dataset(), new JobSpec.Model(null, null, null), spec(IRIS).training(),
                1L, null, null);
        assertThatThrownBy(() -> CodeExports.plan("j1", noLayers, MAPPER))
                .isInstanceOfSatisfying(NotExportableException.class, e -> {
                    assertThat(e.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
                    assertThat(e.getBody().getDetail()).isEqualTo("job j1 is not a neural network (its model has no"
                            + " layers): only networks export as Keras or PyTorch code");
                });
        assertThatThrownBy(() -> CodeExports.requireNetwork("j2", new JobSpec(null, null, null, 1L, null, null)))
                .isInstanceOf(NotExportableException.class);
    }

    @Test
    void theFrameworkStaysOutOfTheDataPart() {
        // the same NumPy data code in both scripts: only MNIST's source differs
        for (String name : List.of("iris", "boston", "playground-features-uniform-l1")) {
            String k = keras(name);
            String t = torch(name);
            String kData = k.substring(k.indexOf("# ---- the data"), k.indexOf("print(f\"{len(x_train)}"));
            assertThat(t).as(name).contains(kData);
        }
    }
}
