package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import org.junit.jupiter.api.Test;

/** POST /api/jobs/preview: a 2-D job's starting point without a job, and the two seeds. */
class PreviewIT extends LiveServer {

    private static String spec(String seeds, String extra) {
        return """
                {"dataset": {"name": "playground", "kind": "spiral", "noise": 0.1, "samples": 200 %s},
                 "model": {"layers": [{"units": 4, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]},
                 "training": {"epochs": 5, "learningRate": 0.03, "batchSize": 10},
                 "output": {"weights": true, "grid": {"resolution": 10, "neurons": true}} %s}
                """.formatted(seeds, extra);
    }

    @Test
    void aPreviewIsWhatAPausedJobOfTheSameSpecStartsFrom() {
        String spec = spec(", \"seed\": 11", ", \"seed\": 5");
        Api.Response r = api.post("/api/jobs/preview", spec);
        assertThat(r.status()).isEqualTo(200);
        JsonNode preview = r.json();
        assertThat(preview.get("points").get("train").size() + preview.get("points").get("test").size()).isEqualTo(200);
        assertThat(preview.get("train").get("loss").asDouble()).isPositive();
        assertThat(preview.get("test").get("accuracy").asDouble()).isBetween(0.0, 1.0);
        JsonNode grid = preview.get("grid");
        assertThat(grid.get("resolution").asInt()).isEqualTo(10);
        assertThat(grid.get("layers").size()).isEqualTo(2); // the hidden layer's 4 maps and the output's
        assertThat(grid.get("layers").get(0).size()).isEqualTo(4);

        String id = api.submit(spec.replace("\"output\"", "\"startPaused\": true, \"output\""));
        try {
            api.awaitJob(id, j -> j.get("status").asText().equals("PAUSED"), Duration.ofSeconds(60));
            assertThat(api.get("/api/jobs/" + id + "/points").json()).isEqualTo(preview.get("points"));
            JsonNode model = api.get("/api/jobs/" + id + "/model").json();
            assertThat(model.get("weights")).isEqualTo(preview.get("weights"));
            // the job's first prediction is the preview's output map
            JsonNode predicted = api.post("/api/jobs/" + id + "/predict", "{\"points\": [[-6, 6], [6, -6]]}").json();
            JsonNode output = grid.get("layers").get(1).get(0);
            assertThat(predicted.get("outputs").get(0).get(0).asDouble()).isCloseTo(output.get(0).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-4));
            assertThat(predicted.get("outputs").get(1).get(0).asDouble()).isCloseTo(output.get(99).asDouble(),
                    org.assertj.core.data.Offset.offset(1e-4));
            // the stored spec names both seeds
            JsonNode stored = api.job(id).get("spec");
            assertThat(stored.get("seed").asLong()).isEqualTo(5);
            assertThat(stored.get("dataset").get("seed").asLong()).isEqualTo(11);
        } finally {
            api.delete("/api/jobs/" + id);
        }
    }

    @Test
    void theDataSeedKeepsThePointsWhileTheSeedDrawsNewWeights() {
        JsonNode a = api.post("/api/jobs/preview", spec(", \"seed\": 3", ", \"seed\": 1")).json();
        JsonNode b = api.post("/api/jobs/preview", spec(", \"seed\": 3", ", \"seed\": 2")).json();
        JsonNode c = api.post("/api/jobs/preview", spec(", \"seed\": 4", ", \"seed\": 1")).json();
        assertThat(b.get("points")).isEqualTo(a.get("points"));
        assertThat(b.get("weights")).isNotEqualTo(a.get("weights"));
        assertThat(c.get("points")).isNotEqualTo(a.get("points"));
        assertThat(c.get("weights")).isEqualTo(a.get("weights"));
        // without dataset.seed the seed draws the data as before there were two
        JsonNode old = api.post("/api/jobs/preview", spec("", ", \"seed\": 3")).json();
        assertThat(old.get("points")).isEqualTo(a.get("points"));
        assertThat(old.get("dataSeed").asLong()).isEqualTo(3);
    }

    @Test
    void givenWeightsArePreviewedAsGiven() {
        String weights = """
                , "seed": 1, "model": {"layers": [{"units": 1, "activation": "sigmoid"}],
                  "weights": {"kernels": [[[0.5], [-0.25]]], "biases": [[0.1]]}}""";
        String spec = """
                {"dataset": {"name": "xor"}, "training": {"epochs": 5} %s}""".formatted(weights);
        Api.Response r = api.post("/api/jobs/preview", spec);
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("weights").get("kernels").get(0).get(1).get(0).asDouble()).isEqualTo(-0.25);
        assertThat(r.json().get("weights").get("biases").get(0).get(0).asDouble()).isEqualTo(0.1);
        assertThat(r.json().has("grid")).isFalse();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        Api.Response iris = api.post("/api/jobs/preview", """
                {"dataset": {"name": "iris"}, "model": {"layers": [{"units": 3, "activation": "softmax"}]},
                 "training": {"epochs": 1}}""");
        assertThat(iris.status()).isEqualTo(400);
        assertThat(iris.header("Content-Type")).startsWith("application/problem+json");
        assertThat(iris.text()).contains("dataset.name").contains("2-D");

        Api.Response units = api.post("/api/jobs/preview", spec("", "").replace("\"units\": 4", "\"units\": 0"));
        assertThat(units.status()).isEqualTo(400);
        assertThat(units.text()).contains("model.layers[0].units");

        Api.Response weights = api.post("/api/jobs/preview", """
                {"dataset": {"name": "xor"}, "training": {"epochs": 1}, "model": {"layers":
                 [{"units": 1, "activation": "sigmoid"}], "weights": {"kernels": [[[1, 2, 3]]], "biases": [[0]]}}}""");
        assertThat(weights.status()).isEqualTo(400);
        assertThat(weights.text()).contains("model.weights");

        Api.Response broken = api.post("/api/jobs/preview", "{\"dataset\": ");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.text()).doesNotContain("java.").doesNotContain("Exception");
        // nothing of this made a job
        assertThat(api.get("/api/jobs").json().toString()).doesNotContain("\"iris\"");
    }
}
