package nnlab.jobs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import nnlab.support.Api;
import nnlab.support.LiveServer;
import nnlab.support.Specs;
import org.junit.jupiter.api.Test;

/** POST /api/jobs/{id}/trace: one example forward and backward through a trained job's network. */
class TraceIT extends LiveServer {

    static final String XOR_HAND = """
            {"dataset": {"name": "xor"},
             "model": {"layers": [{"units": 2, "activation": "relu"}, {"units": 1, "activation": "linear"}],
                       "weights": {"kernels": [[[1, 1], [1, 1]], [[1], [-2]]], "biases": [[0, -1], [0]]}},
             "training": {"optimizer": "sgd", "learningRate": 0.01, "batchSize": 4, "epochs": 1, "loss": "mse"},
             "seed": 1}""";

    static final String XOR_TRAINED = """
            {"dataset": {"name": "xor"},
             "model": {"layers": [{"units": 2, "activation": "tanh"}, {"units": 1, "activation": "sigmoid"}]},
             "training": {"optimizer": "adam", "learningRate": 0.05, "batchSize": 4, "epochs": 50,
                          "loss": "binary_crossentropy"},
             "seed": 5}""";

    @Test
    void theHandSolutionOfXorForwardAndBackward() {
        String id = api.submit(XOR_HAND);
        api.awaitFinished(id, Duration.ofMinutes(1));

        // (1, 1) with a wrong target of 1: z = (2, 1), ŷ = 0, L = 1, δ_out = 2(ŷ − y) = −2
        Api.Response r = api.post("/api/jobs/" + id + "/trace", "{\"inputs\": [1, 1], \"target\": [1]}");
        assertThat(r.status()).as(r.text()).isEqualTo(200);
        JsonNode t = r.json();
        assertThat(t.get("jobId").asText()).isEqualTo(id);
        assertThat(t.get("loss").asText()).isEqualTo("mse");
        assertThat(t.get("index").isNull()).isTrue();
        JsonNode trace = t.get("trace");
        JsonNode hidden = trace.get("layers").get(0);
        JsonNode out = trace.get("layers").get(1);
        assertThat(hidden.get("z").get(0).asDouble()).isEqualTo(2);
        assertThat(hidden.get("z").get(1).asDouble()).isEqualTo(1);
        assertThat(out.get("a").get(0).asDouble()).isEqualTo(0);
        assertThat(trace.get("loss").asDouble()).isEqualTo(1);
        assertThat(out.get("delta").get(0).asDouble()).isEqualTo(-2);
        assertThat(out.get("kernelGradient").get(0).get(0).asDouble()).isEqualTo(-4); // h₁·δ = 2·(−2)
        assertThat(hidden.get("delta").get(1).asDouble()).isEqualTo(4); // δ·w₂ = −2·(−2)
        assertThat(hidden.get("kernelEstimate").get(0).get(1).asDouble()).isCloseTo(4, offset(1e-6));
        assertThat(trace.get("maxRelativeError").asDouble()).isLessThan(1e-6);
    }

    @Test
    void aTrainedNetworksGradientsAgreeWithFiniteDifferencesOnEveryTrainingExample() {
        String id = api.submit(XOR_TRAINED);
        assertThat(api.awaitFinished(id, Duration.ofMinutes(1)).get("status").asText()).isEqualTo("SUCCEEDED");
        for (int i = 0; i < 4; i++) {
            Api.Response r = api.post("/api/jobs/" + id + "/trace", "{\"index\": " + i + "}");
            assertThat(r.status()).as(r.text()).isEqualTo(200);
            JsonNode t = r.json();
            assertThat(t.get("index").asInt()).isEqualTo(i);
            assertThat(t.get("epoch").asInt()).isEqualTo(50);
            assertThat(t.get("trace").get("maxRelativeError").asDouble()).isLessThan(1e-5);
            assertThat(t.get("trace").get("layers")).hasSize(2);
            assertThat(t.get("trace").get("layers").get(0).get("kernelGradient")).hasSize(2);
        }
        assertThat(api.post("/api/jobs/" + id + "/trace", "").status()).isEqualTo(200);
    }

    @Test
    void badExamplesAndLargeNetworksAreRefusedInWords() {
        String id = api.submit(XOR_HAND);
        api.awaitFinished(id, Duration.ofMinutes(1));
        assertProblem(api.post("/api/jobs/" + id + "/trace", "{\"index\": 4}"), "index", "between 0 and 3");
        assertProblem(api.post("/api/jobs/" + id + "/trace", "{\"inputs\": [1]}"), "inputs", "2 values");
        assertProblem(api.post("/api/jobs/" + id + "/trace", "{\"inputs\": [1, 0]}"), "target", "1 value");
        assertProblem(api.post("/api/jobs/" + id + "/trace", "{\"index\": 1, \"inputs\": [1, 0]}"), "index", "not several");

        String mnist = api.submit(Specs.mnist(64, 16, 32, 1, null));
        api.awaitFinished(mnist, Duration.ofMinutes(2));
        assertProblem(api.post("/api/jobs/" + mnist + "/trace", "{}"), "model", "109386 parameters");
    }

    private static void assertProblem(Api.Response r, String field, String words) {
        assertThat(r.status()).as(r.text()).isEqualTo(400);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        assertThat(r.json().toString()).contains(field).contains(words);
    }
}
