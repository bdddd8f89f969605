package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A batch of bad specs: each gets 400 with a problem body naming the field; the server keeps serving. */
@ExtendWith(OutputCaptureExtension.class)
class BadInputIT extends LiveServer {

    private static final String DATASET = "\"dataset\": {\"name\": \"playground\", \"kind\": \"circle\"}";
    private static final String MODEL = "\"model\": {\"layers\": [{\"units\": 4, \"activation\": \"relu\"}, "
            + "{\"units\": 2, \"activation\": \"softmax\"}]}";
    private static final String TRAINING = "\"training\": {\"epochs\": 5}";

    private static String spec(String dataset, String model, String training, String extra) {
        return "{" + dataset + ", " + model + ", " + training + (extra == null ? "" : ", " + extra) + "}";
    }

    private static String layers(String layers) {
        return "\"model\": {\"layers\": " + layers + "}";
    }

    @Test
    void everyBadSpecIsA400NamingTheField(CapturedOutput output) {
        // spec -> [field, a piece of the detail]
        Map<String, String[]> cases = new LinkedHashMap<>();
        cases.put("{\"dataset\": {\"name\": \"playground\"", new String[] {"body", "not valid JSON"});
        cases.put("{\"dataset\": {\"name\": 'playground'}}", new String[] {"body", "not valid JSON"});
        cases.put("", new String[] {"body", "required"});
        cases.put("[1, 2]", new String[] {"body", "JSON object"});
        cases.put(spec(DATASET, MODEL, TRAINING, "\"colour\": \"red\""), new String[] {"colour", "unknown field"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"epochs\": 5, \"lr\": 0.1}", null),
                new String[] {"training.lr", "unknown field 'lr'"});
        cases.put(spec("\"dataset\": {\"name\": \"playground\", \"size\": 3}", MODEL, TRAINING, null),
                new String[] {"dataset.size", "unknown field"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"epochs\": \"five\"}", null),
                new String[] {"training.epochs", "whole number"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"epochs\": 2.5}", null),
                new String[] {"training.epochs", "whole number"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"learningRate\": \"0.1\"}", null),
                new String[] {"training.learningRate", "number"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"learningRate\": NaN}", null),
                new String[] {"training.learningRate", "finite"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"learningRate\": -0.01}", null),
                new String[] {"training.learningRate", "(0, 100]"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"learningRate\": 0}", null),
                new String[] {"training.learningRate", "(0, 100]"});
        cases.put(spec(DATASET, layers("[{\"units\": 4, \"activation\": \"rectifier\"}, "
                        + "{\"units\": 2, \"activation\": \"softmax\"}]"), TRAINING, null),
                new String[] {"model.layers[0].activation", "allowed: linear, sigmoid"});
        cases.put(spec(DATASET, layers("[{\"units\": 4, \"activation\": 3}, {\"units\": 2, \"activation\": \"softmax\"}]"),
                TRAINING, null), new String[] {"model.layers[0].activation", "string"});
        cases.put(spec(DATASET, layers("[{\"units\": 4}, {\"units\": 2, \"activation\": \"softmax\"}]"), TRAINING, null),
                new String[] {"model.layers[0].activation", "required"});
        cases.put(spec(DATASET, layers("[{\"units\": 1000000, \"activation\": \"relu\"}, "
                        + "{\"units\": 2, \"activation\": \"softmax\"}]"), TRAINING, null),
                new String[] {"model.layers[0].units", "nnlab.limits.max-units"});
        cases.put(spec(DATASET, layers("[{\"units\": 0, \"activation\": \"relu\"}, "
                        + "{\"units\": 2, \"activation\": \"softmax\"}]"), TRAINING, null),
                new String[] {"model.layers[0].units", "between 1 and"});
        cases.put(spec(DATASET, layers("[]"), TRAINING, null), new String[] {"model.layers", "at least one"});
        cases.put(spec(DATASET, layers("[" + "{\"units\": 2, \"activation\": \"relu\"}, ".repeat(20)
                        + "{\"units\": 2, \"activation\": \"softmax\"}]"), TRAINING, null),
                new String[] {"model.layers", "nnlab.limits.max-layers"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"epochs\": 100000000}", null),
                new String[] {"training.epochs", "nnlab.limits.max-epochs"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"batchSize\": 0}", null),
                new String[] {"training.batchSize", "between 1 and"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"optimizer\": \"adamw\"}", null),
                new String[] {"training.optimizer", "allowed: sgd, momentum, adam, rmsprop"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"loss\": \"mse\"}", null),
                new String[] {"model.layers[1].activation", "softmax"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"l2\": -1}", null), new String[] {"training.l2", "[0, 10]"});
        cases.put(spec(DATASET, MODEL, "\"training\": {\"earlyStopping\": {\"minDelta\": 0.1}}", null),
                new String[] {"training.earlyStopping.patience", "null"});
        // layer shapes that do not fit the data set
        cases.put(spec(DATASET, layers("[{\"units\": 4, \"activation\": \"relu\"}, "
                        + "{\"units\": 3, \"activation\": \"softmax\"}]"), TRAINING, null),
                new String[] {"model.layers[1].units", "2 classes"});
        cases.put(spec("\"dataset\": {\"name\": \"mnist\", \"trainLimit\": 100, \"testLimit\": 10}",
                        layers("[{\"units\": 16, \"activation\": \"relu\"}, {\"units\": 2, \"activation\": \"softmax\"}]"),
                        TRAINING, null),
                new String[] {"model.layers[1].units", "10 classes"});
        cases.put(spec("\"dataset\": {\"name\": \"boston\"}",
                        layers("[{\"units\": 8, \"activation\": \"relu\"}, {\"units\": 2, \"activation\": \"relu\"}]"),
                        "\"training\": {\"loss\": \"mse\"}", null),
                new String[] {"model.layers[1].units", "target"});
        // data sets
        cases.put(spec("\"dataset\": {\"name\": \"cifar10\"}", MODEL, TRAINING, null),
                new String[] {"dataset.name", "mnist"});
        cases.put(spec("\"dataset\": {\"name\": \"playground\", \"kind\": \"moons\"}", MODEL, TRAINING, null),
                new String[] {"dataset.kind", "spiral"});
        cases.put(spec("\"dataset\": {\"name\": \"points\", \"points\": [[1, 2, 1], [1, 2, 5]]}", MODEL, TRAINING, null),
                new String[] {"dataset.points[1][2]", "class index"});
        cases.put(spec("\"dataset\": {\"name\": \"points\", \"points\": [[1, 2, 1], [1, 2]]}", MODEL, TRAINING, null),
                new String[] {"dataset.points[1]", "[x1, x2, label]"});
        cases.put(spec("\"dataset\": {\"name\": \"points\"}", MODEL, TRAINING, null),
                new String[] {"dataset.points", "required"});
        cases.put(spec("\"dataset\": {\"name\": \"playground\", \"classes\": 4}", MODEL, TRAINING, null),
                new String[] {"dataset.classes", "3"});
        cases.put(spec("\"dataset\": {\"name\": \"playground\", \"kind\": \"xor\", \"classes\": 3}", MODEL, TRAINING, null),
                new String[] {"dataset.classes", "circle, gauss and spiral"});
        cases.put(spec("\"dataset\": {\"name\": \"iris\", \"classes\": 3}", MODEL, TRAINING, null),
                new String[] {"dataset.classes", "not a parameter"});
        cases.put(spec("\"dataset\": {\"name\": \"playground\", \"noise\": 7}", MODEL, TRAINING, null),
                new String[] {"dataset.noise", "between 0 and 0.5"});
        cases.put(spec("\"dataset\": {\"name\": \"playground\", \"samples\": 99999999}", MODEL, TRAINING, null),
                new String[] {"dataset.samples", "60000"});
        cases.put(spec(DATASET, MODEL, TRAINING, null).replace(DATASET + ", ", ""), new String[] {"dataset", "null"});
        cases.put(spec("\"dataset\": {\"name\": \"iris\"}", layers("[{\"units\": 4, \"activation\": \"relu\"}, {\"units\": 3, \"activation\": \"softmax\"}]"),
                        TRAINING, "\"output\": {\"grid\": {\"resolution\": 10}}"),
                new String[] {"output.grid", "2-D"});
        cases.put(spec(DATASET, MODEL, TRAINING, "\"output\": {\"grid\": {\"resolution\": 5000}}"),
                new String[] {"output.grid.resolution", "nnlab.limits.max-grid-resolution"});
        cases.put(spec(DATASET, "\"model\": {\"layers\": [{\"units\": 2, \"activation\": \"softmax\"}], "
                        + "\"weights\": {\"kernels\": [[[1, 2, 3]]], \"biases\": [[0, 0]]}}", TRAINING, null),
                new String[] {"model.weights.kernels[0]", "2 rows"});
        cases.put(spec(DATASET, MODEL, TRAINING, "\"seed\": \"abc\""), new String[] {"seed", "whole number"});

        int before = api.get("/api/jobs").json().size();
        for (Map.Entry<String, String[]> c : cases.entrySet()) {
            Api.Response r = api.post("/api/jobs", c.getKey());
            String what = c.getKey() + " -> " + r.text();
            assertThat(r.status()).as(what).isEqualTo(400);
            assertThat(r.header("Content-Type")).as(what).startsWith("application/problem+json");
            JsonNode p = r.json();
            assertThat(p.get("status").asInt()).as(what).isEqualTo(400);
            assertThat(p.get("title").asText()).as(what).isNotBlank();
            assertThat(p.get("field").asText()).as(what).isEqualTo(c.getValue()[0]);
            assertThat(p.get("detail").asText()).as(what).contains(c.getValue()[1]);
            assertThat(p.get("detail").asText()).as(what).doesNotContain("Exception", "at nnlab.", "at com.");
        }
        // no stack trace in the log
        assertThat(output.getAll()).doesNotContain("\tat ", "Exception:");
        // none of them became a job, and the server still trains
        assertThat(api.get("/api/jobs").json().size()).isEqualTo(before);
        String id = api.submit(Specs.spiral(5, null));
        assertThat(api.awaitFinished(id, java.time.Duration.ofSeconds(60)).get("status").asText()).isEqualTo("SUCCEEDED");
    }

    @Test
    void badControlsAre400Too() {
        String id = api.submit(Specs.spiral(5, "\"startPaused\": true"));
        Api.Response lr = api.patch("/api/jobs/" + id, "{\"learningRate\": -1}");
        assertThat(lr.status()).isEqualTo(400);
        assertThat(lr.json().get("field").asText()).isEqualTo("learningRate");
        Api.Response missing = api.patch("/api/jobs/" + id, "{}");
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().get("field").asText()).isEqualTo("learningRate");
        Api.Response unknown = api.patch("/api/jobs/" + id, "{\"learningRate\": 0.1, \"momentum\": 0.5}");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("field").asText()).isEqualTo("momentum");
        Api.Response status = api.get("/api/jobs?status=DONE");
        assertThat(status.status()).isEqualTo(400);
        assertThat(status.json().get("field").asText()).isEqualTo("status");
        Api.Response both = api.post("/api/jobs/" + id + "/predict", "{}");
        assertThat(both.status()).isIn(400, 409);
        api.delete("/api/jobs/" + id);
    }
}
