package nnlab.jobs.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The export over HTTP: the downloads and their names, the refusals in words, and — where PyTorch is installed —
 * the exported PyTorch script with the exported weights giving the job's own test accuracy (evaluation only).
 */
class CodeExportIT extends LiveServer {

    private static final Pattern TEST_ACCURACY = Pattern.compile("test accuracy: ([0-9.]+)");
    private static final Pattern TEST_LOSS = Pattern.compile("test loss: ([0-9.]+)");

    private static final String IRIS = """
            {"dataset": {"name": "iris", "scaling": "standard"},
             "model": {"layers": [{"units": 100, "activation": "relu"}, {"units": 3, "activation": "softmax"}]},
             "training": {"optimizer": "adam", "learningRate": 0.01, "batchSize": 16, "epochs": 40}, "seed": 5}""";

    private static final String CIRCLE = """
            {"dataset": {"name": "playground", "kind": "circle", "noise": 0.2, "scaling": "standard",
                         "features": ["x1", "x2", "x1sq", "x2sq"], "validationSplit": 0.2},
             "model": {"layers": [{"units": 4, "activation": "tanh"}, {"units": 2, "activation": "softmax"}]},
             "training": {"optimizer": "sgd", "learningRate": 0.1, "batchSize": 10, "epochs": 15}, "seed": 21}""";

    @Test
    void thePyTorchScriptWithTheJobsWeightsGivesTheJobsTestAccuracyOnIris(@TempDir Path dir) throws IOException {
        String job = api.submit(IRIS);
        JsonNode finished = api.awaitFinished(job, Duration.ofSeconds(60));
        assertThat(finished.path("status").asText()).isEqualTo("SUCCEEDED");
        Path script = download(job, "/code?framework=pytorch", "text/x-python", "nnlab-job-" + job + "-pytorch.py", dir);
        Path weights = download(job, "/code/weights.json", "application/json", "nnlab-job-" + job + "-weights.json", dir);
        assertThat(Files.readString(script)).contains("from sklearn.datasets import load_iris", "TEST_ROWS = [");
        assertThat(api.get("/api/jobs/" + job + "/code/weights.json").json().path("epoch").asInt()).isEqualTo(40);

        double nnlab = finished.path("last").path("test").path("accuracy").asDouble();
        double torch = evaluateWithPyTorch(script, weights, dir, "Iris")[0];
        System.out.printf("[export] iris: nnlab's test accuracy %.4f, the PyTorch script's with the job's weights %.4f%n",
                nnlab, torch);
        assertThat(torch).isCloseTo(nnlab, within(0.01));
    }

    @Test
    void playgroundPointsComeAsACsvThatGivesTheJobsTestAccuracyInPyTorch(@TempDir Path dir) throws IOException {
        String job = api.submit(CIRCLE);
        JsonNode finished = api.awaitFinished(job, Duration.ofSeconds(60));
        assertThat(finished.path("status").asText()).isEqualTo("SUCCEEDED");
        Path csv = download(job, "/code/data.csv", "text/csv", "nnlab-job-" + job + "-data.csv", dir);
        assertThat(Files.readAllLines(csv).get(0)).isEqualTo("x1,x2,label,split");
        assertThat(Files.readAllLines(csv).stream().filter(l -> l.endsWith(",validation")).count()).isPositive();
        Path script = download(job, "/code?framework=pytorch", "text/x-python", "nnlab-job-" + job + "-pytorch.py", dir);
        Path weights = download(job, "/code/weights.json", "application/json", "nnlab-job-" + job + "-weights.json", dir);
        download(job, "/code?framework=keras", "text/x-python", "nnlab-job-" + job + "-keras.py", dir);

        double nnlab = finished.path("last").path("test").path("accuracy").asDouble();
        double torch = evaluateWithPyTorch(script, weights, dir, "the playground's circle")[0];
        System.out.printf("[export] circle: nnlab's test accuracy %.4f, the PyTorch script's with the job's weights"
                + " %.4f%n", nnlab, torch);
        assertThat(torch).isCloseTo(nnlab, within(0.01));
    }

    @Test
    void batchNormalisedWeightsGiveTheJobsTestLossAndAccuracyInPyTorch(@TempDir Path dir) throws IOException {
        String job = api.submit(CIRCLE.replace("{\"units\": 4, \"activation\": \"tanh\"}",
                "{\"units\": 8, \"activation\": \"relu\", \"batchNorm\": true},"
                        + " {\"units\": 4, \"activation\": \"tanh\", \"batchNorm\": true}"));
        JsonNode finished = api.awaitFinished(job, Duration.ofSeconds(60));
        assertThat(finished.path("status").asText()).isEqualTo("SUCCEEDED");
        Path csv = download(job, "/code/data.csv", "text/csv", "nnlab-job-" + job + "-data.csv", dir);
        Path script = download(job, "/code?framework=pytorch", "text/x-python", "nnlab-job-" + job + "-pytorch.py", dir);
        Path weights = download(job, "/code/weights.json", "application/json", "nnlab-job-" + job + "-weights.json", dir);
        assertThat(Files.readString(download(job, "/code?framework=keras", "text/x-python",
                "nnlab-job-" + job + "-keras.py", dir))).contains("tf.keras.layers.BatchNormalization(momentum=0.99, epsilon=0.001)");
        JsonNode norms = api.get("/api/jobs/" + job + "/code/weights.json").json().path("batchNorm");
        assertThat(norms).hasSize(3);
        assertThat(norms.get(0).path("movingVariance")).hasSize(8);
        assertThat(norms.get(2).isNull()).as("the output layer has none").isTrue();
        // trained: the moving averages have left their start (mean 0, variance 1)
        assertThat(norms.get(1).path("movingMean").get(0).asDouble()).isNotEqualTo(0.0);

        JsonNode test = finished.path("last").path("test");
        double[] torch = evaluateWithPyTorch(script, weights, dir, "the circle with batch normalisation");
        System.out.printf("[export] circle with batch normalisation: nnlab's test loss %.5f, accuracy %.4f; the PyTorch"
                + " script's with the job's weights %.5f, %.4f%n", test.path("loss").asDouble(),
                test.path("accuracy").asDouble(), torch[1], torch[0]);
        assertThat(torch[1]).isCloseTo(test.path("loss").asDouble(), within(1e-3));
        assertThat(torch[0]).isCloseTo(test.path("accuracy").asDouble(), within(1e-4));

        // example by example: the server's class scores of the test points against the PyTorch model's
        List<String> points = Files.readAllLines(csv).stream().filter(l -> l.endsWith(",test"))
                .map(l -> "[" + l.split(",")[0] + ", " + l.split(",")[1] + "]").toList();
        JsonNode server = api.post("/api/jobs/" + job + "/predict", "{\"points\": " + points + "}").json().path("outputs");
        JsonNode pytorch = pyTorchScores(script, weights, dir);
        assertThat(pytorch).hasSize(points.size());
        double largest = 0;
        for (int i = 0; i < points.size(); i++) {
            for (int c = 0; c < 2; c++) {
                largest = Math.max(largest, Math.abs(server.get(i).get(c).asDouble() - pytorch.get(i).get(c).asDouble()));
            }
        }
        System.out.printf("[export] circle with batch normalisation: %d test points, largest difference of a class"
                + " score between the server and PyTorch %.2e%n", points.size(), largest);
        assertThat(largest).isLessThan(1e-4);
    }

    /** The script run with the job's weights and no training, then its model's softmax scores of its test examples. */
    private static JsonNode pyTorchScores(Path script, Path weights, Path dir) throws IOException {
        String python = Python3.require("the PyTorch script's predictions", "torch", "numpy");
        Path runner = dir.resolve("scores.py");
        Files.writeString(runner, """
                import json, runpy, sys
                import torch
                sys.argv = [sys.argv[1], "--weights", sys.argv[2], "--evaluate-only"]
                run = runpy.run_path(sys.argv[0], run_name="__main__")
                run["model"].eval()
                with torch.no_grad():
                    scores = torch.softmax(run["model"](run["x_test"]), dim=1)
                print("SCORES " + json.dumps(scores.tolist()))
                """);
        Python3.Result r = Python3.run(python, dir, 300, "scores.py", script.getFileName().toString(),
                weights.getFileName().toString());
        assertThat(r.exit()).as(r.output()).isZero();
        String line = r.output().lines().filter(l -> l.startsWith("SCORES ")).findFirst().orElseThrow();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(line.substring("SCORES ".length()));
    }

    @Test
    void refusalsAreProblemsInWords() {
        String job = api.submit(IRIS.replace("\"epochs\": 40", "\"epochs\": 1"));
        api.awaitFinished(job, Duration.ofSeconds(60));
        Api.Response jax = api.get("/api/jobs/" + job + "/code?framework=jax");
        assertProblem(jax, 400, "framework: must be keras or pytorch, was 'jax'");
        assertThat(jax.json().path("field").asText()).isEqualTo("framework");
        assertProblem(api.get("/api/jobs/" + job + "/code"), 400, "framework: is required: keras or pytorch");
        assertProblem(api.get("/api/jobs/" + job + "/code/data.csv"), 404,
                "job " + job + "'s data (iris) has no CSV: its script loads it from scikit-learn's load_iris()");
        assertProblem(api.get("/api/jobs/nope/code?framework=keras"), 404, "no job with id 'nope'");

        String mnist = api.submit("""
                {"dataset": {"name": "mnist", "trainLimit": 64, "testLimit": 32},
                 "model": {"layers": [{"units": 10, "activation": "softmax"}]},
                 "training": {"optimizer": "adam", "learningRate": 0.001, "batchSize": 32, "epochs": 1}, "seed": 1}""");
        api.awaitFinished(mnist, Duration.ofSeconds(120));
        assertThat(api.get("/api/jobs/" + mnist + "/code?framework=keras").text())
                .contains("tf.keras.datasets.mnist.load_data()", "2 steps per epoch", "1 test batches");
        assertThat(api.get("/api/jobs/" + mnist + "/code?framework=pytorch").text()).contains("datasets.MNIST(");
        assertProblem(api.get("/api/jobs/" + mnist + "/code/data.csv"), 404,
                "its script loads it from keras.datasets (Keras) or torchvision (PyTorch)");

        String augmented = api.submit("""
                {"dataset": {"name": "mnist", "trainLimit": 64, "testLimit": 32, "augmentation": {"copies": 1}},
                 "model": {"layers": [{"units": 10, "activation": "softmax"}]},
                 "training": {"optimizer": "adam", "learningRate": 0.001, "batchSize": 32, "epochs": 1}, "seed": 1}""");
        api.awaitFinished(augmented, Duration.ofSeconds(120));
        // exported, no longer refused: the 64 images and a copy of each, 4 steps
        assertThat(api.get("/api/jobs/" + augmented + "/code?framework=keras").text())
                .contains("x_train, y_train = x_train_all[:64]", "4 steps per epoch", "tf.keras.layers.RandomRotation(");
        assertThat(api.get("/api/jobs/" + augmented + "/code?framework=pytorch").text()).contains("def augment(images):");
    }

    private static void assertProblem(Api.Response r, int status, String detail) {
        assertThat(r.status()).as(r.text()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains(detail);
        assertThat(r.text()).doesNotContain("Exception", "java.");
    }

    private Path download(String job, String path, String type, String fileName, Path dir) throws IOException {
        Api.Response r = api.get("/api/jobs/" + job + path);
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        assertThat(r.header("Content-Type")).startsWith(type);
        assertThat(r.header("Content-Disposition")).isEqualTo("attachment; filename=\"" + fileName + "\"");
        Path file = dir.resolve(fileName);
        Files.writeString(file, r.text());
        return file;
    }

    /** Runs the script on the job's weights without training and reads its test accuracy and loss. */
    private static double[] evaluateWithPyTorch(Path script, Path weights, Path dir, String what) throws IOException {
        String python = Python3.require("the PyTorch script on " + what, "torch", "numpy", "sklearn");
        long start = System.nanoTime();
        Python3.Result r = Python3.run(python, dir, 300, script.getFileName().toString(), "--weights",
                weights.getFileName().toString(), "--evaluate-only");
        System.out.printf("[export] %s: %s ran in %.1f s%n", what, python, (System.nanoTime() - start) / 1e9);
        assertThat(r.exit()).as(r.output()).isZero();
        Matcher accuracy = TEST_ACCURACY.matcher(r.output());
        Matcher loss = TEST_LOSS.matcher(r.output());
        assertThat(accuracy.find() && loss.find()).as(r.output()).isTrue();
        return new double[] {Double.parseDouble(accuracy.group(1)), Double.parseDouble(loss.group(1))};
    }
}
